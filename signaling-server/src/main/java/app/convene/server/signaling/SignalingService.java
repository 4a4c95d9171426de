package app.convene.server.signaling;

import app.convene.protocol.Peer;
import app.convene.protocol.Removed;
import app.convene.server.http.Caller;
import app.convene.server.ice.IceServerIssuer;
import app.convene.server.ice.IceSettings;
import app.convene.server.rooms.LiveCalls;
import app.convene.server.rooms.Member;
import app.convene.server.rooms.Occupancy;
import app.convene.server.rooms.RoomRegistry;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The signaling side of one server: its rooms and their {@link Seats}, its open connections, their
 * keep-alive pings and their graceful shutdown. Knows nothing of Jetty; {@link SignalingEndpoint}
 * connects the two.
 *
 * <p>Thread-safe. Connections open and close on Jetty threads; pings and other delayed work run on
 * one daemon timer thread owned by this service.
 */
public final class SignalingService implements AutoCloseable, LiveCalls {
  private static final Logger log = LoggerFactory.getLogger(SignalingService.class);

  private final SignalingSettings config;
  private final Executor executor;
  private final RoomRegistry rooms;
  private final RoomGate gate;
  private final IceServerIssuer ice;
  private final ConnectedUsers connected;
  private final Arrivals arrivals;
  private final ScheduledExecutorService timer;
  private final ConcurrentHashMap<String, SignalingSession> sessions = new ConcurrentHashMap<>();
  private final Seats seats;
  private final ResumeTokens resumeTokens;
  private final SecureRandom random = new SecureRandom();
  private volatile boolean stopping;

