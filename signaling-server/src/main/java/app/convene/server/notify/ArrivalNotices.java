package app.convene.server.notify;

import app.convene.protocol.Notice;
import app.convene.server.http.Caller;
import app.convene.server.signaling.ConnectedUsers;
import app.convene.server.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Tells a room's host, and the owner of the meeting the room belongs to, that someone joined the
 * room while they are connected but not in it: "Boris joined Design review".
 *
 * <p>Reads the {@code video_rooms} and {@code calendar_events} tables itself (two columns each)
 * rather than widening the rooms and calendar services for one look-up. Thread-safe; {@link
 * #arrived} blocks on the database, so it runs on the notices thread.
 */
final class ArrivalNotices {
  /** A room, and the meeting it belongs to if any (not cancelled). */
  private record RoomMeeting(UUID hostId, String roomName, String eventId, UUID ownerId,
      String title) {}

  private final Database database;
  private final ConnectedUsers connected;
  private final Clock clock;

  ArrivalNotices(Database database, ConnectedUsers connected, Clock clock) {
    this.database = Objects.requireNonNull(database, "database == null");
    this.connected = Objects.requireNonNull(connected, "connected == null");
    this.clock = Objects.requireNonNull(clock, "clock == null");
  }

  /** Returns how many users were told. */
  int arrived(Caller who, String roomId, String peerId, String name) {
    UUID key;
    try {
      key = UUID.fromString(roomId);
    } catch (IllegalArgumentException e) {
      return 0; // not a persisted room: nobody to tell
    }
    Optional<RoomMeeting> found = database.read(c -> find(c, key));
    if (found.isEmpty()) {
      return 0;
    }
    RoomMeeting meeting = found.get();
    Set<UUID> hosts = new LinkedHashSet<>();
    hosts.add(meeting.hostId());
    if (meeting.ownerId() != null) {
      hosts.add(meeting.ownerId());
    }
    hosts.remove(who.id());
    Notice notice = new Notice("joined:" + UUID.randomUUID(),
        Notice.Kind.PARTICIPANT_JOINED, clock.instant(), meeting.eventId(), roomId,
        meeting.title() != null ? meeting.title() : meeting.roomName(), null, null, name);
    int told = 0;
    for (UUID host : hosts) {
      if (!connected.inRoom(host, roomId) && connected.send(host, notice) > 0) {
        told++;
      }
    }
    return told;
  }

  private static Optional<RoomMeeting> find(Connection c, UUID roomId) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(
        "SELECT r.host_id, r.name, e.id, e.owner_id, e.title FROM video_rooms r"
            + " LEFT JOIN calendar_events e ON e.room_id = r.id AND e.status <> 'CANCELLED'"
            + " WHERE r.id = ? ORDER BY e.start_at DESC")) {
      s.setObject(1, roomId);
      try (ResultSet r = s.executeQuery()) {
        if (!r.next()) {
          return Optional.empty();
        }
        UUID eventId = r.getObject(3, UUID.class);
        return Optional.of(new RoomMeeting(r.getObject(1, UUID.class), r.getString(2),
            eventId == null ? null : eventId.toString(), r.getObject(4, UUID.class),
            r.getString(5)));
      }
    }
  }
}
