package app.convene.client.call;

import app.convene.protocol.Answer;
import app.convene.protocol.Offer;
import dev.onvoid.webrtc.RTCConfiguration;
import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.RTCPeerConnectionState;
import dev.onvoid.webrtc.RTCSdpType;
import dev.onvoid.webrtc.RTCSessionDescription;
import dev.onvoid.webrtc.RTCSignalingState;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One link's offers and answers, with the "perfect negotiation" pattern: either side may offer at
 * any time; on a collision the impolite side ignores the incoming offer and the polite side rolls
 * its own back. Also the link's ICE restarts: after a failure (at most {@link #MAX_ICE_RESTARTS} in
 * a row), on request, and when signaling comes back ({@link #resync}).
 *
 * <p>Threading: every method, and every continuation of a native future, runs on the link's
 * ordered executor; nothing is called on the connection once the link is closed.
 */
final class Negotiation {
  private static final Logger log = LoggerFactory.getLogger(Negotiation.class);
  private static final int MAX_ICE_RESTARTS = 3;

  private final PeerLink link;
  private final RTCPeerConnection pc;
  private final boolean polite;
  private final Executor executor;
  private boolean makingOffer;
  private boolean ignoreOffer;
  private boolean iceRestartPending;
  private int iceRestarts;

  Negotiation(PeerLink link, RTCPeerConnection pc, boolean polite, Executor executor) {
    this.link = link;
    this.pc = pc;
    this.polite = polite;
    this.executor = executor;
  }

  /** Whether the last offer was ignored (a collision on the impolite side); its candidates too. */
  boolean ignoringOffer() {
    return ignoreOffer;
  }

  /** Applies the remote {@code sdp}; answers an offer. Throws when the SDP cannot be parsed. */
  void applyDescription(boolean isOffer, String sdp) {
    boolean collision =
        isOffer && (makingOffer || pc.getSignalingState() != RTCSignalingState.STABLE);
    ignoreOffer = !polite && collision;
    if (ignoreOffer) {
      log.debug("ignoring colliding offer from {} (impolite side)", link.peerId());
      resendPendingOffer(); // ours may have been lost while signaling was down
      return;
    }
    RTCSessionDescription description =
        new RTCSessionDescription(isOffer ? RTCSdpType.OFFER : RTCSdpType.ANSWER, sdp);
    // Issue rollback and apply in this same task: the native operations chain keeps their order,
    // and no continuation of our own offer can slip in between.
    CompletableFuture<Void> applied;
    if (collision && pc.getSignalingState() == RTCSignalingState.HAVE_LOCAL_OFFER) {
      CompletableFuture<Void> rollback =
          Rtc.setLocal(pc, new RTCSessionDescription(RTCSdpType.ROLLBACK, ""));
      applied = rollback.thenCombine(Rtc.setRemote(pc, description), (x, y) -> null);
    } else {
      applied = Rtc.setRemote(pc, description);
    }
    applied
        .thenComposeAsync(v -> {
          if (link.isClosed()) {
            return CompletableFuture.completedFuture(null);
          }
          link.candidates().flush();
          if (!isOffer) {
            link.tracks().applyQuality();
            return CompletableFuture.completedFuture(null);
          }
          link.tracks().add();
          return Rtc.createAnswer(pc).thenComposeAsync(this::setLocalAndSend, executor);
        }, executor)
        .exceptionallyAsync(e -> fail("apply remote " + description.sdpType, e), executor);
  }

  /** The stack asks for an offer (tracks added, ICE restarted). */
  void negotiate() {
    if (link.isClosed() || pc.getSignalingState() != RTCSignalingState.STABLE) {
      // The stack asks again once the signaling state is stable.
      return;
    }
    makingOffer = true;
    boolean iceRestart = iceRestartPending;
    iceRestartPending = false;
    Rtc.createOffer(pc, iceRestart)
        .thenComposeAsync(this::setLocalAndSend, executor)
        .whenCompleteAsync((v, e) -> makingOffer = false, executor)
        .exceptionallyAsync(e -> fail("offer", e), executor);
  }

  /** See {@link PeerLink#resync()}. */
  void resync() {
    if (!resendPendingOffer()
        && (link.state() == RTCPeerConnectionState.FAILED
            || link.state() == RTCPeerConnectionState.DISCONNECTED)) {
      restartIce();
    }
  }

  /** Restarts ICE: the next offer (negotiation follows at once) carries new ICE credentials. */
  void restartIce() {
    log.info("peer {}: ICE restart (connection {})", link.peerId(), link.state());
    iceRestartPending = true;
    pc.restartIce();
  }

  /**
   * New ICE servers (fresh TURN credentials) for the candidates gathered from now on, e.g. by an
   * ICE restart. An allocation already made keeps working: a TURN server checks the credentials
   * only when it creates one.
   */
  void useConfiguration(RTCConfiguration configuration) {
    try {
      pc.setConfiguration(configuration);
    } catch (RuntimeException e) {
      log.warn("peer {}: cannot apply new ICE servers: {}", link.peerId(), e.getMessage());
    }
  }

  /** The connection changed state: a failure restarts ICE, up to 3 times until it connects. */
  void stateChanged(RTCPeerConnectionState next) {
    if (next == RTCPeerConnectionState.FAILED && iceRestarts < MAX_ICE_RESTARTS) {
      iceRestarts++;
      log.info("peer {}: connection failed, ICE restart {} of {}", link.peerId(), iceRestarts,
          MAX_ICE_RESTARTS);
      iceRestartPending = true;
      pc.restartIce();
    } else if (next == RTCPeerConnectionState.CONNECTED) {
      iceRestarts = 0;
    }
  }

  /** Sends our local offer again if it still waits for an answer; true if it did. */
  private boolean resendPendingOffer() {
    if (makingOffer || pc.getSignalingState() != RTCSignalingState.HAVE_LOCAL_OFFER) {
      return false;
    }
    RTCSessionDescription local = pc.getLocalDescription();
    if (local == null) {
      return false;
    }
    link.events().send(new Offer(link.peerId(), StartBitrate.ask(local.sdp)));
    return true;
  }

  private CompletableFuture<Void> setLocalAndSend(RTCSessionDescription description) {
    if (link.isClosed()) {
      return CompletableFuture.completedFuture(null);
    }
    return Rtc.setLocal(pc, description).thenRunAsync(() -> {
      if (link.isClosed()) {
        return;
      }
      link.tracks().applyQuality();
      boolean offer = description.sdpType == RTCSdpType.OFFER;
      String sdp = StartBitrate.ask(description.sdp);
      link.step(offer ? JoinStep.OFFER_SENT : JoinStep.ANSWER_SENT, System.nanoTime());
      link.events().send(offer ? new Offer(link.peerId(), sdp) : new Answer(link.peerId(), sdp));
    }, executor);
  }

  private Void fail(String what, Throwable e) {
    if (!link.isClosed()) {
      // A description that lost a race (rolled back, superseded) fails harmlessly: the stack
      // fires onRenegotiationNeeded again if the session still needs it. A remote description
      // that libwebrtc refuses lands here too; its message names the fault, not the SDP.
      log.info("peer {}: {} did not complete: {}", link.peerId(), what, rootMessage(e));
    }
    return null;
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return RemoteInputException.firstLine(t.getMessage());
  }
}
