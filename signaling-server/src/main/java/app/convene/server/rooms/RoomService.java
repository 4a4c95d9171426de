package app.convene.server.rooms;

import app.convene.protocol.api.RoomRequest;
import app.convene.protocol.api.RoomView;
import app.convene.server.http.ApiException;
import app.convene.server.http.Caller;
import app.convene.server.http.InputRules;
import app.convene.server.store.Database;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Persisted video rooms: creating them, showing them to those who may see them, and deciding who
 * may join a room's call.
 *
 * <p>Who sees a room ({@link #get}) and who may join it ({@link #admit}): its host; the owner or
 * an attendee of one of its events that is not cancelled; for joining also whoever holds its
 * invite token. Everyone else is told the room does not exist.
 *
 * <p>Thread-safe. Every method blocks on the database.
 */
public final class RoomService {
  /** The largest {@code maxUsers} of a room. */
  public static final int MAX_USERS = 1000;

  static final int MAX_NAME = 200;

  /**
   * What a permitted join needs to know of the room.
   *
   * @param locked whether the room is locked against this caller: locked by its host, and the
   *     caller is not the host
   */
  public record Grant(String roomId, int maxUsers, boolean locked) {
    public Grant(String roomId, int maxUsers) {
      this(roomId, maxUsers, false);
    }
  }

  private final Database database;
  private final Clock clock;
  private final int defaultMaxUsers;
  private final InviteTokens inviteTokens;

  /**
   * @param defaultMaxUsers the {@code maxUsers} of a room whose creator names none
   * @param secret the server's token secret, from which the key that seals invite tokens is
   *     derived (see {@link InviteTokens})
   */
  public RoomService(Database database, Clock clock, int defaultMaxUsers, byte[] secret) {
    this.database = Objects.requireNonNull(database, "database == null");
    this.clock = Objects.requireNonNull(clock, "clock == null");
    this.defaultMaxUsers = defaultMaxUsers;
    this.inviteTokens = new InviteTokens(secret);
  }

  /**
   * Hashes and seals the invite tokens that rows written before schema version 5 hold in
   * plaintext, and empties their plaintext column; returns how many. Called once at start-up,
   * before the server takes requests; idempotent.
   */
  public int sealPlaintextInviteTokens() {
    return database.inTransaction(c -> {
      Map<UUID, String> plaintext = Rooms.plaintextInviteTokens(c);
      for (Map.Entry<UUID, String> room : plaintext.entrySet()) {
        Rooms.storeInviteToken(c, room.getKey(), InviteTokens.hash(room.getValue()),
            inviteTokens.seal(room.getValue()));
      }
      return plaintext.size();
    });
  }

  /** {@code POST /api/rooms}. */
  public RoomView create(Caller host, RoomRequest request) {
    Objects.requireNonNull(host, "host == null");
    if (request == null) {
      throw ApiException.invalid("the body must be a room");
    }
    String name = InputRules.line(request.name(), "name", MAX_NAME);
    int maxUsers = checkMaxUsers(request.maxUsers());
    return database.inTransaction(c -> create(c, host, name, maxUsers));
  }

  /**
   * Checks a requested {@code maxUsers}: {@code null} is the default, otherwise 1 to {@value
   * #MAX_USERS}.
   */
  public int checkMaxUsers(Integer maxUsers) {
    if (maxUsers == null) {
      return defaultMaxUsers;
    }
    if (maxUsers < 1 || maxUsers > MAX_USERS) {
      throw ApiException.invalid("'maxUsers' must be between 1 and " + MAX_USERS);
    }
    return maxUsers;
  }

  /**
   * Creates a room inside the caller's transaction, active, with a fresh invite token; the name
   * and {@code maxUsers} must have been checked.
   */
  public RoomView create(Connection c, Caller host, String name, int maxUsers)
      throws SQLException {
    UUID id = UUID.randomUUID();
    String token = inviteTokens.newToken();
    Rooms.insert(c, id, name, host.id(), maxUsers, InviteTokens.hash(token),
        inviteTokens.seal(token), clock.instant());
    return Rooms.find(c, id).orElseThrow().viewFor(host.id(), inviteTokens);
  }

  /** {@code GET /api/rooms}: the rooms the caller hosts, oldest first. */
  public List<RoomView> hostedBy(Caller caller) {
    return database.read(c -> Rooms.hostedBy(c, caller.id()).stream()
        .map(room -> room.viewFor(caller.id(), inviteTokens)).toList());
  }

  /** {@code GET /api/rooms/{id}}: 404 unless the caller is the host or invited. */
  public RoomView get(Caller caller, UUID roomId) {
    return database.read(c -> {
      Optional<RoomRow> room = Rooms.find(c, roomId);
      if (room.isEmpty() || !room.get().hostId().equals(caller.id())
          && !Rooms.isInvited(c, roomId, caller.id(), caller.email())) {
        throw ApiException.notFound("room");
      }
      return room.get().viewFor(caller.id(), inviteTokens);
    });
  }

  /**
   * Whether the caller may join the room's call: as its host, invited to one of its events that
   * is not cancelled, or with its invite token. Empty for an unknown room id too. Called on a
   * signaling connection's thread.
   *
   * @param invite the invite token the client sent, or {@code null}
   */
  public Optional<Grant> admit(Caller caller, String roomId, String invite) {
    Objects.requireNonNull(caller, "caller == null");
    UUID id;
    try {
      id = UUID.fromString(Objects.requireNonNull(roomId, "roomId == null"));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    return database.read(c -> {
      Optional<RoomRow> room = Rooms.find(c, id);
      if (room.isEmpty()) {
        return Optional.<Grant>empty();
      }
      boolean host = room.get().hostId().equals(caller.id());
      boolean allowed = host
          || InviteTokens.matches(invite, room.get().inviteHash())
          || Rooms.isInvited(c, id, caller.id(), caller.email());
      return allowed
          ? Optional.of(new Grant(id.toString(), room.get().maxUsers(),
              room.get().locked() && !host))
          : Optional.<Grant>empty();
    });
  }

  /**
   * The room's invite token, for the links in invitation e-mail that the server sends to a
   * meeting's attendees (no caller: the server speaks for the meeting's owner). Empty for an
   * unknown room, and when the token cannot be unsealed (the token secret changed).
   */
  public Optional<String> inviteToken(UUID roomId) {
    Objects.requireNonNull(roomId, "roomId == null");
    return database.read(c -> Rooms.find(c, roomId))
        .flatMap(room -> inviteTokens.open(room.inviteSealed()));
  }

  /**
   * Checks that the caller hosts the room: 404 when the caller may not see it, 403 when they may
   * see it but are not its host. Returns the room's id in its canonical form.
   *
   * @param action what the caller tried, for the 403's message ("lock the room")
   */
  public String requireHost(Caller caller, UUID roomId, String action) {
    return database.read(c -> hosted(c, caller, roomId, action).id().toString());
  }

  /** {@code POST} or {@code DELETE /api/rooms/{id}/lock}: host only. */
  public RoomView setLocked(Caller caller, UUID roomId, boolean locked) {
    return database.inTransaction(c -> {
      hosted(c, caller, roomId, locked ? "lock the room" : "unlock the room");
      Rooms.setLocked(c, roomId, locked);
      return Rooms.find(c, roomId).orElseThrow().viewFor(caller.id(), inviteTokens);
    });
  }

  /**
   * {@code POST /api/rooms/{id}/invite}: host only. A new invite token replaces the old one, which
   * admits nobody from now on; participants already in the call stay.
   */
  public RoomView rotateInvite(Caller caller, UUID roomId) {
    return database.inTransaction(c -> {
      hosted(c, caller, roomId, "renew the invite link");
      String token = inviteTokens.newToken();
      Rooms.storeInviteToken(c, roomId, InviteTokens.hash(token), inviteTokens.seal(token));
      return Rooms.find(c, roomId).orElseThrow().viewFor(caller.id(), inviteTokens);
    });
  }

  /**
   * Whether the user may still join the room without its invite token: as its host, or the owner
   * or an attendee of one of its meetings that is not cancelled. Blocks on the database.
   */
  public boolean admitsWithoutInvite(UUID roomId, UUID userId, String email) {
    return database.read(c -> {
      Optional<RoomRow> room = Rooms.find(c, roomId);
      return room.isPresent() && (room.get().hostId().equals(userId)
          || Rooms.isInvited(c, roomId, userId, email));
    });
  }

  private static RoomRow hosted(Connection c, Caller caller, UUID roomId, String action)
      throws SQLException {
    Optional<RoomRow> room = Rooms.find(c, roomId);
    if (room.isEmpty()) {
      throw ApiException.notFound("room");
    }
    if (!room.get().hostId().equals(caller.id())) {
      if (!Rooms.isInvited(c, roomId, caller.id(), caller.email())) {
        throw ApiException.notFound("room");
      }
      throw ApiException.forbidden("only the room's host may " + action);
    }
    return room.get();
  }
}
