package app.convene.server.rooms;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The {@code video_rooms} table. Stateless; every method runs on the caller's connection. */
final class Rooms {
  private Rooms() {}

  static void insert(Connection c, UUID id, String name, UUID hostId, int maxUsers,
      String inviteToken, Instant now) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(
        "INSERT INTO video_rooms (id, name, host_id, active, max_users, invite_token,"
            + " created_at, last_active_at) VALUES (?, ?, ?, TRUE, ?, ?, ?, NULL)")) {
      s.setObject(1, id);
      s.setString(2, name);
      s.setObject(3, hostId);
      s.setInt(4, maxUsers);
      s.setString(5, inviteToken);
      s.setLong(6, now.toEpochMilli());
      s.executeUpdate();
    }
  }

  static Optional<RoomRow> find(Connection c, UUID id) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(RoomRow.SELECT + " WHERE r.id = ?")) {
      s.setObject(1, id);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? Optional.of(RoomRow.read(r)) : Optional.empty();
      }
    }
  }

  static List<RoomRow> hostedBy(Connection c, UUID hostId) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(
        RoomRow.SELECT + " WHERE r.host_id = ? ORDER BY r.created_at, r.id")) {
      s.setObject(1, hostId);
      List<RoomRow> rooms = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          rooms.add(RoomRow.read(r));
        }
      }
      return rooms;
    }
  }

  /** Locks or unlocks the room; false if there is no such room. */
  static boolean setLocked(Connection c, UUID id, boolean locked) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(
        "UPDATE video_rooms SET locked = ? WHERE id = ?")) {
      s.setBoolean(1, locked);
      s.setObject(2, id);
      return s.executeUpdate() == 1;
    }
  }

  /** Replaces the room's invite token; false if there is no such room. */
  static boolean setInviteToken(Connection c, UUID id, String inviteToken) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(
        "UPDATE video_rooms SET invite_token = ? WHERE id = ?")) {
      s.setString(1, inviteToken);
      s.setObject(2, id);
      return s.executeUpdate() == 1;
    }
  }

  /**
   * Whether the user owns, or the address is invited to, an event in this room that is not
   * cancelled.
   */
  static boolean isInvited(Connection c, UUID roomId, UUID userId, String email)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement(
        "SELECT 1 FROM calendar_events e WHERE e.room_id = ? AND e.status <> 'CANCELLED'"
            + " AND (e.owner_id = ? OR EXISTS (SELECT 1 FROM event_attendees a"
            + " WHERE a.event_id = e.id AND a.email = ?))")) {
      s.setObject(1, roomId);
      s.setObject(2, userId);
      s.setString(3, email);
      s.setMaxRows(1);
      try (ResultSet r = s.executeQuery()) {
        return r.next();
      }
    }
  }
}
