package app.convene.server.calendar;

import app.convene.protocol.api.AttendeeView;
import app.convene.protocol.api.EventView;
import app.convene.protocol.api.UserView;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Turns event rows into {@link EventView}s: loads their owners and attendees (with the display
 * names of attendees who have accounts) in a few batched queries. Stateless.
 */
final class EventViews {
  /** Ids per {@code IN (…)} list. */
  private static final int BATCH = 500;

  private EventViews() {}

  static EventView one(Connection c, EventRow row) throws SQLException {
    return of(c, List.of(row)).get(row.id());
  }

  /** The views of the rows, by event id. */
  static Map<UUID, EventView> of(Connection c, Collection<EventRow> rows) throws SQLException {
    Map<UUID, List<AttendeeView>> attendees = attendees(c,
        rows.stream().map(EventRow::id).toList());
    Map<UUID, UserView> owners = owners(c,
        new LinkedHashSet<>(rows.stream().map(EventRow::ownerId).toList()));
    Map<UUID, EventView> views = new HashMap<>();
    for (EventRow row : rows) {
      views.put(row.id(), new EventView(
          row.id().toString(),
          row.title(),
          row.description(),
          row.start(),
          row.end(),
          row.zone().getId(),
          owners.get(row.ownerId()),
          attendees.getOrDefault(row.id(), List.of()),
          row.service(),
          row.roomId() == null ? null : row.roomId().toString(),
          row.meetLink(),
          row.status(),
          row.recurrence(),
          row.sequence(),
          row.updatedAt()));
    }
    return views;
  }

  private static Map<UUID, List<AttendeeView>> attendees(Connection c, List<UUID> eventIds)
      throws SQLException {
    Map<UUID, List<AttendeeView>> byEvent = new HashMap<>();
    for (List<UUID> batch : batches(eventIds)) {
      try (PreparedStatement s = c.prepareStatement(
          "SELECT a.event_id, a.email, u.display_name FROM event_attendees a"
              + " LEFT JOIN users u ON u.email = a.email"
              + " WHERE a.event_id IN (" + placeholders(batch.size()) + ")"
              + " ORDER BY a.event_id, a.position")) {
        bind(s, batch);
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            byEvent.computeIfAbsent(r.getObject(1, UUID.class), id -> new ArrayList<>())
                .add(new AttendeeView(r.getString(2), r.getString(3)));
          }
        }
      }
    }
    return byEvent;
  }

  private static Map<UUID, UserView> owners(Connection c, Collection<UUID> ownerIds)
      throws SQLException {
    Map<UUID, UserView> owners = new HashMap<>();
    for (List<UUID> batch : batches(List.copyOf(ownerIds))) {
      try (PreparedStatement s = c.prepareStatement(
          "SELECT id, email, display_name FROM users WHERE id IN ("
              + placeholders(batch.size()) + ")")) {
        bind(s, batch);
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            owners.put(r.getObject(1, UUID.class),
                new UserView(r.getString(1), r.getString(2), r.getString(3)));
          }
        }
      }
    }
    return owners;
  }

  private static List<List<UUID>> batches(List<UUID> ids) {
    List<List<UUID>> batches = new ArrayList<>();
    for (int i = 0; i < ids.size(); i += BATCH) {
      batches.add(ids.subList(i, Math.min(ids.size(), i + BATCH)));
    }
    return batches;
  }

  private static String placeholders(int n) {
    return String.join(", ", java.util.Collections.nCopies(n, "?"));
  }

  private static void bind(PreparedStatement s, List<UUID> ids) throws SQLException {
    for (int i = 0; i < ids.size(); i++) {
      s.setObject(i + 1, ids.get(i));
    }
  }
}
