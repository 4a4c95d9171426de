package app.convene.server.rooms;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The {@code video_rooms} table. Stateless; every method runs on the caller's connection. */
final class Rooms {
  private Rooms() {}

  static void insert(Connection c, UUID id, String name, UUID hostId, int maxUsers,
      String inviteHash, String inviteSealed, Instant now) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(
        "INSERT INTO video_rooms (id, name, host_id, active, max_users, invite_token_hash,"
            + " invite_token_sealed, created_at, last_active_at)"
            + " VALUES (?, ?, ?, TRUE, ?, ?, ?, ?, NULL)")) {
      s.setObject(1, id);
      s.setString(2, name);
      s.setObject(3, hostId);
      s.setInt(4, maxUsers);
      s.setString(5, inviteHash);
      s.setString(6, inviteSealed);
      s.setLong(7, now.toEpochMilli());
      s.executeUpdate();
    }
  }

  /** The rooms whose invite token is still stored in plaintext (written before version 5). */
  static Map<UUID, String> plaintextInviteTokens(Connection c) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(
        "SELECT id, invite_token FROM video_rooms WHERE invite_token IS NOT NULL")) {
      Map<UUID, String> tokens = new LinkedHashMap<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          tokens.put(r.getObject(1, UUID.class), r.getString(2));
        }
      }
      return tokens;
    }
  }

  /** Replaces a room's plaintext invite token by its hash and sealed copy. */
  static void storeInviteToken(Connection c, UUID id, String inviteHash, String inviteSealed)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement(
        "UPDATE video_rooms SET invite_token = NULL, invite_token_hash = ?,"
            + " invite_token_sealed = ? WHERE id = ?")) {
      s.setString(1, inviteHash);
      s.setString(2, inviteSealed);
      s.setObject(3, id);
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

  /**
   * Whether the user owns, or the user's address is invited to, an event in this room that is not
   * cancelled. The address counts only once it is verified ({@code users.email_verified_at}): an
   * account registered for someone else's address gets nothing from that address's invitations.
   */
  static boolean isInvited(Connection c, UUID roomId, UUID userId, String email)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement(
        "SELECT 1 FROM calendar_events e WHERE e.room_id = ? AND e.status <> 'CANCELLED'"
            + " AND (e.owner_id = ? OR EXISTS (SELECT 1 FROM event_attendees a"
            + " JOIN users u ON u.email = a.email"
            + " WHERE a.event_id = e.id AND a.email = ? AND u.id = ?"
            + " AND u.email_verified_at IS NOT NULL))")) {
      s.setObject(1, roomId);
      s.setObject(2, userId);
      s.setString(3, email);
      s.setObject(4, userId);
      s.setMaxRows(1);
      try (ResultSet r = s.executeQuery()) {
        return r.next();
      }
    }
  }
}
