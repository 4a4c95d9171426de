package app.convene.server.calendar;

import app.convene.protocol.api.EventView;
import app.convene.protocol.api.OccurrenceView;
import app.convene.server.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The occurrences about to start, for the "starts in N minutes" pushes: of the meetings of a given
 * set of users (the connected ones), owned or attended, not cancelled, recurring ones expanded.
 * The queries are index range scans per user, like {@code GET /api/events}.
 *
 * <p>Thread-safe; blocks on the database.
 */
public final class UpcomingMeetings {
  /** Owners or addresses per query. */
  private static final int BATCH = 200;

  private record Found(EventRow row, Recurrences.Occurrence occurrence) {}

  private final Database database;

  public UpcomingMeetings(Database database) {
    this.database = Objects.requireNonNull(database, "database == null");
  }

  /**
   * The occurrences that start in [from, to) of the non-cancelled meetings that one of {@code
   * owners} owns or one of {@code emails} attends, by start (then meeting id).
   *
   * @param emails attendee addresses in lower case
   */
  public List<OccurrenceView> startingBetween(Collection<UUID> owners, Collection<String> emails,
      Instant from, Instant to) {
    Objects.requireNonNull(from, "from == null");
    Objects.requireNonNull(to, "to == null");
    if (owners.isEmpty() && emails.isEmpty() || !to.isAfter(from)) {
      return List.of();
    }
    return database.read(c -> {
      Map<UUID, EventRow> rows = new LinkedHashMap<>();
      for (List<?> batch : batches(List.copyOf(owners))) {
        read(c, "SELECT " + EventRow.COLUMNS + " FROM calendar_events e WHERE e.owner_id IN ("
            + placeholders(batch.size()) + ")", "e", batch, from, to, rows);
      }
      for (List<?> batch : batches(List.copyOf(emails))) {
        read(c, "SELECT " + EventRow.COLUMNS + " FROM event_attendees a JOIN calendar_events e"
            + " ON e.id = a.event_id WHERE a.email IN (" + placeholders(batch.size()) + ")", "a",
            batch, from, to, rows);
      }
      List<Found> found = new ArrayList<>();
      for (EventRow row : rows.values()) {
        for (Recurrences.Occurrence o : Recurrences.between(row.start(), row.end(), row.zone(),
            row.recurrence(), from, to)) {
          if (!o.start().isBefore(from)) {
            found.add(new Found(row, o));
          }
        }
      }
      found.sort(Comparator.comparing((Found f) -> f.occurrence().start())
          .thenComparing(f -> f.row().id()));
      Map<UUID, EventView> views = EventViews.of(c, found.stream().map(Found::row).distinct()
          .toList());
      return found.stream()
          .map(f -> new OccurrenceView(views.get(f.row().id()), f.occurrence().start(),
              f.occurrence().end()))
          .toList();
    });
  }

  /**
   * Adds the rows of {@code select} (which ends in a WHERE on the batch) that may have an
   * occurrence starting in [from, to): single meetings starting in it, series begun before its
   * end and not over before its start. {@code t} is the alias whose time columns are used.
   */
  private static void read(Connection c, String select, String t, List<?> batch, Instant from,
      Instant to, Map<UUID, EventRow> rows) throws SQLException {
    String live = " AND e.status <> 'CANCELLED'";
    String sql = select + " AND " + t + ".recurring = FALSE AND " + t + ".start_at >= ? AND " + t
        + ".start_at < ?" + live + " UNION ALL " + select + " AND " + t + ".recurring = TRUE AND "
        + t + ".start_at < ? AND (" + t + ".series_end_at IS NULL OR " + t
        + ".series_end_at > ?)" + live;
    try (PreparedStatement s = c.prepareStatement(sql)) {
      int i = 1;
      for (Object[] times : new Object[][] {{from, to}, {to, from}}) {
        for (Object value : batch) {
          s.setObject(i++, value);
        }
        s.setLong(i++, ((Instant) times[0]).toEpochMilli());
        s.setLong(i++, ((Instant) times[1]).toEpochMilli());
      }
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          EventRow row = EventRow.read(r);
          rows.putIfAbsent(row.id(), row);
        }
      }
    }
  }

  private static List<List<?>> batches(List<?> values) {
    List<List<?>> batches = new ArrayList<>();
    for (int i = 0; i < values.size(); i += BATCH) {
      batches.add(values.subList(i, Math.min(values.size(), i + BATCH)));
    }
    return batches;
  }

  private static String placeholders(int n) {
    return String.join(", ", Collections.nCopies(n, "?"));
  }
}
