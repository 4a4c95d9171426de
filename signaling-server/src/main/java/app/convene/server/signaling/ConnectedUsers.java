package app.convene.server.signaling;

import app.convene.protocol.SignalMessage;
import app.convene.server.http.Caller;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The open signaling sockets of this server by signed-in user, whether they are in a room or not:
 * what pushes to users need. Sockets are added when they open and removed when they close.
 *
 * <p>Thread-safe, and no method blocks: sockets open and close on Jetty threads while any thread
 * may look users up and {@link #send} (which only enqueues). A user's entry is replaced inside an
 * atomic {@link ConcurrentHashMap#compute}, so adding and removing that user's sockets never race.
 */
public final class ConnectedUsers {
  /** One user's open sockets; immutable, replaced on every change. */
  private record Sockets(Caller caller, Set<SignalingSession> sessions) {}

  private final ConcurrentHashMap<UUID, Sockets> byId = new ConcurrentHashMap<>();
  private final int maxPerUser;

  /** Without a cap on sockets per user. */
  public ConnectedUsers() {
    this(Integer.MAX_VALUE);
  }

  /** @param maxPerUser how many sockets one user may hold open; {@link #add} refuses more */
  public ConnectedUsers(int maxPerUser) {
    if (maxPerUser < 1) {
      throw new IllegalArgumentException("maxPerUser < 1: " + maxPerUser);
    }
    this.maxPerUser = maxPerUser;
  }

  int maxPerUser() {
    return maxPerUser;
  }
  private final ConcurrentHashMap<String, UUID> idsByEmail = new ConcurrentHashMap<>();

  /** The users with at least one open socket, each once. A snapshot. */
  public List<Caller> users() {
    return byId.values().stream().map(Sockets::caller).toList();
  }

  /**
   * The connected user with this account address (any case), if any; an address counts once it is
   * verified, as of the user's newest socket.
   */
  public Optional<UUID> byEmail(String email) {
    Objects.requireNonNull(email, "email == null");
    return Optional.ofNullable(idsByEmail.get(email.toLowerCase(Locale.ROOT)));
  }

  /** Whether the user has an open socket. */
  public boolean isConnected(UUID userId) {
    return byId.containsKey(Objects.requireNonNull(userId, "userId == null"));
  }

  /** Whether one of the user's sockets is in the room's call now. */
  public boolean inRoom(UUID userId, String roomId) {
    Objects.requireNonNull(roomId, "roomId == null");
    Sockets sockets = byId.get(Objects.requireNonNull(userId, "userId == null"));
    return sockets != null
        && sockets.sessions().stream().anyMatch(s -> roomId.equals(s.roomId()));
  }

  /**
   * Queues the message on every open socket of the user; returns at once.
   *
   * @return on how many sockets it was queued; 0 when the user is not connected
   */
  public int send(UUID userId, SignalMessage message) {
    Objects.requireNonNull(message, "message == null");
    Sockets sockets = byId.get(Objects.requireNonNull(userId, "userId == null"));
    if (sockets == null) {
      return 0;
    }
    sockets.sessions().forEach(session -> session.send(message));
    return sockets.sessions().size();
  }

  /**
   * Closes the user's sockets opened with this sign-in session (status 1008, this reason), or all
   * the user's sockets when {@code authSession} is {@code null}; returns at once.
   *
   * @return how many were closed
   */
  public int close(UUID userId, String authSession, String reason) {
    Objects.requireNonNull(reason, "reason == null");
    Sockets sockets = byId.get(Objects.requireNonNull(userId, "userId == null"));
    if (sockets == null) {
      return 0;
    }
    List<SignalingSession> closing = sockets.sessions().stream()
        .filter(s -> authSession == null || authSession.equals(s.authSession()))
        .toList();
    closing.forEach(s -> s.revoke(reason));
    return closing.size();
  }

  /** Registers the socket; false (and nothing registered) when its user holds the most already. */
  boolean add(SignalingSession session) {
    Caller caller = session.caller();
    boolean[] added = {false};
    byId.compute(caller.id(), (id, current) -> {
      Set<SignalingSession> sessions = new HashSet<>(current == null ? Set.of() : current.sessions());
      if (sessions.size() >= maxPerUser) {
        return current;
      }
      added[0] = true;
      sessions.add(session);
      if (caller.emailVerified()) {
        idsByEmail.put(caller.email().toLowerCase(Locale.ROOT), id);
      }
      return new Sockets(caller, Set.copyOf(sessions));
    });
    return added[0];
  }

  void remove(SignalingSession session) {
    Caller caller = session.caller();
    byId.computeIfPresent(caller.id(), (id, current) -> {
      Set<SignalingSession> sessions = new HashSet<>(current.sessions());
      sessions.remove(session);
      if (sessions.isEmpty()) {
        idsByEmail.remove(caller.email().toLowerCase(Locale.ROOT), id);
        return null;
      }
      return new Sockets(current.caller(), Set.copyOf(sessions));
    });
  }

  @Override
  public String toString() {
    return "ConnectedUsers[users=" + byId.size() + "]";
  }
}
