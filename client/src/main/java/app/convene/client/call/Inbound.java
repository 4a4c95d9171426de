package app.convene.client.call;

import app.convene.client.signaling.SignalingListener;
import app.convene.protocol.Answer;
import app.convene.protocol.Candidate;
import app.convene.protocol.ErrorMessage;
import app.convene.protocol.Join;
import app.convene.protocol.Joined;
import app.convene.protocol.Leave;
import app.convene.protocol.Notice;
import app.convene.protocol.Offer;
import app.convene.protocol.PeerJoined;
import app.convene.protocol.PeerLeft;
import app.convene.protocol.Rejected;
import app.convene.protocol.Removed;
import app.convene.protocol.SignalMessage;
import app.convene.protocol.View;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The input of one signaling socket: every server message dispatched to the part of the call that
 * handles it, in one exhaustive switch. Input of an older socket, or after the call ended, is
 * ignored.
 *
 * <p>Threading: the signaling client calls it on the call executor.
 */
final class Inbound implements SignalingListener {
  private static final Logger log = LoggerFactory.getLogger(Inbound.class);

  private final CallSession call;
  private final int socket;

  Inbound(CallSession call, int socket) {
    this.call = call;
    this.socket = socket;
  }

  @Override
  public void onMessage(SignalMessage message) {
    if (!live()) {
      return;
    }
    if (message instanceof Notice) {
      return; // for the notice feed, not the call
    }
    if (call.localPeerId() == null
        && !(message instanceof Joined) && !(message instanceof ErrorMessage)) {
      log.warn("ignoring {} that arrived before the join reply", message.getClass().getSimpleName());
      return;
    }
    PeerLinks links = call.links();
    Resumption resumption = call.resumption();
    switch (message) {
      case Joined joined -> call.onJoined(joined);
      case PeerJoined joined -> {
        resumption.heardOf(joined.peer().peerId());
        if (joined.iceServers() != null) {
          links.useIceServers(joined.iceServers()); // fresh TURN credentials for a long call
        }
        if (!links.contains(joined.peer().peerId())) {
          links.add(joined.peer(), false);
        }
      }
      case PeerLeft left -> links.remove(left.peerId());
      // Relayed messages from peers we do not (or no longer) know are dropped (protocol §4).
      case Offer offer -> {
        resumption.heardOf(offer.from());
        links.with(offer.from(), link -> link.onDescription(offer));
      }
      case Answer answer -> {
        resumption.heardOf(answer.from());
        links.with(answer.from(), link -> link.onDescription(answer));
      }
      case Candidate candidate -> {
        resumption.heardOf(candidate.from());
        links.with(candidate.from(), link -> link.onCandidate(candidate));
      }
      case Rejected rejected -> links.with(rejected.from(), link -> link.onRejected(rejected));
      case View view -> links.onView(view);
      case ErrorMessage error -> onError(error);
      case Join join -> log.warn("unexpected join from the server");
      case Leave leave -> log.warn("unexpected leave from the server");
      case Notice notice -> { } // returned above
      case Removed removed -> onRemoved(removed);
    }
  }

  @Override
  public void onClosed(String reason) {
    if (!live()) {
      return;
    }
    if (call.lifecycle().state() == CallState.CONNECTING) {
      call.end(new CallEnd.Lost(reason), false);
      return;
    }
    call.line().dropped();
    call.resumption().dropped(reason);
  }

  /** The server took us out of the room: the call ends, without a {@code leave} (we are out). */
  private void onRemoved(Removed removed) {
    if (!removed.roomId().equals(call.roomId())) {
      log.warn("ignoring removal from another room {}", removed.roomId());
      return;
    }
    log.info("removed from the call: {}", removed.reason());
    call.end(new CallEnd.Removal(removed.reason()), false);
  }

  private void onError(ErrorMessage error) {
    if ("view".equals(error.ref())) {
      log.debug("view refused: {} {}", error.code(), error.message());
      call.views().refused();
      return;
    }
    if (call.resumption().handles(error)
        || call.refuseJoin(new CallException(error.message(), error.code()))) {
      return;
    }
    log.warn("server error {}: {}", error.code(), error.message());
    call.listener().serverError(error.message());
  }

  private boolean live() {
    return !call.isEnded() && call.line().isCurrent(socket);
  }
}
