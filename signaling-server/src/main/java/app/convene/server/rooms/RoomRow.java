package app.convene.server.rooms;

import app.convene.protocol.api.RoomView;
import app.convene.protocol.api.UserView;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

/** A row of {@code video_rooms}, with its host. */
record RoomRow(
    UUID id,
    String name,
    UserView host,
    boolean active,
    int maxUsers,
    String inviteHash,
    String inviteSealed,
    Instant lastActiveAt,
    boolean locked) {

  /** The columns {@link #read} expects: {@code video_rooms r} joined with {@code users h}. */
  static final String SELECT = "SELECT r.id, r.name, h.id, h.email, h.display_name, r.active,"
      + " r.max_users, r.invite_token_hash, r.invite_token_sealed, r.last_active_at, r.locked"
      + " FROM video_rooms r JOIN users h ON h.id = r.host_id";

  static RoomRow read(ResultSet r) throws SQLException {
    long lastActive = r.getLong(10);
    Instant lastActiveAt = r.wasNull() ? null : Instant.ofEpochMilli(lastActive);
    return new RoomRow(
        r.getObject(1, UUID.class),
        r.getString(2),
        new UserView(r.getString(3), r.getString(4), r.getString(5)),
        r.getBoolean(6),
        r.getInt(7),
        r.getString(8),
        r.getString(9),
        lastActiveAt,
        r.getBoolean(11));
  }

  UUID hostId() {
    return UUID.fromString(host.id());
  }

  /**
   * The view for this caller: the invite token (unsealed) only for the host, and {@code null} when
   * it cannot be unsealed (the token secret changed).
   */
  RoomView viewFor(UUID callerId, InviteTokens tokens) {
    boolean host = hostId().equals(callerId);
    return new RoomView(id.toString(), name, this.host, active, maxUsers,
        host ? tokens.open(inviteSealed).orElse(null) : null, lastActiveAt, locked);
  }
}
