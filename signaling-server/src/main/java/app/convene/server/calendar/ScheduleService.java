package app.convene.server.calendar;

import app.convene.protocol.api.EventRequest;
import app.convene.protocol.api.EventView;
import app.convene.protocol.api.RoomView;
import app.convene.protocol.api.ScheduleRequest;
import app.convene.protocol.api.ScheduleResult;
import app.convene.protocol.api.ServiceKind;
import app.convene.server.http.ApiException;
import app.convene.server.http.Caller;
import app.convene.server.rooms.RoomService;
import app.convene.server.store.Database;
import java.util.Objects;
import java.util.UUID;

/**
 * {@code POST /api/meetings/schedule}: a meeting and, for a native one, its room (named after the
 * meeting, hosted by the caller) in one transaction: either both exist afterwards or neither.
 * A Google Meet meeting gets no room, until an update turns it into a native call. Thread-safe;
 * blocks on the database.
 */
public final class ScheduleService {
  private final Database database;
  private final EventService events;
  private final RoomService rooms;

  public ScheduleService(Database database, EventService events, RoomService rooms) {
    this.database = Objects.requireNonNull(database, "database == null");
    this.events = Objects.requireNonNull(events, "events == null");
    this.rooms = Objects.requireNonNull(rooms, "rooms == null");
  }

  public ScheduleResult schedule(Caller owner, ScheduleRequest request) {
    Objects.requireNonNull(owner, "owner == null");
    if (request == null || request.event() == null) {
      throw ApiException.invalid("'event' is required");
    }
    EventInput input = EventChecks.check(request.event(), owner.email());
    boolean nativeCall = input.service() == ServiceKind.NATIVE;
    int maxUsers = nativeCall ? rooms.checkMaxUsers(request.maxUsers()) : 0;
    ScheduleResult result = database.inTransaction(c -> {
      RoomView room = nativeCall ? rooms.create(c, owner, input.title(), maxUsers) : null;
      UUID roomId = room == null ? null : UUID.fromString(room.id());
      return new ScheduleResult(events.insert(c, owner, input, roomId), room);
    });
    events.changes().created(result.event());
    return result;
  }

  /**
   * {@code PUT /api/events/{id}}: the update; a meeting that moves from Google Meet to a native
   * call gets its room (hosted by the owner, default size) in the same transaction.
   */
  public EventView update(Caller owner, UUID id, EventRequest request) {
    int maxUsers = rooms.checkMaxUsers(null);
    return events.update(owner, id, request,
        (c, title) -> UUID.fromString(rooms.create(c, owner, title, maxUsers).id()));
  }
}
