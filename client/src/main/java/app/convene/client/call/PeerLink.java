package app.convene.client.call;

import app.convene.client.media.MediaEngine;
import app.convene.protocol.Answer;
import app.convene.protocol.Candidate;
import app.convene.protocol.Offer;
import app.convene.protocol.Peer;
import app.convene.protocol.Rejected;
import app.convene.protocol.SignalMessage;
import dev.onvoid.webrtc.RTCConfiguration;
import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.RTCPeerConnectionState;
import dev.onvoid.webrtc.RTCRtpTransceiver;
import dev.onvoid.webrtc.media.MediaStreamTrack;
import dev.onvoid.webrtc.media.audio.AudioTrack;
import dev.onvoid.webrtc.media.video.VideoTrack;
import dev.onvoid.webrtc.media.video.VideoTrackSink;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The peer connection to one remote participant: its local tracks and what they send, its state,
 * the remote video, and its close. Offers and answers are {@link Negotiation}'s (perfect
 * negotiation; the side with the greater peer id is polite), remote candidates wait in a {@link
 * CandidateBuffer}, figures come from {@link LinkStats}.
 *
 * <p>Threading: every method except {@link #post}, {@link #dispose}, {@link #state} and {@link
 * #stats}, and every {@link Events} call, runs on the link's own ordered executor given to the
 * constructor; that executor makes every call on the native connection, in order, and none after
 * {@link #close}. Native observer callbacks only forward to it ({@link LinkObserver}).
 *
 * <p>Input from the remote peer is never trusted: a description or candidate that libwebrtc
 * rejects (webrtc-java throws {@link Error} for SDP it cannot parse) becomes a {@link
 * RemoteInputException} that is logged without the SDP; an unparseable description fails this
 * link (state {@code FAILED}, connection closed). Nothing of it reaches the caller as a throw.
 */
final class PeerLink {
  private static final Logger log = LoggerFactory.getLogger(PeerLink.class);

  /** What a link reports to its call; called on the link's executor. */
  interface Events {
    void send(SignalMessage message);

    void stateChanged(PeerLink link, RTCPeerConnectionState state);

    void remoteVideo(PeerLink link, VideoTrack track);

    /** A step of the join on this link, the first time it happens; see {@link JoinStep}. */
    default void joinStep(PeerLink link, JoinStep step, long nanos) {}
  }

  private final Peer remote;
  private final ExecutorService executor;
  private final Events events;
  private final MediaEngine media;
  private final RTCPeerConnection pc;
  private final CandidateBuffer candidates;
  private final Negotiation negotiation;
  private final LinkStats stats;
  private final LocalTracks tracks;
  private final Rejections rejections = new Rejections(this);
  private final RemoteVideo remoteVideo;
  private final Set<JoinStep> stepsTold = EnumSet.noneOf(JoinStep.class);
  private volatile RTCPeerConnectionState state = RTCPeerConnectionState.NEW;
  private volatile boolean closed;

  PeerLink(
      Peer remote,
      String localId,
      MediaEngine media,
      RTCConfiguration configuration,
      ExecutorService executor,
      Events events) {
    this.remote = remote;
    this.remoteVideo = new RemoteVideo(remote.peerId(),
        nanos -> post(() -> step(JoinStep.FIRST_FRAME, nanos)));
    this.executor = executor;
    this.events = events;
    this.media = media;
    this.pc = media.factory().createPeerConnection(configuration, new LinkObserver(this));
    if (pc == null) {
      throw new IllegalStateException("WebRTC could not create a peer connection");
    }
    media.connectionOpened();
    this.candidates = new CandidateBuffer(this, pc);
    boolean polite = localId.compareTo(remote.peerId()) > 0;
    this.negotiation = new Negotiation(this, pc, polite, executor);
    this.stats = new LinkStats(this, pc);
    this.tracks = new LocalTracks(this, pc, media);
  }

  /** A link's own ordered executor: one daemon thread "peer-PEER_ID"; see {@link OrderedExecutors}. */
  static ExecutorService newExecutor(String peerId) {
    return OrderedExecutors.create("peer-" + peerId, t -> { });
  }

  /**
   * Any thread: runs {@code task} on the link's executor; dropped once the link is disposed.
   * False when it was disposed already.
   */
  boolean post(Runnable task) {
    if (executor.isShutdown()) {
      return false;
    }
    try {
      executor.execute(task);
      return true;
    } catch (RejectedExecutionException e) {
      return false; // disposed
    }
  }

  /**
   * Any thread: closes the connection on the link's executor after everything queued before,
   * then stops the executor. The future completes when the connection is closed.
   */
  CompletableFuture<Void> dispose() {
    CompletableFuture<Void> done = new CompletableFuture<>();
    post(() -> {
      close();
      done.complete(null);
    });
    executor.shutdown();
    if (executor.isTerminated()) {
      done.complete(null);
    }
    return done;
  }

  Peer remote() {
    return remote;
  }

  String peerId() {
    return remote.peerId();
  }

  /** Any thread. */
  RTCPeerConnectionState state() {
    return state;
  }

  /** Any thread. */
  RemoteVideoMeter meter() {
    return remoteVideo.meter();
  }

  RTCPeerConnection connection() {
    return pc;
  }

  /** Any thread. */
  boolean isClosed() {
    return closed;
  }

  Events events() {
    return events;
  }

  LocalTracks tracks() {
    return tracks;
  }

  Negotiation negotiation() {
    return negotiation;
  }

  CandidateBuffer candidates() {
    return candidates;
  }

  /**
   * Remembers the local tracks. When {@code sendNow} is true they are added at once, which makes
   * this side offer; otherwise they are added when the remote side's first offer arrives.
   */
  void start(AudioTrack audio, VideoTrack video, boolean sendNow) {
    tracks.remember(audio, video);
    if (sendNow) {
      tracks.add();
    }
  }

  void onDescription(SignalMessage.Relayed message) {
    if (closed) {
      return;
    }
    boolean isOffer = message instanceof Offer;
    step(isOffer ? JoinStep.OFFER_RECEIVED : JoinStep.ANSWER_RECEIVED, System.nanoTime());
    String sdp = isOffer ? ((Offer) message).sdp() : ((Answer) message).sdp();
    try {
      negotiation.applyDescription(isOffer, sdp);
    } catch (RuntimeException | Error e) {
      // The SDP could not even be parsed: this peer is broken, and nothing it sends can be used.
      rejected(new RemoteInputException(isOffer ? "offer" : "answer", sdp.length(), e), true);
    }
  }

  void onCandidate(Candidate message) {
    if (!closed) {
      step(JoinStep.CANDIDATE_RECEIVED, System.nanoTime());
      candidates.add(message);
    }
  }

  /**
   * Signaling is back after an outage, during which messages to and from this peer were lost:
   * re-sends an offer still waiting for its answer (its SDP carries the candidates gathered so
   * far), or restarts ICE when the link failed or is disconnected. A link that is up is left alone.
   */
  void resync() {
    if (!closed) {
      negotiation.resync();
    }
  }

  /** Restarts ICE: the next offer (negotiation follows at once) carries new ICE credentials. */
  void restartIce() {
    if (!closed) {
      negotiation.restartIce();
    }
  }

  /** New ICE servers (fresh TURN credentials); see {@link Negotiation#useConfiguration}. */
  void useConfiguration(RTCConfiguration configuration) {
    if (!closed) {
      negotiation.useConfiguration(configuration);
    }
  }

  /** Input of the peer's that libwebrtc refused; with {@code fatal} the link fails and closes. */
  void rejected(RemoteInputException e, boolean fatal) {
    rejections.refused(e);
    if (fatal && !closed) {
      close();
      state = RTCPeerConnectionState.FAILED;
      events.stateChanged(this, RTCPeerConnectionState.FAILED);
    }
  }

  /** The peer could not use something we sent; logged (at most {@link Rejections#MAX} times). */
  void onRejected(Rejected rejected) {
    rejections.heard(rejected);
  }

  /** The connection's state changed at {@code nanos} (forwarded by {@link LinkObserver}). */
  void onState(RTCPeerConnectionState next, long nanos) {
    if (closed) {
      return;
    }
    state = next;
    negotiation.stateChanged(next);
    if (next == RTCPeerConnectionState.CONNECTED) {
      step(JoinStep.CONNECTED, nanos);
      tracks.applyQuality();
    }
    events.stateChanged(this, next);
  }

  /** A remote track arrived (forwarded by {@link LinkObserver}). */
  void onTrack(RTCRtpTransceiver transceiver) {
    if (closed) {
      return;
    }
    MediaStreamTrack track = transceiver.getReceiver().getTrack();
    if (track instanceof VideoTrack videoTrack) {
      step(JoinStep.VIDEO_TRACK, System.nanoTime());
      remoteVideo.arrived(videoTrack);
      events.remoteVideo(this, videoTrack);
    }
  }

  /**
   * A step of the join happened at {@code nanos}: told to {@link Events#joinStep} the first time
   * only (a renegotiation or an ICE restart repeats steps, which are not a join's).
   */
  void step(JoinStep step, long nanos) {
    if (!closed && stepsTold.add(step)) {
      events.joinStep(this, step, nanos);
    }
  }

  /** Feeds a remote track to {@code sink} until the link closes. */
  void addRemoteSink(VideoTrack track, VideoTrackSink sink) {
    if (!closed) {
      remoteVideo.addSink(track, sink);
    }
  }

  /**
   * A statistics snapshot; any thread. Never fails: a closed link, a stats call that throws, or
   * one that does not answer within 2 s gives the last figures.
   */
  CompletableFuture<PeerStats> stats(long joinNanos) {
    return stats.snapshot(joinNanos);
  }

  /** Closes the connection; nothing is called on it afterwards. Idempotent. */
  void close() {
    if (closed) {
      return;
    }
    closed = true;
    candidates.clear();
    remoteVideo.removeAll();
    try {
      // Closing stops the audio sender, which removes its sink from the audio source.
      media.changeAudioSinks(pc::close);
    } catch (RuntimeException | Error e) {
      log.warn("peer {}: closing the connection failed: {}", peerId(), e.getMessage());
    } finally {
      media.connectionClosed();
    }
    state = RTCPeerConnectionState.CLOSED;
  }
}
