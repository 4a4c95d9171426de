package app.convene.server.calendar;

import app.convene.protocol.api.EventStatus;
import app.convene.protocol.api.Recurrence;
import app.convene.protocol.api.ServiceKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

/** A row of {@code calendar_events}, without its attendees. */
record EventRow(
    UUID id,
    UUID ownerId,
    String title,
    String description,
    Instant start,
    Instant end,
    ZoneId zone,
    ServiceKind service,
    UUID roomId,
    String meetLink,
    EventStatus status,
    Recurrence recurrence,
    int sequence,
    Instant updatedAt) {

  /** The columns {@link #read} expects, in its order, for a table aliased {@code e}. */
  static final String COLUMNS = "e.id, e.owner_id, e.title, e.description, e.start_at, e.end_at,"
      + " e.time_zone, e.service, e.room_id, e.meet_link, e.status, e.recurrence_frequency,"
      + " e.recurrence_interval, e.recurrence_until, e.recurrence_count, e.sequence,"
      + " e.updated_at";

  static EventRow read(ResultSet r) throws SQLException {
    String frequency = r.getString(12);
    Recurrence recurrence = frequency == null ? null
        : new Recurrence(Recurrence.Frequency.valueOf(frequency), r.getInt(13),
            r.getObject(14, LocalDate.class), r.getObject(15, Integer.class));
    return new EventRow(
        r.getObject(1, UUID.class),
        r.getObject(2, UUID.class),
        r.getString(3),
        r.getString(4),
        Instant.ofEpochMilli(r.getLong(5)),
        Instant.ofEpochMilli(r.getLong(6)),
        ZoneId.of(r.getString(7)),
        ServiceKind.valueOf(r.getString(8)),
        r.getObject(9, UUID.class),
        r.getString(10),
        EventStatus.valueOf(r.getString(11)),
        recurrence,
        r.getInt(16),
        Instant.ofEpochMilli(r.getLong(17)));
  }
}
