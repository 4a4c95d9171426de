package app.convene.client.call.ui;

import app.convene.client.i18n.Messages;
import app.convene.client.i18n.Failures;
import app.convene.client.call.CallException;
import app.convene.client.call.CallListener;
import app.convene.client.call.CallSession;
import app.convene.client.call.HostControls;
import app.convene.client.call.InviteLink;
import app.convene.client.call.JoinTicket;
import app.convene.client.call.PeerStats;
import app.convene.client.call.Reconnect;
import app.convene.client.call.TokenSource;
import app.convene.client.media.MediaEngine;
import app.convene.client.media.OsFamily;
import app.convene.protocol.ErrorCode;
import app.convene.protocol.Joined;
import app.convene.protocol.Peer;
import app.convene.protocol.Removed;
import app.convene.protocol.api.RoomView;
import dev.onvoid.webrtc.RTCPeerConnectionState;
import dev.onvoid.webrtc.media.audio.AudioDevice;
import dev.onvoid.webrtc.media.video.VideoDevice;
import dev.onvoid.webrtc.media.video.VideoTrack;
import dev.onvoid.webrtc.media.video.desktop.DesktopSource;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.util.Duration;

/**
 * The state of the call window: one tile per participant, the media toggles, the device lists.
 * Properties and commands are for the FX thread; the session's events arrive on the call thread
 * and are handed over through the {@code fx} executor.
 */
public final class CallModel {
  private final String room;
  private final MediaEngine media;
  private final Executor io;
  private final Executor fx;
  private final ObservableList<TileModel> tiles = FXCollections.observableArrayList();
  private final TileModel self;
  private final BooleanProperty microphoneOn = new SimpleBooleanProperty(this, "microphoneOn", true);
  private final BooleanProperty cameraOn = new SimpleBooleanProperty(this, "cameraOn", true);
  private final BooleanProperty sharing = new SimpleBooleanProperty(this, "sharing");
  private final boolean screenSharing;
  private final ReadOnlyBooleanWrapper ended = new ReadOnlyBooleanWrapper(this, "ended");
  private final ReadOnlyBooleanWrapper reconnecting =
      new ReadOnlyBooleanWrapper(this, "reconnecting");
  private final StringProperty status = new SimpleStringProperty(this, "status", "");
  private final StringProperty cameraName = new SimpleStringProperty(this, "cameraName", "");
  private final StringProperty inviteLink = new SimpleStringProperty(this, "inviteLink", "");
  private final ReadOnlyBooleanWrapper host = new ReadOnlyBooleanWrapper(this, "host");
  private final ReadOnlyBooleanWrapper locked = new ReadOnlyBooleanWrapper(this, "locked");
  private HostControls hostControls; // set once we know we host the room
  private String removedBecause; // set when the server took us out; the end says it
  private final java.util.Map<String, String> removing = new java.util.HashMap<>(); // by peer id
  private final ObservableList<VideoDevice> cameras = FXCollections.observableArrayList();
  private final ObservableList<AudioDevice> microphones = FXCollections.observableArrayList();
  private final ObservableList<AudioDevice> speakers = FXCollections.observableArrayList();
  private final Timeline statsPoll;
  private CallSession session;
  private VideoTrack previewTrack;
  private final CallFallback fallback = new CallFallback(status);

  /**
   * @param room what the window calls the room, e.g. the meeting's title
   * @param io where the call is closed (it waits for the peer connections to close)
   * @param fx runs tasks on the FX thread ({@code Platform::runLater})
   * @param os the system the app runs on: screen sharing is offered where it works
   */
  public CallModel(String room, String name, MediaEngine media, Executor io, Executor fx,
      OsFamily os) {
    this.room = Objects.requireNonNull(room, "room == null");
    this.io = Objects.requireNonNull(io, "io == null");
    this.screenSharing = Objects.requireNonNull(os, "os == null").screenSharing();
    this.media = Objects.requireNonNull(media, "media == null");
    this.fx = Objects.requireNonNull(fx, "fx == null");
    self = new TileModel("self", name + " (" + Messages.get("call.you") + ")", true);
    self.renderer = new VideoRenderer(fx, self.imageProperty()::set);
    tiles.add(self);
    status.set(Messages.format("call.waiting", room));
    statsPoll = new Timeline(new KeyFrame(Duration.seconds(2), e -> pollStats()));
    statsPoll.setCycleCount(Animation.INDEFINITE);
  }

