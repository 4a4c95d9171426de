package app.convene.server.calendar;

import app.convene.protocol.api.Recurrence;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code calendar_events} and {@code event_attendees} tables. Stateless; every method runs on
 * the caller's connection, so several make one transaction.
 */
final class Events {
  private Events() {}

  static void insert(Connection c, UUID id, UUID ownerId, EventInput in, UUID roomId, Instant now)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement(
        "INSERT INTO calendar_events (id, owner_id, title, description, start_at, end_at,"
            + " time_zone, service, room_id, meet_link, status, recurring, recurrence_frequency,"
            + " recurrence_interval, recurrence_until, recurrence_count, series_end_at, sequence,"
            + " created_at, updated_at) VALUES"
            + " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'SCHEDULED', ?, ?, ?, ?, ?, ?, 0, ?, ?)")) {
      s.setObject(1, id);
      s.setObject(2, ownerId);
      setContent(s, 3, in);
      s.setObject(9, roomId);
      s.setString(10, in.meetLink());
      setRecurrence(s, 11, in);
      s.setLong(17, now.toEpochMilli());
      s.setLong(18, now.toEpochMilli());
      s.executeUpdate();
    }
    insertAttendees(c, id, in);
  }

  /** Replaces what the owner sets, the attendees too; the sequence goes up by one. */
  /** Sets the meeting's room: for a meeting that became a native call. */
  static void setRoom(Connection c, UUID id, UUID roomId) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(
        "UPDATE calendar_events SET room_id = ? WHERE id = ?")) {
      s.setObject(1, roomId);
      s.setObject(2, id);
      s.executeUpdate();
    }
  }

  static void update(Connection c, UUID id, EventInput in, Instant now) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(
        "UPDATE calendar_events SET title = ?, description = ?, start_at = ?, end_at = ?,"
            + " time_zone = ?, service = ?, recurring = ?, recurrence_frequency = ?,"
            + " recurrence_interval = ?, recurrence_until = ?, recurrence_count = ?,"
            + " series_end_at = ?, meet_link = ?, sequence = sequence + 1, updated_at = ?"
            + " WHERE id = ?")) {
      setContent(s, 1, in);
      setRecurrence(s, 7, in);
      s.setString(13, in.meetLink());
      s.setLong(14, now.toEpochMilli());
      s.setObject(15, id);
      s.executeUpdate();
    }
    try (PreparedStatement s = c.prepareStatement(
        "DELETE FROM event_attendees WHERE event_id = ?")) {
      s.setObject(1, id);
      s.executeUpdate();
    }
    insertAttendees(c, id, in);
  }

  static void cancel(Connection c, UUID id, Instant now) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(
        "UPDATE calendar_events SET status = 'CANCELLED', sequence = sequence + 1,"
            + " updated_at = ? WHERE id = ?")) {
      s.setLong(1, now.toEpochMilli());
      s.setObject(2, id);
      s.executeUpdate();
    }
  }

  /** The event; with {@code lock}, its row stays locked until the transaction ends. */
  static Optional<EventRow> find(Connection c, UUID id, boolean lock) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(
        "SELECT " + EventRow.COLUMNS + " FROM calendar_events e WHERE e.id = ?"
            + (lock ? " FOR UPDATE" : ""))) {
      s.setObject(1, id);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? Optional.of(EventRow.read(r)) : Optional.empty();
      }
    }
  }

  /** Whether the address is on the event's attendee list. */
  static boolean isAttendee(Connection c, UUID eventId, String email) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(
        "SELECT 1 FROM event_attendees WHERE event_id = ? AND email = ?")) {
      s.setObject(1, eventId);
      s.setString(2, email);
      try (ResultSet r = s.executeQuery()) {
        return r.next();
      }
    }
  }

  /**
   * The events of which the user is the owner or an attendee and that may have an occurrence in
   * [from, to): single events overlapping it, and recurring ones that start before {@code to}
   * and whose series has not ended by {@code from}. Single events start at most {@link
   * EventChecks#MAX_DURATION} before they end, which bounds the index range scanned. For an
   * attendee the times are those copied into its {@code event_attendees} row, so both halves are
   * index range scans.
   *
   * @param email the address whose invitations count, or null for the owned events only
   */
  static List<EventRow> mayOverlap(Connection c, UUID ownerId, String email, Instant from,
      Instant to, boolean includeCancelled) throws SQLException {
    String status = includeCancelled ? "" : " AND e.status <> 'CANCELLED'";
    String owned = "SELECT " + EventRow.COLUMNS + " FROM calendar_events e WHERE e.owner_id = ?";
    String attended = "SELECT " + EventRow.COLUMNS
        + " FROM event_attendees a JOIN calendar_events e ON e.id = a.event_id WHERE a.email = ?";
    String sql = owned + single("e") + status + " UNION ALL " + owned + recurring("e") + status
        + (email == null ? "" : " UNION ALL " + attended + single("a") + status
            + " UNION ALL " + attended + recurring("a") + status);
    long earliestStart = from.minus(EventChecks.MAX_DURATION).toEpochMilli();
    try (PreparedStatement s = c.prepareStatement(sql)) {
      int i = 1;
      for (Object who : email == null ? new Object[] {ownerId} : new Object[] {ownerId, email}) {
        s.setObject(i++, who);
        s.setLong(i++, earliestStart);
        s.setLong(i++, to.toEpochMilli());
        s.setLong(i++, from.toEpochMilli());
        s.setObject(i++, who);
        s.setLong(i++, to.toEpochMilli());
        s.setLong(i++, from.toEpochMilli());
      }
      List<EventRow> rows = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          rows.add(EventRow.read(r));
        }
      }
      return rows;
    }
  }

  /** Single events overlapping the range, by the columns of the table aliased {@code t}. */
  private static String single(String t) {
    return " AND " + t + ".recurring = FALSE AND " + t + ".start_at >= ? AND " + t
        + ".start_at < ? AND " + t + ".end_at > ?";
  }

  /** Series that start before the range ends and have not ended before it starts. */
  private static String recurring(String t) {
    return " AND " + t + ".recurring = TRUE AND " + t + ".start_at < ? AND (" + t
        + ".series_end_at IS NULL OR " + t + ".series_end_at > ?)";
  }

  /** Sets title, description, start, end, time zone and service from {@code first} on. */
  private static void setContent(PreparedStatement s, int first, EventInput in)
      throws SQLException {
    s.setString(first, in.title());
    s.setString(first + 1, in.description());
    s.setLong(first + 2, in.start().toEpochMilli());
    s.setLong(first + 3, in.end().toEpochMilli());
    s.setString(first + 4, in.zone().getId());
    s.setString(first + 5, in.service().name());
  }

  /** Sets recurring, frequency, interval, until, count and series end from {@code first} on. */
  private static void setRecurrence(PreparedStatement s, int first, EventInput in)
      throws SQLException {
    Recurrence r = in.recurrence();
    s.setBoolean(first, r != null);
    s.setString(first + 1, r == null ? null : r.frequency().name());
    setNullable(s, first + 2, r == null ? null : r.interval());
    s.setObject(first + 3, r == null ? null : r.until(), Types.DATE);
    setNullable(s, first + 4, r == null ? null : r.count());
    Optional<Instant> seriesEnd = Recurrences.seriesEnd(in.start(), in.end(), in.zone(), r);
    if (r != null && seriesEnd.isPresent()) {
      s.setLong(first + 5, seriesEnd.get().toEpochMilli());
    } else {
      s.setNull(first + 5, Types.BIGINT);
    }
  }

  private static void setNullable(PreparedStatement s, int index, Integer value)
      throws SQLException {
    if (value == null) {
      s.setNull(index, Types.INTEGER);
    } else {
      s.setInt(index, value);
    }
  }

  private static void insertAttendees(Connection c, UUID eventId, EventInput in)
      throws SQLException {
    List<String> emails = in.attendees();
    if (emails.isEmpty()) {
      return;
    }
    Optional<Instant> seriesEnd = Recurrences.seriesEnd(in.start(), in.end(), in.zone(),
        in.recurrence());
    try (PreparedStatement s = c.prepareStatement(
        "INSERT INTO event_attendees (event_id, email, position, recurring, start_at, end_at,"
            + " series_end_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      for (int i = 0; i < emails.size(); i++) {
        s.setObject(1, eventId);
        s.setString(2, emails.get(i));
        s.setInt(3, i);
        s.setBoolean(4, in.recurrence() != null);
        s.setLong(5, in.start().toEpochMilli());
        s.setLong(6, in.end().toEpochMilli());
        if (in.recurrence() != null && seriesEnd.isPresent()) {
          s.setLong(7, seriesEnd.get().toEpochMilli());
        } else {
          s.setNull(7, Types.BIGINT);
        }
        s.addBatch();
      }
      s.executeBatch();
    }
  }
}
