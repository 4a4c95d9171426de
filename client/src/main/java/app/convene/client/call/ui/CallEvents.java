package app.convene.client.call.ui;

import app.convene.client.call.CallEnd;
import app.convene.client.call.CallListener;
import app.convene.client.call.JoinStep;
import app.convene.client.call.CallState;
import app.convene.client.call.PeerStats;
import app.convene.client.call.StatusLine;
import app.convene.client.i18n.Messages;
import app.convene.protocol.Peer;
import dev.onvoid.webrtc.RTCPeerConnectionState;
import dev.onvoid.webrtc.media.video.VideoTrack;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * A {@link CallModel}'s ear on its session: every {@link CallListener} call arrives on the call
 * thread and is handed, in order, to the FX thread through {@code fx}, where it changes the
 * model's tiles and properties. No decision is made here: the session says what happened.
 */
final class CallEvents implements CallListener {
  private final CallModel model;
  private final Executor fx;

  CallEvents(CallModel model, Executor fx) {
    this.model = model;
    this.fx = fx;
  }

  @Override
  public void peerAdded(Peer peer) {
    fx.execute(() -> {
      TileModel tile = new TileModel(peer.peerId(), peer.name(), false);
      tile.renderer = new VideoRenderer(model.clock(), tile.imageProperty()::set,
          model::firstPaint);
      model.drawIfShown(tile);
      tile.shown = () -> model.shownChanged(tile);
      tile.statusProperty().set(Messages.get("state.NEW"));
      model.editableTiles().add(tile);
      model.showStatus();
      model.fallback().peerJoined(peer.peerId());
    });
  }

  @Override
  public void joinStep(String peerId, JoinStep step, long nanos) {
    model.breakdown().step(peerId, step, nanos);
  }

  @Override
  public void peerState(String peerId, RTCPeerConnectionState state) {
    fx.execute(() -> {
      tile(peerId).ifPresent(t -> t.statusProperty().set(Messages.get("state." + state)));
      model.fallback().peerState(peerId, state);
    });
  }

  @Override
  public void peerVideo(String peerId, VideoTrack track) {
    // The tile is created by the peerAdded hand-over queued before this one.
    fx.execute(() -> tile(peerId)
        .ifPresent(t -> model.session().addRemoteSink(peerId, track, t.renderer)));
  }

  @Override
  public void peerRemoved(String peerId) {
    fx.execute(() -> {
      tile(peerId).ifPresent(this::drop);
      model.fallback().peerLeft(peerId);
      String removedName = model.host().removedName(peerId);
      if (removedName != null) {
        model.setStatus(Messages.format("call.participantRemoved", removedName));
      } else {
        model.showStatus();
      }
    });
  }

  @Override
  public void stats(List<PeerStats> peers) {
    fx.execute(() -> {
      for (PeerStats stats : peers) {
        tile(stats.peerId()).ifPresent(tile -> tile.qualityProperty().set(
            StatusLine.quality(stats).map(CallModel::text).orElse("")));
      }
    });
  }

  @Override
  public void serverError(String message) {
    fx.execute(() -> model.setStatus(message));
  }

  @Override
  public void ended(CallEnd why) {
    fx.execute(() -> {
      if (why instanceof CallEnd.Removal) {
        // Out of the room: the others' tiles go, and the window says why.
        List.copyOf(model.editableTiles()).stream().filter(t -> !t.isLocal()).forEach(this::drop);
      }
      model.stateChanged(CallState.ENDED, why);
    });
  }

  @Override
  public void stateChanged(CallState state) {
    if (state != CallState.ENDED) { // the end comes with its reason, in ended()
      fx.execute(() -> model.stateChanged(state, null));
    }
  }

  private void drop(TileModel tile) {
    tile.renderer.stop();
    model.editableTiles().remove(tile);
  }

  private Optional<TileModel> tile(String peerId) {
    return model.editableTiles().stream().filter(t -> t.getPeerId().equals(peerId)).findFirst();
  }
}
