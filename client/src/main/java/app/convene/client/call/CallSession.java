package app.convene.client.call;

import app.convene.client.media.MediaEngine;
import app.convene.client.signaling.SignalingClient;
import app.convene.client.signaling.SignalingListener;
import app.convene.protocol.Answer;
import app.convene.protocol.Candidate;
import app.convene.protocol.ErrorMessage;
import app.convene.protocol.IceServer;
import app.convene.protocol.Join;
import app.convene.protocol.Joined;
import app.convene.protocol.Leave;
import app.convene.protocol.Notice;
import app.convene.protocol.Offer;
import app.convene.protocol.Peer;
import app.convene.protocol.PeerJoined;
import app.convene.protocol.PeerLeft;
import app.convene.protocol.Rejected;
import app.convene.protocol.Removed;
import app.convene.protocol.SignalMessage;
import dev.onvoid.webrtc.RTCConfiguration;
import dev.onvoid.webrtc.RTCIceServer;
import dev.onvoid.webrtc.RTCIceTransportPolicy;
import dev.onvoid.webrtc.RTCPeerConnectionState;
import dev.onvoid.webrtc.media.video.VideoTrack;
import dev.onvoid.webrtc.media.video.VideoTrackSink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One participant's presence in one room: the signaling connection and a {@link PeerLink} per
 * remote participant (a full mesh). The newcomer offers to everyone already in the room; the
 * others answer.
 *
 * <p>The call outlives its signaling socket: when it drops, the peer connections and media are
 * left alone and the session reconnects with {@link Reconnect#backoff()} for as long as the call
 * lasts, then resumes its place with the server's resume token (same peer id; see {@link
 * Resumption}).
 *
 * <p>Threading: the session's state lives on one "call" executor, which also calls the {@link
 * CallListener}. Each {@link PeerLink} has its own ordered executor that makes every call on its
 * native connection (none after it is closed); the call executor hands work to it and gets its
 * events back. Public methods may be called from any thread.
 *
 * <p>What each sender sends follows the {@link SendLadder}: less video as the room grows, and less
 * again while an encoder reports that CPU or bandwidth limits it (checked every 2 s).
 */
