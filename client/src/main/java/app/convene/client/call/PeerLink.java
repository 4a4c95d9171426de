package app.convene.client.call;

import app.convene.protocol.Answer;
import app.convene.protocol.Candidate;
import app.convene.protocol.Offer;
import app.convene.protocol.Peer;
import app.convene.protocol.SignalMessage;
import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.PeerConnectionObserver;
import dev.onvoid.webrtc.RTCConfiguration;
import dev.onvoid.webrtc.RTCIceCandidate;
import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.RTCPeerConnectionState;
import dev.onvoid.webrtc.RTCRtpSender;
import dev.onvoid.webrtc.RTCRtpTransceiver;
import dev.onvoid.webrtc.RTCSdpType;
import dev.onvoid.webrtc.RTCSessionDescription;
import dev.onvoid.webrtc.RTCSignalingState;
import dev.onvoid.webrtc.media.MediaStreamTrack;
import dev.onvoid.webrtc.media.audio.AudioTrack;
import dev.onvoid.webrtc.media.video.VideoTrack;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The peer connection to one remote participant, negotiated with the "perfect negotiation"
 * pattern: either side may offer at any time; on a collision the impolite side ignores the
 * incoming offer and the polite side rolls its own back. The side with the greater peer id is
 * polite.
 *
 * <p>Threading: every method, and every {@link Events} call, runs on the call executor given to
 * the constructor. Native observer callbacks only forward to that executor.
 */
final class PeerLink {
  private static final Logger log = LoggerFactory.getLogger(PeerLink.class);
  private static final int MAX_ICE_RESTARTS = 3;
  private static final List<String> STREAM_IDS = List.of("convene");

  /** What a link reports to its call; called on the call executor. */
  interface Events {
    void send(SignalMessage message);

    void stateChanged(PeerLink link, RTCPeerConnectionState state);

    void remoteVideo(PeerLink link, VideoTrack track);
  }

  private final Peer remote;
  private final boolean polite;
  private final Executor executor;
  private final Events events;
  private final RTCPeerConnection pc;
  private final RemoteVideoMeter meter = new RemoteVideoMeter();
  private final List<RTCIceCandidate> pendingCandidates = new ArrayList<>();
  private RTCRtpSender videoSender;
  private RTCPeerConnectionState state = RTCPeerConnectionState.NEW;
  private boolean tracksAdded;
  private boolean makingOffer;
  private boolean ignoreOffer;
  private boolean closed;
  private int iceRestarts;
  private boolean iceRestartPending;
  private AudioTrack audio;
  private VideoTrack video;

  PeerLink(
      Peer remote,
      String localId,
      PeerConnectionFactory factory,
      RTCConfiguration configuration,
      Executor executor,
      Events events) {
    this.remote = remote;
    this.polite = localId.compareTo(remote.peerId()) > 0;
    this.executor = executor;
    this.events = events;
    this.pc = factory.createPeerConnection(configuration, new Observer());
  }

  Peer remote() {
    return remote;
  }

  String peerId() {
    return remote.peerId();
  }

  RTCPeerConnectionState state() {
    return state;
  }

  RemoteVideoMeter meter() {
    return meter;
  }

  RTCPeerConnection connection() {
    return pc;
  }

  /**
   * Remembers the local tracks. When {@code sendNow} is true they are added at once, which makes
   * this side offer; otherwise they are added when the remote side's first offer arrives.
   */
  void start(AudioTrack audio, VideoTrack video, boolean sendNow) {
    this.audio = audio;
    this.video = video;
    if (sendNow) {
      addTracks();
    }
  }

  private void addTracks() {
    if (tracksAdded) {
      return;
    }
    tracksAdded = true;
    pc.addTrack(audio, STREAM_IDS);
    videoSender = pc.addTrack(video, STREAM_IDS);
  }

  /** Sends {@code track} instead of the current video, without renegotiation. */
  void replaceVideo(VideoTrack track) {
    video = track;
    if (videoSender != null) {
      videoSender.replaceTrack(track);
    }
  }

