package app.convene.client.call;

import app.convene.client.media.MediaEngine;
import app.convene.protocol.Joined;
import app.convene.protocol.Leave;
import app.convene.protocol.Peer;
import app.convene.protocol.SignalMessage;
import dev.onvoid.webrtc.media.video.VideoTrack;
import dev.onvoid.webrtc.media.video.VideoTrackSink;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One participant's presence in one room, without JavaFX: the signaling connection ({@link
 * SignalingLine}, its input dispatched by {@link Inbound}) and a {@link PeerLink} per remote
 * participant ({@link PeerLinks}, a full mesh). The newcomer offers to everyone already in the
 * room; the others answer.
 *
 * <p>The call moves through the {@link CallState}s in {@link CallLifecycle}, which tells the
 * {@link CallListener}. It outlives its signaling socket: when it drops, the peer connections and
 * media are left alone and {@link Resumption} reconnects with {@link Reconnect#backoff()} for as
 * long as the call lasts, then resumes our place with the server's resume token. {@link
 * CallStats} reads the figures every 2 s and steps the {@link SendLadder}.
 *
 * <p>Threading: the session's state lives on one "call" executor, which also calls the {@link
 * CallListener}. Each {@link PeerLink} has its own ordered executor that makes every call on its
 * native connection (none after it is closed); the call executor hands work to it and gets its
 * events back. Public methods may be called from any thread; a command given after the call ended
 * does nothing. Our own media's commands are {@link LocalMedia}'s.
 */