public final class CallSession implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(CallSession.class);
  private static final long ADAPT_EVERY_MS = 2_000;

  private final MediaEngine media;
  private final CallListener listener;
  private final ExecutorService executor;
  private final CompletableFuture<Joined> joinedFuture = new CompletableFuture<>();
  private final Map<String, PeerLink> links = new LinkedHashMap<>();
  private final long joinNanos = System.nanoTime();
  private final JoinTicket ticket;
  private final Reconnect reconnect;
  private final boolean relayOnly;
  private final Resumption resumption;
  private final SendLadder ladder = new SendLadder();
  private SignalingClient signaling; // null while reconnecting
  private int generation; // of the current socket; events of older sockets are ignored
  private boolean tokenRefused; // the last upgrade got HTTP 401: renew the token first
  private boolean adapting; // the send-ladder loop runs (one per call)
  private RTCConfiguration configuration;
  private volatile String localId; // written on the call executor; read by localId() anywhere
  private VideoTrack outgoingVideo;
  private boolean ended;
  /** The call executor's thread, so that {@link #close} called on it does not wait for itself. */
  private volatile Thread callThread;

  private CallSession(MediaEngine media, CallListener listener, JoinTicket ticket,
      Reconnect reconnect, boolean relayOnly) {
    this.media = media;
    this.listener = listener;
    this.ticket = ticket;
    this.reconnect = reconnect;
    this.relayOnly = relayOnly;
    this.resumption = new Resumption(this);
    String room = ticket.roomId();
    // Late native callbacks after close are dropped rather than thrown on WebRTC threads.
    this.executor =
        new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
            r -> {
              Thread t = new Thread(r, "call-" + room);
              t.setDaemon(true);
              callThread = t;
              return t;
            },
            new ThreadPoolExecutor.DiscardPolicy());
  }

  /**
   * Connects to the signaling server and joins a room. The future completes when the server
   * admitted us, and fails with the server's message (e.g. the room is full) or the network error.
   * The media engine stays the caller's: close the session before the engine.
   */
  public static CompletableFuture<CallSession> join(
      JoinTicket ticket, MediaEngine media, CallListener listener) {
    return join(ticket, media, listener, Reconnect.withTokens(ticket::accessToken));
  }

  /**
   * Like {@link #join(JoinTicket, MediaEngine, CallListener)}; after a drop the session reconnects
   * as {@code reconnect} says, with a token from its {@link TokenSource} each time.
   */
  public static CompletableFuture<CallSession> join(
      JoinTicket ticket, MediaEngine media, CallListener listener, Reconnect reconnect) {
    return join(ticket, media, listener, reconnect, false);
  }

  /**
   * Like {@link #join(JoinTicket, MediaEngine, CallListener, Reconnect)}; with {@code relayOnly}
   * ICE uses relayed (TURN) candidates only, so that media never flows directly between peers.
   */
  public static CompletableFuture<CallSession> join(JoinTicket ticket, MediaEngine media,
      CallListener listener, Reconnect reconnect, boolean relayOnly) {
    Objects.requireNonNull(ticket, "ticket == null");
    Objects.requireNonNull(media, "media == null");
    Objects.requireNonNull(listener, "listener == null");
    Objects.requireNonNull(reconnect, "reconnect == null");
    CallSession session = new CallSession(media, listener, ticket, reconnect, relayOnly);
    return SignalingClient.connect(
            ticket.server(), ticket.accessToken(), session.new Inbound(0), session.executor,
            ticket.trust())
        .thenCompose(
            client -> {
              session.executor.execute(() -> session.signaling = client);
              client.send(session.joinMessage());
              return session.joinedFuture;
            })
        .thenApply(joined -> session)
        .whenComplete(
            (s, e) -> {
              if (e != null) {
                session.close();
              }
            });
  }

  /** {@link System#nanoTime()} when this session began to join. */
  public long joinNanos() {
    return joinNanos;
  }

  /**
   * Our peer id in the room: the first join's, or the one we were given when the server could not
   * resume our place and we joined afresh.
   */
  public CompletableFuture<String> localId() {
    return joinedFuture.thenApply(first -> localId != null ? localId : first.peerId());
  }

  public void setMicrophoneEnabled(boolean enabled) {
    executor.execute(() -> media.audioTrack().setEnabled(enabled));
  }

  public void setCameraEnabled(boolean enabled) {
    executor.execute(() -> media.cameraTrack().setEnabled(enabled));
  }

  /** Sends {@code track} (a screen, another camera) to every peer instead of the current video. */
  public void sendVideo(VideoTrack track) {
    executor.execute(() -> installVideo(track));
  }

  /** What we send to each peer now; call on the call executor. */
  SendQuality sendQuality() {
    return ladder.quality(liveLinks() + 1);
  }

  /** Runs {@code task} on the call executor, where the media engine may be used. */
  public CompletableFuture<Void> onCallThread(Runnable task) {
    return CompletableFuture.runAsync(task, executor);
  }

  /**
   * Any thread: shows {@code track} of peer {@code peerId} in {@code sink}, on that peer's link
   * executor, so that it is ordered against the link's close (which removes the sink again).
   * Nothing happens once the peer has left.
   */
  public void addRemoteSink(String peerId, VideoTrack track, VideoTrackSink sink) {
    executor.execute(() -> {
      PeerLink link = links.get(peerId);
      if (link != null) {
        link.post(() -> link.addRemoteSink(track, sink));
      }
    });
  }

  /**
   * Installs a new outgoing video on every link; call on the call executor. Returns once every
   * link has replaced it (at most 2 s), so that the caller may then dispose the previous track.
   */
  public void installVideo(VideoTrack track) {
    outgoingVideo = track;
    List<CompletableFuture<Void>> replaced = new ArrayList<>();
    for (PeerLink link : links.values()) {
      CompletableFuture<Void> done = new CompletableFuture<>();
      link.post(() -> {
        link.replaceVideo(track);
        done.complete(null);
      });
      replaced.add(done);
    }
    try {
      CompletableFuture.allOf(replaced.toArray(CompletableFuture[]::new)).get(2, TimeUnit.SECONDS);
    } catch (Exception e) {
      log.warn("not every link took the new video in time: {}", e.toString());
    }
  }

  /**
   * A statistics snapshot of every peer connection. Completes within about 2 s even when a link
   * closes meanwhile (it then reports its last figures), and with an empty list once the session
   * is closed; never fails.
   */
  public CompletableFuture<List<PeerStats>> stats() {
    CompletableFuture<List<PeerLink>> current = new CompletableFuture<>();
    try {
      executor.execute(() -> current.complete(List.copyOf(links.values())));
    } catch (RuntimeException e) {
      current.complete(List.of());
    }
    if (executor.isShutdown()) {
      current.complete(List.of()); // a discarded task never completes it
    }
    return current.thenCompose(
        list -> {
          List<CompletableFuture<PeerStats>> all = new ArrayList<>();
          for (PeerLink link : list) {
            all.add(link.stats(joinNanos));
          }
          return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new))
              .thenApply(v -> all.stream().map(CompletableFuture::join).toList());
        });
  }

  /** Every 2 s: reads the links' figures and moves on the send ladder when the encoders strain. */
  private void scheduleAdapt() {
    CompletableFuture.delayedExecutor(ADAPT_EVERY_MS, TimeUnit.MILLISECONDS, executor)
        .execute(
            () -> {
              if (ended) {
                return;
              }
              stats()
                  .thenAcceptAsync(
                      all -> {
                        boolean limited = all.stream().anyMatch(SendLadder::strained);
                        if (!ended && ladder.observe(limited)) {
                          log.info("sending pressure now {}", ladder.pressure());
                          updateQuality();
                        }
                        scheduleAdapt();
                      },
                      executor);
            });
  }

  /** Call executor: gives every link the rung of the current room size and pressure. */
  private void updateQuality() {
    SendQuality quality = sendQuality();
    links.values().forEach(link -> link.post(() -> link.setQuality(quality)));
    if (media.pattern() != null) {
      media.pattern().limitRate((int) quality.maxFramerate());
    }
  }

  private int liveLinks() {
    return (int) links.values().stream().filter(link -> !link.isClosed()).count();
  }

  /** Leaves the room, closes every peer connection and the signaling connection. Idempotent. */
  @Override
  public void close() {
    if (executor.isShutdown()) {
      return;
    }
    if (Thread.currentThread() == callThread) {
      // E.g. a failed join: its future completes on the call executor.
      end("You left the call", true);
      executor.shutdown();
      return;
    }
    CompletableFuture<Void> done = CompletableFuture.runAsync(() -> end("You left the call", true), executor);
    try {
      done.get(25, TimeUnit.SECONDS);
    } catch (Exception e) {
      log.warn("closing the call did not finish cleanly: {}", e.toString());
    }
    executor.shutdown();
  }

  private void end(String reason, boolean sayGoodbye) {
    if (ended) {
      return;
    }
    ended = true;
    generation++; // a socket still connecting is closed when it opens
    // Close every connection on its own executor, and wait, so that the caller may close the
    // media engine (sources, factory) afterwards.
    List<CompletableFuture<Void>> closing = links.values().stream().map(PeerLink::dispose).toList();
    links.clear();
    if (media.pattern() != null) {
      media.pattern().limitRate(Integer.MAX_VALUE); // the engine may serve another call
    }
    try {
      // Closing many connections on a starved machine takes seconds: each one waits for the
      // WebRTC network and worker threads. The media engine waits for the rest (MediaEngine.close).
      CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);
    } catch (Exception e) {
      log.warn("closing the peer connections did not finish in time: {}", e.toString());
    }
    if (signaling != null) {
      if (sayGoodbye && localId != null) { // never after a refused join: we were not in
        signaling.send(new Leave());
      }
      signaling.close();
    }
    if (!joinedFuture.isDone()) {
      joinedFuture.completeExceptionally(new CallException(reason));
    }
    listener.ended(reason);
  }

  private void onJoined(Joined joined) {
    if (localId != null) {
      resumption.joinedAgain(joined);
      return;
    }
    firstJoined(joined);
  }

  /** Our first {@code joined} in this room, or the first after the server gave our place up. */
  void firstJoined(Joined joined) {
    localId = joined.peerId();
    resumption.remember(joined);
    configuration = configuration(joined.iceServers());
    outgoingVideo = media.cameraTrack();
    log.info("joined room {} as {} with {} peer(s)", joined.roomId(), localId, joined.peers().size());
    listener.joined(joined);
    joinedFuture.complete(joined);
    for (Peer peer : joined.peers()) {
      addLink(peer, true);
    }
    if (!adapting) { // a fresh join after a refused resume keeps the loop that runs
      adapting = true;
      scheduleAdapt();
    }
  }

  /** Opens a connection to {@code peer}; null when the native layer refuses to make one. */
  PeerLink addLink(Peer peer, boolean offer) {
    PeerLink previous = links.remove(peer.peerId());
    if (previous != null) {
      previous.dispose(); // a peer id joined again before its leave reached us
    }
    PeerLink link;
    try {
      link = new PeerLink(peer, localId, media, configuration,
          PeerLink.newExecutor(peer.peerId()), new LinkEvents());
    } catch (RuntimeException | Error e) {
      log.warn("cannot open a connection to peer {}: {}", peer.peerId(), e.getMessage());
      return null;
    }
    links.put(peer.peerId(), link);
    listener.peerAdded(peer);
    VideoTrack video = outgoingVideo;
    link.post(() -> link.start(media.audioTrack(), video, offer));
    updateQuality();
    return link;
  }

  void removeLink(String peerId) {
    PeerLink link = links.remove(peerId);
    if (link != null) {
      link.dispose();
      listener.peerRemoved(peerId);
      updateQuality();
    }
  }

  private RTCConfiguration configuration(List<IceServer> servers) {
    RTCConfiguration configuration = new RTCConfiguration();
    if (relayOnly) {
      configuration.iceTransportPolicy = RTCIceTransportPolicy.RELAY;
    }
    for (IceServer server : servers) {
      RTCIceServer ice = new RTCIceServer();
      ice.urls = server.urls();
      ice.username = server.username();
      ice.password = server.credential();
      configuration.iceServers.add(ice);
    }
    return configuration;
  }

  /** Signaling input of one socket, on the call executor. */
  private final class Inbound implements SignalingListener {
    private final int socket;

    Inbound(int socket) {
      this.socket = socket;
    }

    @Override
    public void onMessage(SignalMessage message) {
      if (ended || socket != generation) {
        return;
      }
      if (message instanceof Notice) {
        return; // for the notice feed, not the call
      }
      if (localId == null && !(message instanceof Joined) && !(message instanceof ErrorMessage)) {
        log.warn("ignoring {} that arrived before the join reply", message.getClass().getSimpleName());
        return;
      }
      switch (message) {
        case Joined joined -> onJoined(joined);
        case PeerJoined joined -> {
          resumption.heardOf(joined.peer().peerId());
          if (joined.iceServers() != null) {
            useIceServers(joined.iceServers()); // fresh TURN credentials for a long call
          }
          if (!links.containsKey(joined.peer().peerId())) {
            addLink(joined.peer(), false);
          }
        }
        case PeerLeft left -> removeLink(left.peerId());
        // Relayed messages from peers we do not (or no longer) know are dropped (protocol §4).
        case Offer offer -> {
          resumption.heardOf(offer.from());
          withLink(offer.from(), link -> link.onDescription(offer));
        }
        case Answer answer -> {
          resumption.heardOf(answer.from());
          withLink(answer.from(), link -> link.onDescription(answer));
        }
        case Candidate candidate -> {
          resumption.heardOf(candidate.from());
          withLink(candidate.from(), link -> link.onCandidate(candidate));
        }
        case Rejected rejected -> withLink(rejected.from(), link -> link.onRejected(rejected));
        case ErrorMessage error -> onError(error);
        case Join join -> log.warn("unexpected join from the server");
        case app.convene.protocol.Leave leave -> log.warn("unexpected leave from the server");
        case Notice notice -> { } // returned above
        case Removed removed -> onRemoved(removed);
      }
    }

    @Override
    public void onClosed(String reason) {
      if (ended || socket != generation) {
        return;
      }
      if (!joinedFuture.isDone()) {
        end(reason, false);
        return;
      }
      signaling = null;
      resumption.dropped(reason);
    }
  }

  /**
   * Opens a new socket (a fresh access token first, off the call thread) and sends the join that
   * resumes our place; {@code done} hears, on the call executor, whether the socket opened.
   */
  void reconnectOnce(Consumer<Throwable> done) {
    int socket = ++generation;
    // The token may need a REST refresh: blocking I/O, on a thread of its own.
    boolean renew = tokenRefused;
    CompletableFuture.supplyAsync(() -> freshToken(renew),
            task -> Thread.ofVirtual().name("call-token").start(task))
        .thenCompose(token ->
            SignalingClient.connect(ticket.server(), token, new Inbound(socket), executor,
                ticket.trust()))
        .whenComplete((client, failure) -> {
          // Not on the call executor directly: once the call is closed it drops tasks, and a
          // socket that opened meanwhile must still be closed.
          if (client != null && executor.isShutdown()) {
            client.close();
            return;
          }
          executor.execute(() -> reconnected(socket, client, failure, done));
        });
  }

  /** Call executor: the outcome of {@link #reconnectOnce}. */
  private void reconnected(
      int socket, SignalingClient client, Throwable failure, Consumer<Throwable> done) {
    if (failure != null) {
      Throwable cause = failure instanceof CompletionException && failure.getCause() != null
          ? failure.getCause() : failure;
      tokenRefused = cause instanceof SignalingClient.SignInRefused;
      done.accept(failure);
    } else if (ended || socket != generation) {
      client.close();
    } else {
      signaling = client;
      client.send(joinMessage());
      done.accept(null);
    }
  }

  private String freshToken(boolean renew) {
    try {
      return renew ? reconnect.tokens().renewedAccessToken() : reconnect.tokens().accessToken();
    } catch (Exception e) {
      throw new CompletionException(e);
    }
  }

  /** The join to send on a new socket: resuming our place when we have a token for it. */
  Join joinMessage() {
    Join join = new Join(ticket.roomId(), ticket.name(), ticket.invite());
    String token = resumption.token();
    return token == null ? join : join.resuming(token);
  }

  /** Sends on the current socket; false while there is none. */
  boolean send(SignalMessage message) {
    SignalingClient current = signaling;
    return current != null && current.send(message);
  }

  /** Runs {@code task} on the call executor after {@code delay}, unless the call ended by then. */
  void later(Duration delay, Runnable task) {
    CompletableFuture.runAsync(() -> {
      if (!ended) {
        task.run();
      }
    }, CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS, executor));
  }

  boolean isEnded() {
    return ended;
  }

  String localPeerId() {
    return localId;
  }

  Map<String, PeerLink> links() {
    return links;
  }

  CallListener listener() {
    return listener;
  }

  Reconnect reconnectSettings() {
    return reconnect;
  }

  /** Forgets every link and our peer id: the server gave our place up, we join afresh. */
  void startOver() {
    List.copyOf(links.keySet()).forEach(this::removeLink);
    localId = null;
  }

  /** Ends the call without a goodbye: the server will not have us back. */
  void endBecause(String reason) {
    end(reason, false);
  }

  /**
   * New ICE servers (fresh TURN credentials) for links made from now on and for the candidates
   * that the links already made gather from now on (ICE restarts).
   */
  void useIceServers(List<IceServer> servers) {
    RTCConfiguration fresh = configuration(servers);
    configuration = fresh;
    links.values().forEach(link -> link.post(() -> link.useConfiguration(fresh)));
  }

  private void withLink(String peerId, java.util.function.Consumer<PeerLink> task) {
    PeerLink link = links.get(peerId);
    if (link == null) {
      log.debug("ignoring a relayed message from unknown peer {}", peerId);
      return;
    }
    link.post(() -> task.accept(link));
  }

  /** The server took us out of the room: the call ends, without a {@code leave} (we are out). */
  private void onRemoved(Removed removed) {
    if (!removed.roomId().equals(ticket.roomId())) {
      log.warn("ignoring removal from another room {}", removed.roomId());
      return;
    }
    log.info("removed from the call: {}", removed.reason());
    listener.removed(removed.reason());
    end(removedReason(removed.reason()), false);
  }

  /** Why we were removed, in English for logs and the headless summary. */
  static String removedReason(Removed.Reason reason) {
    return switch (reason) {
      case REMOVED_BY_HOST -> "the host removed you from the call";
      case ENDED_BY_HOST -> "the host ended the meeting for everyone";
      case UNINVITED -> "you were removed from the meeting's attendees";
      case MEETING_CANCELLED -> "the meeting was cancelled";
    };
  }

  private void onError(ErrorMessage error) {
    if (resumption.handles(error)) {
      return;
    }
    if (!joinedFuture.isDone()) {
      joinedFuture.completeExceptionally(new CallException(error.message(), error.code()));
      return;
    }
    log.warn("server error {}: {}", error.code(), error.message());
    listener.serverError(error.message());
  }

  /** Link events arrive on the link's executor and continue on the call executor. */
  private final class LinkEvents implements PeerLink.Events {
    @Override
    public void send(SignalMessage message) {
      executor.execute(
          () -> {
            if (!ended) {
              CallSession.this.send(message); // dropped while reconnecting; resync() makes up for it
            }
          });
    }

    @Override
    public void stateChanged(PeerLink link, RTCPeerConnectionState state) {
      executor.execute(
          () -> {
            if (links.get(link.peerId()) == link) {
              resumption.linkState(link, state);
              listener.peerState(link.peerId(), state);
              if (state == RTCPeerConnectionState.FAILED && link.isClosed()) {
                updateQuality(); // the link gave up for good; the room is smaller for the ladder
              }
            }
          });
    }

    @Override
    public void remoteVideo(PeerLink link, VideoTrack track) {
      executor.execute(
          () -> {
            if (links.get(link.peerId()) == link) {
              listener.peerVideo(link.peerId(), track);
            }
          });
    }
  }
}