  void onDescription(SignalMessage.Relayed message) {
    if (closed) {
      return;
    }
    boolean isOffer = message instanceof Offer;
    String sdp = isOffer ? ((Offer) message).sdp() : ((Answer) message).sdp();
    boolean collision =
        isOffer && (makingOffer || pc.getSignalingState() != RTCSignalingState.STABLE);
    ignoreOffer = !polite && collision;
    if (ignoreOffer) {
      log.debug("ignoring colliding offer from {} (impolite side)", peerId());
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
        .thenComposeAsync(
            v -> {
              flushCandidates();
              if (!isOffer) {
                return CompletableFuture.completedFuture(null);
              }
              addTracks();
              return Rtc.createAnswer(pc)
                  .thenComposeAsync(answer -> setLocalAndSend(answer), executor);
            },
            executor)
        .exceptionallyAsync(e -> fail("apply remote " + description.sdpType, e), executor);
  }

  void onCandidate(Candidate message) {
    if (closed) {
      return;
    }
    RTCIceCandidate candidate =
        new RTCIceCandidate(message.sdpMid(), message.sdpMLineIndex(), message.candidate());
    if (pc.getRemoteDescription() == null) {
      pendingCandidates.add(candidate);
      return;
    }
    addCandidate(candidate);
  }

  private void flushCandidates() {
    List<RTCIceCandidate> queued = List.copyOf(pendingCandidates);
    pendingCandidates.clear();
    queued.forEach(this::addCandidate);
  }

  private void addCandidate(RTCIceCandidate candidate) {
    try {
      pc.addIceCandidate(candidate);
    } catch (RuntimeException e) {
      if (!ignoreOffer) {
        log.warn("peer {}: cannot add ICE candidate: {}", peerId(), e.getMessage());
      }
    }
  }

  private void negotiate() {
    if (closed || pc.getSignalingState() != RTCSignalingState.STABLE) {
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

  /**
   * Signaling is back after an outage, during which messages to and from this peer were lost:
   * re-sends an offer still waiting for its answer (its SDP carries the candidates gathered so
   * far), or restarts ICE when the link failed or is disconnected. A link that is up is left alone.
   */
  void resync() {
    if (closed) {
      return;
    }
    if (!resendPendingOffer()
        && (state == RTCPeerConnectionState.FAILED
            || state == RTCPeerConnectionState.DISCONNECTED)) {
      restartIce();
    }
  }

  /** Restarts ICE: the next offer (negotiation follows at once) carries new ICE credentials. */
  void restartIce() {
    if (closed) {
      return;
    }
    log.info("peer {}: ICE restart (connection {})", peerId(), state);
    iceRestartPending = true;
    pc.restartIce();
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
    events.send(new Offer(peerId(), local.sdp));
    return true;
  }

  private CompletableFuture<Void> setLocalAndSend(RTCSessionDescription description) {
    return Rtc.setLocal(pc, description)
        .thenRunAsync(
            () -> {
              if (closed) {
                return;
              }
              events.send(
                  description.sdpType == RTCSdpType.OFFER
                      ? new Offer(peerId(), description.sdp)
                      : new Answer(peerId(), description.sdp));
            },
            executor);
  }

  private Void fail(String what, Throwable e) {
    if (!closed) {
      // A description that lost a race (rolled back, superseded) fails harmlessly: the stack
      // fires onRenegotiationNeeded again if the session still needs it.
      log.info("peer {}: {} did not complete: {}", peerId(), what, rootMessage(e));
    }
    return null;
  }

  private void onState(RTCPeerConnectionState next) {
    if (closed) {
      return;
    }
    state = next;
    if (next == RTCPeerConnectionState.FAILED && iceRestarts < MAX_ICE_RESTARTS) {
      iceRestarts++;
      log.info("peer {}: connection failed, ICE restart {} of {}", peerId(), iceRestarts, MAX_ICE_RESTARTS);
      iceRestartPending = true;
      pc.restartIce();
    } else if (next == RTCPeerConnectionState.CONNECTED) {
      iceRestarts = 0;
    }
    events.stateChanged(this, next);
  }

  private void onTrack(RTCRtpTransceiver transceiver) {
    MediaStreamTrack track = transceiver.getReceiver().getTrack();
    if (closed || !(track instanceof VideoTrack videoTrack)) {
      return;
    }
    videoTrack.addSink(meter);
    events.remoteVideo(this, videoTrack);
  }

  void close() {
    if (closed) {
      return;
    }
    closed = true;
    pendingCandidates.clear();
    pc.close();
    state = RTCPeerConnectionState.CLOSED;
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage();
  }

  /** Forwards native callbacks to the call executor; never blocks the WebRTC threads. */
  private final class Observer implements PeerConnectionObserver {
    @Override
    public void onIceCandidate(RTCIceCandidate candidate) {
      executor.execute(
          () -> {
            if (!closed) {
              events.send(new Candidate(peerId(), candidate.sdpMid, candidate.sdpMLineIndex, candidate.sdp));
            }
          });
    }

    @Override
    public void onRenegotiationNeeded() {
      executor.execute(PeerLink.this::negotiate);
    }

    @Override
    public void onConnectionChange(RTCPeerConnectionState next) {
      executor.execute(() -> onState(next));
    }

    @Override
    public void onTrack(RTCRtpTransceiver transceiver) {
      executor.execute(() -> PeerLink.this.onTrack(transceiver));
    }
  }
}