public final class CallSession implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(CallSession.class);

  private final CallListener listener;
  private final ExecutorService executor;
  private final CompletableFuture<Joined> joinedFuture = new CompletableFuture<>();
  private final long joinNanos = System.nanoTime();
  private final JoinTicket ticket;
  private final Reconnect reconnect;
  private final CallLifecycle lifecycle;
  private final Resumption resumption;
  private final PeerLinks links;
  private final TileViews views = new TileViews(this);
  private final SignalingLine line;
  private final CallStats stats;
  /** The room's join steps told to the listener; call executor. */
  private final Set<JoinStep> roomStepsTold = EnumSet.noneOf(JoinStep.class);
  private volatile String localId; // written on the call executor; read by localId() anywhere
  /** The call executor's thread, so that {@link #close} called on it does not wait for itself. */
  private volatile Thread callThread;

  private CallSession(MediaEngine media, CallListener listener, JoinTicket ticket,
      Reconnect reconnect, boolean relayOnly) {
    this.listener = listener;
    this.ticket = ticket;
    this.reconnect = reconnect;
    this.executor = OrderedExecutors.create("call-" + ticket.roomId(), t -> callThread = t);
    this.lifecycle = new CallLifecycle(listener);
    this.resumption = new Resumption(this);
    this.links = new PeerLinks(this, media, executor, relayOnly);
    this.line = new SignalingLine(this, ticket, reconnect, executor);
    this.stats = new CallStats(this, executor, joinNanos);
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
    return session.line.open()
        .thenCompose(client -> {
          client.send(session.line.joinMessage());
          session.roomStep(JoinStep.SIGNALING_OPEN, System.nanoTime());
          return session.joinedFuture;
        })
        .thenApply(joined -> session)
        .whenComplete((s, e) -> {
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

  /**
   * Runs {@code task} on the call executor, where the media engine may be used. Once the call
   * ended the task does not run and the future fails with a {@link CallException}.
   */
  public CompletableFuture<Void> onCallThread(Runnable task) {
    CompletableFuture<Void> done = CompletableFuture.runAsync(() -> {
      if (lifecycle.isEnded()) {
        throw new CallException("the call has ended");
      }
      task.run();
    }, executor);
    if (executor.isShutdown()) {
      done.completeExceptionally(new CallException("the call has ended")); // discarded
    }
    return done;
  }

  /**
   * Any thread: shows {@code track} of peer {@code peerId} in {@code sink}, on that peer's link
   * executor, so that it is ordered against the link's close (which removes the sink again).
   * Nothing happens once the peer has left.
   */
  public void addRemoteSink(String peerId, VideoTrack track, VideoTrackSink sink) {
    whileLive(() -> links.addRemoteSink(peerId, track, sink));
  }

  /**
   * Any thread: we show peer {@code peerId}'s video in {@code width} × {@code height} device
   * pixels, or not at all (0 × 0: the window is minimised or hidden). The peer then sends us no
   * more than that ({@link TileViews}). Nothing happens once the call ended.
   */
  public void showPeerAt(String peerId, int width, int height) {
    whileLive(() -> views.show(peerId, width, height));
  }

  /**
   * A statistics snapshot of every peer connection. Completes within about 2 s even when a link
   * closes meanwhile (it then reports its last figures), and with an empty list once the session
   * is closed; never fails.
   */
  public CompletableFuture<List<PeerStats>> stats() {
    return stats.snapshot();
  }

  /** Leaves the room, closes every peer connection and the signaling connection. Idempotent. */
  @Override
  public void close() {
    if (executor.isShutdown()) {
      return;
    }
    if (Thread.currentThread() == callThread) {
      // E.g. a failed join: its future completes on the call executor.
      end(new CallEnd.Left(), true);
      executor.shutdown();
      return;
    }
    CompletableFuture<Void> done =
        CompletableFuture.runAsync(() -> end(new CallEnd.Left(), true), executor);
    try {
      done.get(25, TimeUnit.SECONDS);
    } catch (Exception e) {
      log.warn("closing the call did not finish cleanly: {}", e.toString());
    }
    executor.shutdown();
  }

  /**
   * Call executor: ends the call once (the listener hears it at once), closes every connection
   * and then the socket, with a {@code leave} when {@code sayGoodbye} and we were in the room.
   */
  void end(CallEnd why, boolean sayGoodbye) {
    if (!lifecycle.end(why)) {
      return;
    }
    links.closeAll();
    // Never a leave after a refused join: we were not in.
    line.close(sayGoodbye && localId != null ? new Leave() : null);
    if (!joinedFuture.isDone()) {
      joinedFuture.completeExceptionally(new CallException(why.describe()));
    }
  }

  /** A {@code joined}: the first, or one on a new socket after a drop. */
  void onJoined(Joined joined) {
    views.joined(joined.protocol());
    if (localId != null) {
      resumption.joinedAgain(joined);
      return;
    }
    firstJoined(joined);
  }

  /** Our first {@code joined} in this room, or the first after the server gave our place up. */
  void firstJoined(Joined joined) {
    long joinedNanos = System.nanoTime();
    localId = joined.peerId();
    resumption.remember(joined);
    links.prepare(joined.iceServers());
    log.info("joined room {} as {} with {} peer(s)", ticket.roomId(), localId,
        joined.peers().size());
    listener.joined(joined);
    roomStep(JoinStep.JOINED, joinedNanos);
    lifecycle.admitted();
    joinedFuture.complete(joined);
    for (Peer peer : joined.peers()) {
      links.add(peer, true);
    }
    stats.start(); // a fresh join after a refused resume keeps the loop that runs
  }

  /** Any thread: tells the listener of a step of the first join, on the call executor. */
  private void roomStep(JoinStep step, long nanos) {
    whileLive(() -> {
      if (roomStepsTold.add(step)) {
        listener.joinStep(null, step, nanos);
      }
    });
  }

  /** Sends on the current socket; false while there is none, or once the call ended. */
  boolean send(SignalMessage message) {
    return !lifecycle.isEnded() && line.send(message);
  }

  /** Runs {@code task} on the call executor after {@code delay}, unless the call ended by then. */
  void later(Duration delay, Runnable task) {
    CompletableFuture.runAsync(() -> {
      if (!lifecycle.isEnded()) {
        task.run();
      }
    }, CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS, executor));
  }

  /** Runs {@code task} on the call executor unless the call ended; dropped after close. */
  private void whileLive(Runnable task) {
    executor.execute(() -> {
      if (!lifecycle.isEnded()) {
        task.run();
      }
    });
  }

  boolean isEnded() {
    return lifecycle.isEnded();
  }

  /** Call executor. */
  CallLifecycle lifecycle() {
    return lifecycle;
  }

  String localPeerId() {
    return localId;
  }

  PeerLinks links() {
    return links;
  }

  TileViews views() {
    return views;
  }

  SignalingLine line() {
    return line;
  }

  Resumption resumption() {
    return resumption;
  }

  CallListener listener() {
    return listener;
  }

  Reconnect reconnectSettings() {
    return reconnect;
  }

  /** Forgets every link and our peer id: the server gave our place up, we join afresh. */
  void startOver() {
    links.peerIds().forEach(links::remove);
    localId = null;
  }

  String roomId() {
    return ticket.roomId();
  }

  /** The server refused our join: the join's future fails with {@code refusal}; false if joined. */
  boolean refuseJoin(CallException refusal) {
    return joinedFuture.completeExceptionally(refusal);
  }
}
