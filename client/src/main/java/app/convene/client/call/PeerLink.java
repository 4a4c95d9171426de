package app.convene.client.call;

import app.convene.client.media.MediaEngine;
import app.convene.protocol.Answer;
import app.convene.protocol.Candidate;
import app.convene.protocol.Offer;
import app.convene.protocol.Peer;
import app.convene.protocol.Rejected;
import app.convene.protocol.SignalMessage;
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
import dev.onvoid.webrtc.media.video.VideoTrackSink;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The peer connection to one remote participant, negotiated with the "perfect negotiation"
 * pattern: either side may offer at any time; on a collision the impolite side ignores the
 * incoming offer and the polite side rolls its own back. The side with the greater peer id is
 * polite.
 *
 * <p>Threading: every method except {@link #stats}, and every {@link Events} call, runs on the
 * link's own ordered executor given to the constructor; that executor makes every call on the
 * native connection, in order, and none after {@link #close}. Native observer callbacks only
 * forward to it.
 *
 * <p>Input from the remote peer is never trusted: a description or candidate that libwebrtc
 * rejects (webrtc-java throws {@link Error} for SDP it cannot parse) becomes a {@link
 * RemoteInputException} that is logged without the SDP; an unparseable description fails this
 * link (state {@code FAILED}, connection closed). Nothing of it reaches the caller as a throw.
 */
final class PeerLink {
  private static final Logger log = LoggerFactory.getLogger(PeerLink.class);
  private static final int MAX_ICE_RESTARTS = 3;
  private static final long STATS_TIMEOUT_MS = 2_000;
  /** How many refusals a link reports to its peer, and logs from it. */
  private static final int MAX_REJECTIONS = 10;
  private static final List<String> STREAM_IDS = List.of("convene");

  /** What a link reports to its call; called on the link's executor. */
  interface Events {
    void send(SignalMessage message);

    void stateChanged(PeerLink link, RTCPeerConnectionState state);

    void remoteVideo(PeerLink link, VideoTrack track);
  }

  private final Peer remote;
  private final boolean polite;
  private final ExecutorService executor;
  private final Events events;
  private final MediaEngine media;
  private final RTCPeerConnection pc;
  private final RemoteVideoMeter meter = new RemoteVideoMeter();
  private final List<RTCIceCandidate> pendingCandidates = new ArrayList<>();
  private volatile RTCPeerConnectionState state = RTCPeerConnectionState.NEW;
  private volatile PeerStats lastStats;
  private RTCRtpSender videoSender;
  private SendQuality quality = SendQuality.FULL;
  private boolean tracksAdded;
  private boolean makingOffer;
  private boolean ignoreOffer;
  private volatile boolean closed;
  private int iceRestarts;
  /** Remote tracks and the sinks we gave them; link executor only. */
  private final List<java.util.Map.Entry<VideoTrack, VideoTrackSink>> remoteSinks = new ArrayList<>();
  private boolean iceRestartPending;
  private int rejectionsSent; // link executor
  private int rejectionsHeard; // link executor
  private AudioTrack audio;
  private VideoTrack video;

  PeerLink(
      Peer remote,
      String localId,
      MediaEngine media,
      RTCConfiguration configuration,
      ExecutorService executor,
      Events events) {
    this.remote = remote;
    this.polite = localId.compareTo(remote.peerId()) > 0;
    this.executor = executor;
    this.events = events;
    this.media = media;
    this.pc = media.factory().createPeerConnection(configuration, new Observer());
    if (pc == null) {
      throw new IllegalStateException("WebRTC could not create a peer connection");
    }
    media.connectionOpened();
  }

  /**
   * A link's own ordered executor: one daemon thread; tasks that arrive after {@link #dispose}
   * (late native callbacks) are dropped rather than thrown on WebRTC threads.
   */
  static ExecutorService newExecutor(String peerId) {
    return new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
        r -> {
          Thread t = new Thread(r, "peer-" + peerId);
          t.setDaemon(true);
          return t;
        },
        new ThreadPoolExecutor.DiscardPolicy());
  }

  /** Any thread: runs {@code task} on the link's executor; dropped once the link is disposed. */
  void post(Runnable task) {
    try {
      executor.execute(task);
    } catch (RejectedExecutionException e) {
      // disposed
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

  RemoteVideoMeter meter() {
    return meter;
  }

  RTCPeerConnection connection() {
    return pc;
  }

  boolean isClosed() {
    return closed;
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
    if (tracksAdded || closed) {
      return;
    }
    tracksAdded = true;
    // Adding an audio track adds a sink to its source while the tone thread may be pushing.
    media.changeAudioSinks(() -> pc.addTrack(audio, STREAM_IDS));
    videoSender = pc.addTrack(video, STREAM_IDS);
    applyQuality();
  }

  /** Sends {@code track} instead of the current video, without renegotiation. */
  void replaceVideo(VideoTrack track) {
    video = track;
    if (videoSender != null && !closed) {
      videoSender.replaceTrack(track);
    }
  }

  /** Caps what we send to this peer (resolution, frame rate, bitrate); kept across renegotiation. */
  void setQuality(SendQuality next) {
    if (next.equals(quality)) {
      return;
    }
    quality = next;
    applyQuality();
  }

  SendQuality quality() {
    return quality;
  }

  private void applyQuality() {
    if (videoSender == null || closed) {
      return;
    }
    try {
      quality.applyTo(videoSender);
    } catch (RuntimeException | Error e) {
      // Before the first negotiation completes some builds refuse; the next call retries.
      log.debug("peer {}: cannot set send parameters yet: {}", peerId(), e.getMessage());
    }
  }

  void onDescription(SignalMessage.Relayed message) {
    if (closed) {
      return;
    }
    boolean isOffer = message instanceof Offer;
    String sdp = isOffer ? ((Offer) message).sdp() : ((Answer) message).sdp();
    String kind = isOffer ? "offer" : "answer";
    try {
      applyDescription(isOffer, sdp);
    } catch (RuntimeException | Error e) {
      // The SDP could not even be parsed: this peer is broken, and nothing it sends can be used.
      rejected(new RemoteInputException(kind, sdp.length(), e), true);
    }
  }

  private void applyDescription(boolean isOffer, String sdp) {
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
              if (closed) {
                return CompletableFuture.completedFuture(null);
              }
              flushCandidates();
              if (!isOffer) {
                applyQuality();
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
    if (closed) {
      return;
    }
    try {
      pc.addIceCandidate(candidate);
    } catch (RuntimeException | Error e) {
      // A candidate of an ignored offer, for an unknown m-line, or garbage: drop it, keep the link.
      if (!ignoreOffer) {
        rejected(new RemoteInputException("candidate", candidate.sdp.length(), e), false);
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

  /**
   * On the link's executor: new ICE servers (fresh TURN credentials) for the candidates gathered
   * from now on, e.g. by an ICE restart. An allocation already made keeps working: a TURN server
   * checks the credentials only when it creates one.
   */
  void useConfiguration(RTCConfiguration configuration) {
    if (closed) {
      return;
    }
    try {
      pc.setConfiguration(configuration);
    } catch (RuntimeException e) {
      log.warn("peer {}: cannot apply new ICE servers: {}", peerId(), e.getMessage());
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
    if (closed) {
      return CompletableFuture.completedFuture(null);
    }
    return Rtc.setLocal(pc, description)
        .thenRunAsync(
            () -> {
              if (closed) {
                return;
              }
              applyQuality();
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
      // fires onRenegotiationNeeded again if the session still needs it. A remote description
      // that libwebrtc refuses lands here too; its message names the fault, not the SDP.
      log.info("peer {}: {} did not complete: {}", peerId(), what, rootMessage(e));
    }
    return null;
  }

  /**
   * Logs input that libwebrtc refused and tells the peer with {@code rejected} (both at most
   * {@link #MAX_REJECTIONS} times, so a peer that sends garbage in a loop gets no echo of it);
   * with {@code fatal} the link is failed and closed.
   */
  private void rejected(RemoteInputException e, boolean fatal) {
    if (rejectionsSent < MAX_REJECTIONS) {
      rejectionsSent++;
      log.warn("peer {}: {}", peerId(), e.getMessage());
      events.send(new Rejected(peerId(), e.kind(), e.reason()));
    } else {
      log.debug("peer {}: {}", peerId(), e.getMessage());
    }
    if (fatal && !closed) {
      close();
      state = RTCPeerConnectionState.FAILED;
      events.stateChanged(this, RTCPeerConnectionState.FAILED);
    }
  }

  /** The peer could not use something we sent; logged (at most {@link #MAX_REJECTIONS} times). */
  void onRejected(Rejected rejected) {
    if (rejectionsHeard < MAX_REJECTIONS) {
      rejectionsHeard++;
      // The reason is the peer's text: one line, no control characters, in our log.
      log.warn("peer {} could not use our {}: {}", peerId(), rejected.about(),
          rejected.reason().replaceAll("\\p{Cntrl}", " "));
    }
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
      applyQuality();
    }
    events.stateChanged(this, next);
  }

  private void onTrack(RTCRtpTransceiver transceiver) {
    if (closed) {
      return;
    }
    MediaStreamTrack track = transceiver.getReceiver().getTrack();
    if (!(track instanceof VideoTrack videoTrack)) {
      return;
    }
    addRemoteSink(videoTrack, meter);
    events.remoteVideo(this, videoTrack);
  }

  /** Link executor: feeds a remote track to {@code sink} until the link closes. */
  void addRemoteSink(VideoTrack track, VideoTrackSink sink) {
    if (closed) {
      return;
    }
    track.addSink(sink);
    remoteSinks.add(java.util.Map.entry(track, sink));
  }

  /**
   * A statistics snapshot; any thread. Never fails: a closed link, a stats call that throws, or
   * one that does not answer within 2 s gives the last figures.
   */
  CompletableFuture<PeerStats> stats(long joinNanos) {
    CompletableFuture<PeerStats> result = new CompletableFuture<>();
    if (executor.isShutdown()) {
      result.complete(lastStats(joinNanos));
    } else {
      post(() -> requestStats(result, joinNanos));
    }
    return result
        .orTimeout(STATS_TIMEOUT_MS, TimeUnit.MILLISECONDS)
        .exceptionally(e -> lastStats(joinNanos));
  }

  private void requestStats(CompletableFuture<PeerStats> result, long joinNanos) {
    if (closed) {
      result.complete(lastStats(joinNanos));
      return;
    }
    try {
      pc.getStats(
          report -> {
            // Native thread: read the report here (it is a plain Java object) and hand it back.
            PeerStats stats = StatsReader.read(this, report, joinNanos);
            lastStats = stats;
            result.complete(stats);
          });
    } catch (RuntimeException | Error e) {
      result.complete(lastStats(joinNanos));
    }
  }

  /** The figures of the last report, with the meter's current counts. */
  private PeerStats lastStats(long joinNanos) {
    PeerStats last = lastStats;
    return last == null ? StatsReader.empty(this, joinNanos) : StatsReader.withMeter(this, last, joinNanos);
  }

  /** Closes the connection; nothing is called on it afterwards. Idempotent. */
  void close() {
    if (closed) {
      return;
    }
    closed = true;
    pendingCandidates.clear();
    for (var sink : remoteSinks) {
      try {
        sink.getKey().removeSink(sink.getValue());
      } catch (RuntimeException | Error e) {
        log.debug("peer {}: removing a video sink failed: {}", peerId(), e.getMessage());
      }
    }
    remoteSinks.clear();
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

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return RemoteInputException.firstLine(t.getMessage());
  }

  /** Forwards native callbacks to the link's executor; never blocks the WebRTC threads. */
  private final class Observer implements PeerConnectionObserver {
    @Override
    public void onIceCandidate(RTCIceCandidate candidate) {
      post(
          () -> {
            if (!closed) {
              events.send(new Candidate(peerId(), candidate.sdpMid, candidate.sdpMLineIndex, candidate.sdp));
            }
          });
    }

    @Override
    public void onRenegotiationNeeded() {
      post(PeerLink.this::negotiate);
    }

    @Override
    public void onConnectionChange(RTCPeerConnectionState next) {
      post(() -> onState(next));
    }

    @Override
    public void onTrack(RTCRtpTransceiver transceiver) {
      post(() -> PeerLink.this.onTrack(transceiver));
    }
  }
}