  /** Joins the room; the future completes on the FX thread once the server admitted us. */
  public CompletableFuture<Void> connect(JoinTicket ticket) {
    return connect(ticket, ticket::accessToken);
  }

  /**
   * Like {@link #connect(JoinTicket)}; when the signaling connection drops, the call reconnects
   * with a fresh access token from {@code tokens} (e.g. {@code ApiClient::accessToken}).
   */
  public CompletableFuture<Void> connect(JoinTicket ticket, TokenSource tokens) {
    return CallSession.join(ticket, media, new Events(), Reconnect.withTokens(tokens))
        .exceptionally(e -> {
          throw forUser(e);
        })
        .thenAcceptAsync(
            joined -> {
              session = joined;
              session.onCallThread(this::startPreview);
              statsPoll.play();
              loadDevices();
            },
            fx);
  }

  /** A refusal the user should read in their language; other failures pass unchanged. */
  private static CompletionException forUser(Throwable e) {
    Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
    if (cause instanceof CallException refused && refused.code() == ErrorCode.ROOM_FULL) {
      return new CompletionException(new CallException(Messages.get("call.roomFull"), refused.code()));
    }
    if (cause instanceof CallException refused && refused.code() == ErrorCode.ROOM_LOCKED) {
      return new CompletionException(
          new CallException(Messages.get("call.roomLocked"), refused.code()));
    }
    return e instanceof CompletionException wrapped ? wrapped : new CompletionException(e);
  }

  public String room() {
    return room;
  }

  /** "Move this meeting to Google Meet", offered once the call cannot connect. FX thread. */
  public CallFallback fallback() {
    return fallback;
  }

  public ObservableList<TileModel> tiles() {
    return tiles;
  }

  public BooleanProperty microphoneOnProperty() {
    return microphoneOn;
  }

  public BooleanProperty cameraOnProperty() {
    return cameraOn;
  }

  public BooleanProperty sharingProperty() {
    return sharing;
  }

  public ReadOnlyBooleanProperty endedProperty() {
    return ended.getReadOnlyProperty();
  }

  /** True while the signaling connection is down and the call reconnects; media goes on. */
  public ReadOnlyBooleanProperty reconnectingProperty() {
    return reconnecting.getReadOnlyProperty();
  }

  public StringProperty statusProperty() {
    return status;
  }

  /** The room's invite link, for the host to share; empty for everyone else. */
  public StringProperty inviteLinkProperty() {
    return inviteLink;
  }

  /** What the camera choice shows: a device name or the test pattern. */
  public StringProperty cameraNameProperty() {
    return cameraName;
  }

  public ObservableList<VideoDevice> cameras() {
    return cameras;
  }

  public ObservableList<AudioDevice> microphones() {
    return microphones;
  }

  public ObservableList<AudioDevice> speakers() {
    return speakers;
  }

  public void toggleMicrophone() {
    microphoneOn.set(!microphoneOn.get());
    session.setMicrophoneEnabled(microphoneOn.get());
  }

  public void toggleCamera() {
    cameraOn.set(!cameraOn.get());
    self.videoOffProperty().set(!cameraOn.get());
    session.setCameraEnabled(cameraOn.get());
  }

  /** Whether the screen can be shared on this system; see {@link OsFamily#screenSharing()}. */
  public boolean screenSharingAvailable() {
    return screenSharing;
  }

  /** Why the screen cannot be shared here, for the user; empty where it can. */
  public String screenSharingNote() {
    return screenSharing ? "" : Messages.get("call.shareUnavailableMac");
  }

  public void toggleScreenShare() {
    if (!screenSharing) {
      status.set(screenSharingNote());
      return;
    }
    boolean start = !sharing.get();
    session
        .onCallThread(
            () -> {
              if (start) {
                List<DesktopSource> screens = media.screens();
                if (screens.isEmpty()) {
                  throw new IllegalStateException(Messages.get("call.noScreen"));
                }
                VideoTrack screen = media.startScreen(screens.getFirst());
                session.installVideo(screen);
                showPreview(screen);
              } else {
                session.installVideo(media.cameraTrack());
                showPreview(media.cameraTrack());
                media.stopScreen();
              }
            })
        .whenCompleteAsync(
            (v, e) -> {
              if (e == null) {
                sharing.set(start);
              } else {
                status.set(Messages.format("call.shareFailed", Failures.rootMessage(e)));
              }
            },
            fx);
  }

