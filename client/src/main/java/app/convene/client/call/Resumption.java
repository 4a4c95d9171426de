package app.convene.client.call;

import app.convene.protocol.ErrorCode;
import app.convene.protocol.ErrorMessage;
import app.convene.protocol.Joined;
import app.convene.protocol.Peer;
import dev.onvoid.webrtc.RTCPeerConnectionState;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A call's way back after its signaling socket dropped: reconnects with backoff until it is back
 * in the room, resumes with the server's resume token, and then puts right what the outage may
 * have broken. The peer connections are not touched while the socket is away.
 *
 * <ul>
 *   <li>Back with the same peer id: peers we did not know get an offer (we are the newcomer to
 *       them); every link re-sends an offer still waiting for its answer, or restarts ICE if it
 *       failed (messages relayed during the outage were dropped by the server); a link that is up
 *       is left alone.
 *   <li>The server rebuilt the room after a restart and some peers are not back yet: they are
 *       kept while their connection works, and count as gone once it does not after {@link
 *       Reconnect#absentPeerGrace()}.
 *   <li>The server refused the token ({@code RESUME_REFUSED}: our place was given up): we join
 *       afresh on the same socket and set every link up anew.
 * </ul>
 *
 * <p>Threading: every method runs on the call executor.
 */
final class Resumption {
  private static final Logger log = LoggerFactory.getLogger(Resumption.class);

  private final CallSession call;
  private final RandomGenerator random = new SplittableRandom();
  private final Set<String> present = new HashSet<>();
  private String token;
  private int attempts;

  Resumption(CallSession call) {
    this.call = call;
  }

  /** The token to resume with, or {@code null} when we cannot (or may no longer) resume. */
  String token() {
    return token;
  }

  void remember(Joined joined) {
    token = joined.resumeToken();
  }

  /** A peer showed it is in the room: it spoke to us, or the server announced it. */
  void heardOf(String peerId) {
    present.add(peerId);
  }

  /** The socket dropped: keep the call going and try to come back. */
  void dropped(String reason) {
    if (call.lifecycle().dropped(reason)) {
      attempts = 0;
      log.info("signaling connection lost ({}); the call goes on, reconnecting", reason);
    }
    scheduleAttempt();
  }

  /** Whether the socket is away (a new one may be open, but we are not back in the room yet). */
  private boolean away() {
    return call.lifecycle().state() == CallState.RECONNECTING;
  }

  private void scheduleAttempt() {
    var delay = call.reconnectSettings().backoff().delay(attempts++, random);
    call.later(delay, () -> call.line().reconnectOnce(failure -> {
      if (failure != null) {
        log.debug("reconnection attempt {} failed: {}", attempts, failure.getMessage());
        scheduleAttempt();
      }
    }));
  }

  /** Errors that are part of coming back; true if this one was handled here. */
  boolean handles(ErrorMessage error) {
    if (error.code() == ErrorCode.SERVER_SHUTTING_DOWN) {
      log.info("the server is shutting down; the call goes on and will reconnect");
      return true;
    }
    if (error.code() == ErrorCode.RESUME_REFUSED && away()) {
      log.warn("the server refused to resume our place ({}); joining afresh", error.message());
      token = null;
      call.send(call.line().joinMessage());
      return true;
    }
    if (away() && "join".equals(error.ref())) {
      // E.g. ROOM_NOT_FOUND: we were removed from the meeting while away. Nothing to come back to.
      log.warn("the server will not have us back: {} ({})", error.message(), error.code());
      call.end(new CallEnd.Refused(error.message()), false);
      return true;
    }
    return false;
  }

  /** A {@code joined} on a new socket. */
  void joinedAgain(Joined joined) {
    if (call.lifecycle().admitted()) {
      log.info("back in the room after {} ms", call.lifecycle().awayNanos() / 1_000_000);
    }
    call.links().useIceServers(joined.iceServers());
    if (!joined.peerId().equals(call.localPeerId())) {
      call.startOver();
      call.firstJoined(joined);
      return;
    }
    token = joined.resumeToken();
    present.clear();
    for (Peer peer : joined.peers()) {
      present.add(peer.peerId());
      if (!call.links().contains(peer.peerId())) {
        call.links().add(peer, true);
      }
    }
    call.links().all().forEach(link -> link.post(link::resync));
    if (!present.containsAll(call.links().peerIds())) {
      call.later(call.reconnectSettings().absentPeerGrace(), this::dropAbsentPeers);
    }
  }

  /** A link changed state: one that stays ICE-disconnected gets an ICE restart. */
  void linkState(PeerLink link, RTCPeerConnectionState state) {
    if (state != RTCPeerConnectionState.DISCONNECTED) {
      return;
    }
    call.later(call.reconnectSettings().disconnectedRestart(), () -> {
      if (!away() && call.links().get(link.peerId()) == link
          && link.state() == RTCPeerConnectionState.DISCONNECTED) {
        link.post(link::restartIce);
      }
    });
  }

  private void dropAbsentPeers() {
    for (PeerLink link : call.links().all()) {
      if (!present.contains(link.peerId()) && link.state() != RTCPeerConnectionState.CONNECTED) {
        log.info("peer {} did not come back and its connection is down; removing it",
            link.peerId());
        call.links().remove(link.peerId());
      }
    }
  }
}
