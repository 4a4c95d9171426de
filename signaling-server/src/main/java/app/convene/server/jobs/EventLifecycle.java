package app.convene.server.jobs;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * The status changes a room's occupancy makes, as SQL on the caller's connection. Stateless.
 *
 * <ul>
 *   <li>The room's first participant arrives: its single (non-recurring) SCHEDULED meetings whose
 *       window [start − {@link #EARLY_JOIN}, end] holds now become IN_PROGRESS.
 *   <li>The room empties: its IN_PROGRESS meetings that have started (now ≥ start) become
 *       COMPLETED.
 *   <li>Recurring meetings keep their status (one status cannot describe many occurrences);
 *       CANCELLED and COMPLETED never change here.
 * </ul>
 */
final class EventLifecycle {
  /** How long before its start joining a meeting's room starts the meeting. */
  static final Duration EARLY_JOIN = Duration.ofMinutes(15);

  private EventLifecycle() {}

  /** A participant joined or left: the room is active and was used now. */
  static void touch(Connection c, UUID roomId, Instant now) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(
        "UPDATE video_rooms SET active = TRUE, last_active_at = ? WHERE id = ?")) {
      s.setLong(1, now.toEpochMilli());
      s.setObject(2, roomId);
      s.executeUpdate();
    }
  }

  /** The room's first participant arrived; returns how many meetings started. */
  static int occupied(Connection c, UUID roomId, Instant now) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(
        "UPDATE calendar_events SET status = 'IN_PROGRESS', updated_at = ?"
            + " WHERE room_id = ? AND status = 'SCHEDULED' AND recurring = FALSE"
            + " AND start_at <= ? AND end_at >= ?")) {
      s.setLong(1, now.toEpochMilli());
      s.setObject(2, roomId);
      s.setLong(3, now.plus(EARLY_JOIN).toEpochMilli());
      s.setLong(4, now.toEpochMilli());
      return s.executeUpdate();
    }
  }

  /** The room's last participant left; returns how many meetings completed. */
  static int emptied(Connection c, UUID roomId, Instant now) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(
        "UPDATE calendar_events SET status = 'COMPLETED', updated_at = ?"
            + " WHERE room_id = ? AND status = 'IN_PROGRESS' AND start_at <= ?")) {
      s.setLong(1, now.toEpochMilli());
      s.setObject(2, roomId);
      s.setLong(3, now.toEpochMilli());
      return s.executeUpdate();
    }
  }
}