  public void useCamera(VideoDevice device) {
    onCallThread(
        () -> {
          if (device == null) {
            media.usePattern(this::installCamera);
          } else {
            media.useCamera(device, this::installCamera);
          }
        });
  }

  private void installCamera(VideoTrack track) {
    if (!sharing.get()) {
      session.installVideo(track);
      showPreview(track);
    }
  }

  public void useMicrophone(AudioDevice device) {
    onCallThread(() -> media.useMicrophone(device));
  }

  public void useSpeaker(AudioDevice device) {
    onCallThread(() -> media.useSpeaker(device));
  }

  /**
   * We host this room: the window offers the host's controls and the room's invite link. FX
   * thread.
   *
   * @param room the room as the server showed it to us (whether it is locked)
   */
  public void hostWith(HostControls controls, RoomView room) {
    hostControls = Objects.requireNonNull(controls, "controls == null");
    locked.set(room.locked());
    if (room.inviteToken() != null) {
      inviteLink.set(new InviteLink(room.id(), room.inviteToken()).toString());
    }
    host.set(!ended.get());
  }

  /** Whether we host the room and the call goes on: the host's controls are offered. */
  public ReadOnlyBooleanProperty hostProperty() {
    return host.getReadOnlyProperty();
  }

  /** Whether the room is locked (known to the host only). */
  public ReadOnlyBooleanProperty lockedProperty() {
    return locked.getReadOnlyProperty();
  }

  /** Host: locks the room against newcomers, or unlocks it. FX thread. */
  public void toggleLock() {
    boolean lock = !locked.get();
    hostAction(hostControls.lock(lock), room -> {
      locked.set(room.locked());
      status.set(Messages.get(room.locked() ? "call.locked" : "call.unlocked"));
    });
  }

  /** Host: a new invite link replaces the old one, which stops working. FX thread. */
  public void renewInvite() {
    hostAction(hostControls.renewInvite(), room -> {
      if (room.inviteToken() != null) {
        inviteLink.set(new InviteLink(room.id(), room.inviteToken()).toString());
      }
      status.set(Messages.get("call.inviteRenewed"));
    });
  }

  /** Host: takes this participant out of the call. FX thread. */
  public void remove(TileModel tile) {
    String peerId = tile.getPeerId();
    removing.put(peerId, tile.getName()); // its peer-left then says so (see Events.peerRemoved)
    hostAction(hostControls.remove(peerId), done -> {}, () -> removing.remove(peerId));
  }

  /** Host: ends the call for everyone, us included. FX thread. */
  public void endForEveryone() {
    hostAction(hostControls.endForAll(), done -> {});
  }

  private <T> void hostAction(CompletableFuture<T> action, java.util.function.Consumer<T> then) {
    hostAction(action, then, () -> {});
  }

  private <T> void hostAction(CompletableFuture<T> action, java.util.function.Consumer<T> then,
      Runnable failed) {
    if (hostControls == null) {
      throw new IllegalStateException("not the host of this room");
    }
    action.whenCompleteAsync((result, failure) -> {
      if (failure != null) {
        failed.run();
        status.set(Messages.format("call.hostFailed", Failures.rootMessage(failure)));
      } else {
        then.accept(result);
      }
    }, fx);
  }

  /** Leaves the call; the session closes off the FX thread. */
  public CompletableFuture<Void> hangUp() {
    statsPoll.stop();
    tiles.forEach(tile -> tile.renderer.stop());
    CallSession current = session;
    return current == null
        ? CompletableFuture.completedFuture(null)
        : CompletableFuture.runAsync(current::close, io);
  }

  private void onCallThread(Runnable task) {
    session
        .onCallThread(task)
        .exceptionallyAsync(
            e -> {
              status.set(Messages.format("call.deviceFailed", Failures.rootMessage(e)));
              return null;
            },
            fx);
  }

  private void startPreview() {
    showPreview(media.cameraTrack());
    String name = media.pattern() != null ? Messages.get("call.testPattern") : media.cameraName();
    fx.execute(() -> cameraName.set(name));
  }

  /** Call thread: moves the local preview to {@code track}. */
  private void showPreview(VideoTrack track) {
    if (previewTrack != null) {
      previewTrack.removeSink(self.renderer);
    }
    previewTrack = track;
    track.addSink(self.renderer);
  }

