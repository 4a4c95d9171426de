package app.convene.server.calendar;

import app.convene.protocol.api.EventRequest;
import app.convene.protocol.api.EventStatus;
import app.convene.protocol.api.EventView;
import app.convene.protocol.api.OccurrenceView;
import app.convene.protocol.api.ServiceKind;
import app.convene.server.http.ApiException;
import app.convene.server.http.Caller;
import app.convene.server.store.Database;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The calendar: meetings and their occurrences, as their owners and attendees see them.
 *
 * <p>Visibility: the owner and the attendees (the caller's address on the attendee list) see a
 * meeting; for anyone else it does not exist (404). Only the owner edits or cancels; an attendee
 * who tries gets 403.
 *
 * <p>Thread-safe. Every method blocks on the database; each write is one transaction.
 */
public final class EventService {
  /** The longest range {@link #list} accepts. */
  static final Duration MAX_RANGE = Duration.ofDays(366);

  private final Database database;
  private final Clock clock;
  private final MeetingChanges changes;

  public EventService(Database database, Clock clock) {
    this(database, clock, MeetingChanges.NONE);
  }

  /** @param changes told of every create, update and cancel once it is committed */
  public EventService(Database database, Clock clock, MeetingChanges changes) {
    this.database = Objects.requireNonNull(database, "database == null");
    this.clock = Objects.requireNonNull(clock, "clock == null");
    this.changes = Objects.requireNonNull(changes, "changes == null");
  }

  /** Who hears about committed changes (the schedule service tells them too). */
  MeetingChanges changes() {
    return changes;
  }

  /** {@code POST /api/events}: a meeting without a room. */
  public EventView create(Caller owner, EventRequest request) {
    EventInput input = EventChecks.check(request, owner.email());
    EventView created = database.inTransaction(c -> insert(c, owner, input, null));
    changes.created(created);
    return created;
  }

  /** Inserts a checked meeting in the caller's transaction. */
  EventView insert(Connection c, Caller owner, EventInput input, UUID roomId)
      throws SQLException {
    UUID id = UUID.randomUUID();
    Events.insert(c, id, owner.id(), input, roomId, clock.instant());
    return EventViews.one(c, Events.find(c, id, false).orElseThrow());
  }

  /** {@code GET /api/events/{id}}. */
  public EventView get(Caller caller, UUID id) {
    return database.read(c -> EventViews.one(c, visible(c, caller, id, false)));
  }

  /** {@code PUT /api/events/{id}}: replaces what the owner sets; status and room stay. */
  public EventView update(Caller caller, UUID id, EventRequest request) {
    return update(caller, id, request, (c, title) -> null);
  }

  /**
   * Gives a meeting that becomes a native call its room, inside the update's transaction.
   * Returns the new room's id, or null for none.
   */
  @FunctionalInterface
  interface RoomMaker {
    UUID roomFor(Connection c, String title) throws SQLException;
  }

  /**
   * The update, where a meeting on another service that becomes a native call, and so far has no
   * room, gets one from {@code rooms} (else it could not be joined).
   */
  EventView update(Caller caller, UUID id, EventRequest request, RoomMaker rooms) {
    EventInput input = EventChecks.check(request, caller.email());
    EventView[] before = new EventView[1];
    EventView after = database.inTransaction(c -> {
      EventRow row = ownedBy(c, caller, id);
      before[0] = EventViews.one(c, row);
      if (input.service() == ServiceKind.NATIVE && row.roomId() == null) {
        UUID roomId = rooms.roomFor(c, input.title());
        if (roomId != null) {
          Events.setRoom(c, id, roomId);
        }
      }
      Events.update(c, id, input, clock.instant());
      return EventViews.one(c, Events.find(c, id, false).orElseThrow());
    });
    changes.updated(before[0], after);
    return after;
  }

  /** {@code DELETE /api/events/{id}}: cancels; cancelling a cancelled meeting changes nothing. */
  public EventView cancel(Caller caller, UUID id) {
    boolean[] changed = new boolean[1];
    EventView view = database.inTransaction(c -> {
      EventRow row = ownedBy(c, caller, id);
      changed[0] = row.status() != EventStatus.CANCELLED;
      if (changed[0]) {
        Events.cancel(c, id, clock.instant());
        row = Events.find(c, id, false).orElseThrow();
      }
      return EventViews.one(c, row);
    });
    if (changed[0]) {
      changes.cancelled(view);
    }
    return view;
  }

  /**
   * {@code GET /api/events?from=&to=}: every occurrence in [from, to) of the meetings the caller
   * owns or attends, by start (then by meeting id).
   */
  public List<OccurrenceView> list(Caller caller, Instant from, Instant to,
      boolean includeCancelled) {
    if (!to.isAfter(from)) {
      throw ApiException.invalid("'to' must be after 'from'");
    }
    if (Duration.between(from, to).compareTo(MAX_RANGE) > 0) {
      throw ApiException.invalid("the range is longer than 366 days");
    }
    return database.read(c -> {
      Map<UUID, EventRow> rows = new LinkedHashMap<>();
      for (EventRow row : Events.mayOverlap(c, caller.id(), invitedAs(caller), from, to,
          includeCancelled)) {
        rows.putIfAbsent(row.id(), row);
      }
      List<Pending> pending = new ArrayList<>();
      for (EventRow row : rows.values()) {
        for (Recurrences.Occurrence o : Recurrences.between(row.start(), row.end(), row.zone(),
            row.recurrence(), from, to)) {
          pending.add(new Pending(row.id(), o));
        }
      }
      pending.sort(Comparator.comparing((Pending p) -> p.occurrence().start())
          .thenComparing(Pending::eventId));
      Map<UUID, EventView> views = EventViews.of(c,
          pending.stream().map(p -> rows.get(p.eventId())).distinct().toList());
      return pending.stream()
          .map(p -> new OccurrenceView(views.get(p.eventId()), p.occurrence().start(),
              p.occurrence().end()))
          .toList();
    });
  }

  private record Pending(UUID eventId, Recurrences.Occurrence occurrence) {}

  /** The event if the caller may see it; 404 otherwise. */
  private static EventRow visible(Connection c, Caller caller, UUID id, boolean lock)
      throws SQLException {
    EventRow row = Events.find(c, id, lock).orElseThrow(() -> ApiException.notFound("event"));
    if (!row.ownerId().equals(caller.id())
        && (!caller.emailVerified() || !Events.isAttendee(c, id, caller.email()))) {
      throw ApiException.notFound("event");
    }
    return row;
  }

  /**
   * The address whose invitations the caller sees; null until it is verified, so that an account
   * registered for someone else's address learns nothing of that address's meetings.
   */
  private static String invitedAs(Caller caller) {
    return caller.emailVerified() ? caller.email() : null;
  }

  /** The event, locked, if the caller owns it; 403 for an attendee, 404 for anyone else. */
  private static EventRow ownedBy(Connection c, Caller caller, UUID id) throws SQLException {
    EventRow row = visible(c, caller, id, true);
    if (!row.ownerId().equals(caller.id())) {
      throw ApiException.forbidden("only the meeting's owner may change it");
    }
    return row;
  }
}