  /**
   * @param config the limits and keep-alive of the sockets and rooms
   * @param iceSettings the ICE servers and TURN credentials handed to participants
   * @param executor runs the sends of every connection's outgoing queue; the server's thread pool
   * @param clock the time for TURN credentials
   * @param gate decides who may join which room
   * @param occupancy hears of every join and leave (see {@link RoomRegistry})
   * @param connected where every connection is registered while it is open
   * @param arrivals hears of every admitted join
   * @param resumeTokens signs the resume tokens handed out in {@code joined}; built on the
   *     server's persistent secret, so that they are honoured after a restart
   */
  public SignalingService(SignalingSettings config, IceSettings iceSettings, Executor executor,
      Clock clock, RoomGate gate, Occupancy occupancy, ConnectedUsers connected,
      Arrivals arrivals, ResumeTokens resumeTokens) {
    this.resumeTokens = Objects.requireNonNull(resumeTokens, "resumeTokens == null");
    this.config = Objects.requireNonNull(config, "config == null");
    this.executor = Objects.requireNonNull(executor, "executor == null");
    this.gate = Objects.requireNonNull(gate, "gate == null");
    this.connected = Objects.requireNonNull(connected, "connected == null");
    this.arrivals = Objects.requireNonNull(arrivals, "arrivals == null");
    this.rooms = new RoomRegistry(config.maxPeersPerRoom(), occupancy);
    this.seats = new Seats(rooms);
    this.ice = new IceServerIssuer(iceSettings.servers(), iceSettings.turnSecret(),
        iceSettings.turnCredentialTtl(), clock);
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("convene-signaling-timer").daemon().factory());
    long ping = config.pingInterval().toMillis();
    timer.scheduleAtFixedRate(this::pingAll, ping, ping, TimeUnit.MILLISECONDS);
  }

  /** Whether new connections are welcome; false once {@link #shutdown} began. */
  public boolean accepting() {
    return !stopping;
  }

  /** How many rooms have members. */
  public int roomCount() {
    return rooms.roomCount();
  }

  /** How many connections are in a room. */
  public int peerCount() {
    return rooms.peerCount();
  }

  /** Whether the room (by id) has participants now. */
  public boolean isOccupied(String roomId) {
    return rooms.isOccupied(roomId);
  }

  /** How many connections are open, in a room or not. */
  public int connectionCount() {
    return sessions.size();
  }

  /**
   * Stops taking connections, tells every open connection that the server is shutting down, closes
   * it with status 1001, and waits until all are closed or {@code grace} has passed. Call from the
   * thread that stops the server; blocks.
   *
   * @return whether every connection closed in time
   */
  public boolean shutdown(Duration grace) {
    Objects.requireNonNull(grace, "grace == null");
    stopping = true;
    List<CompletableFuture<Void>> closing = new ArrayList<>();
    for (SignalingSession session : sessions.values()) {
      session.shutdown();
      closing.add(session.closed());
    }
    try {
      CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new))
          .get(grace.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      log.atWarn()
          .addKeyValue("open", closing.stream().filter(f -> !f.isDone()).count())
          .addKeyValue("graceMillis", grace.toMillis())
          .log("connections still open after the shutdown grace");
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (ExecutionException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Stops the timer. Connections still open are Jetty's to close. */
  @Override
  public void close() {
    stopping = true;
    timer.shutdownNow();
  }

  /**
   * Registers a new connection of a signed-in user and gives it a fresh peer id. Called on a
   * Jetty thread.
   */
  SignalingSession open(Transport transport, Caller caller) {
    return open(transport, caller, null);
  }

  /**
   * Like {@link #open(Transport, Caller)} for a connection of a known sign-in session, which
   * {@link ConnectedUsers#closeSession} closes on sign-out. A connection over the account's socket
   * cap is closed at once with status 1008 and a reason that says so.
   */
  SignalingSession open(Transport transport, Caller caller, String authSession) {
    while (true) {
      String peerId = "p-" + HexFormat.of().toHexDigits(random.nextInt());
      if (seats.containsKey(peerId)) {
        continue; // a held or resumed seat has it
      }
      SignalingSession session =
          new SignalingSession(peerId, caller, authSession, transport, this);
      if (sessions.putIfAbsent(peerId, session) == null) {
        if (!connected.add(session)) {
          log.atWarn().addKeyValue("peer", peerId).addKeyValue("user", caller.id())
              .addKeyValue("limit", connected.maxPerUser())
              .log("socket refused: too many sockets for one account");
          session.revoke("too many connections for this account (at most "
              + connected.maxPerUser() + "); close another first");
          return session;
        }
        log.atDebug()
            .addKeyValue("peer", peerId)
            .addKeyValue("remote", transport.remoteAddress())
            .log("connection opened");
        if (stopping) {
          session.shutdown();
        }
        return session;
      }
    }
  }

  @Override
  public List<Peer> participants(String roomId) {
    return rooms.room(roomId)
        .map(room -> room.members().stream().map(Member::peer).toList())
        .orElse(List.of());
  }

  @Override
  public boolean remove(String roomId, String peerId, Removed.Reason reason) {
    return seats.eject(roomId, peerId, reason);
  }

  @Override
  public int removeUser(String roomId, UUID userId, Removed.Reason reason) {
    Objects.requireNonNull(userId, "userId == null");
    return seats.ejectAll(roomId, seat -> seat.userId().equals(userId), reason);
  }

  @Override
  public int endAll(String roomId, Removed.Reason reason) {
    return seats.ejectAll(roomId, seat -> true, reason);
  }

  /** Forgets a closed connection. */
  void closed(SignalingSession session) {
    if (sessions.remove(session.peerId(), session)) {
      connected.remove(session);
    }
  }

  SignalingSettings config() {
    return config;
  }

  RoomRegistry rooms() {
    return rooms;
  }

  RoomGate gate() {
    return gate;
  }

  Arrivals arrivals() {
    return arrivals;
  }

  IceServerIssuer ice() {
    return ice;
  }

  Executor executor() {
    return executor;
  }

  ResumeTokens resumeTokens() {
    return resumeTokens;
  }

  /** The seats of every room's participants, by peer id, held ones included. */
  Seats seats() {
    return seats;
  }

  /**
   * The seat's socket is gone: after the resume grace, unless a connection took the seat over
   * meanwhile, the participant leaves its room and the others get {@code peer-left} {@code
   * DISCONNECTED}.
   *
   * @param departure what {@link Seat#away} returned
   */
  void holdSeat(Seat seat, long departure) {
    schedule(() -> seats.expire(seat, departure), config.resumeGrace());
  }

  /** Runs the task on the timer thread after the delay; dropped once the service is closed. */
  void schedule(Runnable task, Duration delay) {
    try {
      timer.schedule(() -> runLogged(task), delay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      log.atDebug().log("timer stopped; task dropped");
    }
  }

  private void pingAll() {
    sessions.values().forEach(session -> runLogged(session::ping));
  }

  private static void runLogged(Runnable task) {
    try {
      task.run();
    } catch (RuntimeException e) {
      log.atError().setCause(e).log("timer task failed");
    }
  }
}