  private void loadDevices() {
    CompletableFuture.supplyAsync(
            () -> List.of(MediaEngine.cameras(), MediaEngine.microphones(), MediaEngine.speakers()),
            MediaEngine.background())
        .thenAcceptAsync(
            lists -> {
              cameras.setAll(castVideo(lists.get(0)));
              microphones.setAll(castAudio(lists.get(1)));
              speakers.setAll(castAudio(lists.get(2)));
            },
            fx);
  }

  @SuppressWarnings("unchecked")
  private static List<VideoDevice> castVideo(List<?> list) {
    return (List<VideoDevice>) list;
  }

  @SuppressWarnings("unchecked")
  private static List<AudioDevice> castAudio(List<?> list) {
    return (List<AudioDevice>) list;
  }

  private void pollStats() {
    if (session == null) {
      return;
    }
    session.stats().thenAcceptAsync(this::showStats, fx);
  }

  private void showStats(List<PeerStats> all) {
    for (PeerStats stats : all) {
      tile(stats.peerId()).ifPresent(tile -> tile.qualityProperty().set(
          stats.rttMs() < 0 ? "" : Messages.format("call.quality",
              String.format(Locale.ROOT, "%.0f", stats.rttMs()),
              String.format(Locale.ROOT, "%.1f", stats.lossPercent()))));
    }
  }

  private java.util.Optional<TileModel> tile(String peerId) {
    return tiles.stream().filter(t -> t.getPeerId().equals(peerId)).findFirst();
  }

  private void updateCount() {
    int others = tiles.size() - 1;
    status.set(others == 0 ? Messages.format("call.waiting", room)
        : Messages.format("call.participants", tiles.size()));
  }

  /** The session's events, handed from the call thread to the FX thread. */
  private final class Events implements CallListener {
    @Override
    public void joined(Joined joined) {}

    @Override
    public void peerAdded(Peer peer) {
      fx.execute(
          () -> {
            TileModel tile = new TileModel(peer.peerId(), peer.name(), false);
            tile.renderer = new VideoRenderer(fx, tile.imageProperty()::set);
            tile.statusProperty().set(Messages.get("state.NEW"));
            tiles.add(tile);
            updateCount();
            fallback.peerJoined(peer.peerId());
          });
    }

    @Override
    public void peerState(String peerId, RTCPeerConnectionState state) {
      fx.execute(() -> {
        tile(peerId).ifPresent(t -> t.statusProperty().set(Messages.get("state." + state)));
        fallback.peerState(peerId, state);
      });
    }

    @Override
    public void peerVideo(String peerId, VideoTrack track) {
      // The tile is created by the peerAdded hand-over queued before this one.
      fx.execute(() -> tile(peerId).ifPresent(t -> session.addRemoteSink(peerId, track, t.renderer)));
    }

    @Override
    public void peerRemoved(String peerId) {
      fx.execute(
          () -> {
            tile(peerId).ifPresent(t -> {
              t.renderer.stop();
              tiles.remove(t);
            });
            fallback.peerLeft(peerId);
            String removedName = removing.remove(peerId);
            if (removedName != null) {
              status.set(Messages.format("call.participantRemoved", removedName));
            } else {
              updateCount();
            }
          });
    }

    @Override
    public void serverError(String message) {
      fx.execute(() -> status.set(message));
    }

    @Override
    public void reconnecting(String reason) {
      fx.execute(() -> reconnecting.set(true));
    }

    @Override
    public void reconnected(long nanos) {
      fx.execute(() -> reconnecting.set(false));
    }

    @Override
    public void removed(Removed.Reason reason) {
      fx.execute(() -> removedBecause = Messages.get("call.removed." + reason.name()));
    }

    @Override
    public void ended(String reason) {
      fx.execute(
          () -> {
            reconnecting.set(false);
            statsPoll.stop();
            ended.set(true);
            host.set(false);
            if (removedBecause != null) {
              // Out of the room: the others' tiles go, and the window says why.
              List.copyOf(tiles).stream().filter(t -> !t.isLocal()).forEach(t -> {
                t.renderer.stop();
                tiles.remove(t);
              });
              status.set(removedBecause);
            } else {
              status.set(Messages.format("call.ended", reason));
            }
          });
    }
  }
}
