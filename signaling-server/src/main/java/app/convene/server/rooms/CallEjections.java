package app.convene.server.rooms;

import app.convene.protocol.Removed;
import app.convene.protocol.api.AttendeeView;
import app.convene.protocol.api.EventView;
import app.convene.server.calendar.MeetingChanges;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Takes people out of a meeting's live call when the meeting no longer admits them: everyone when
 * its owner cancels it, an attendee when the owner removes them from its attendees (unless they
 * still may join the room otherwise: as its host, or invited to another of its meetings).
 *
 * <p>Threads: called on the request's thread after the commit, like every {@link
 * MeetingChanges}; a removed attendee costs one short database read, the rest only enqueues.
 */
public final class CallEjections implements MeetingChanges {
  private final LiveCalls calls;
  private final RoomService rooms;
  private final Function<String, Optional<UUID>> connectedByEmail;

  /**
   * @param connectedByEmail the connected account with this address, if any: only connected
   *     accounts can be in a call
   */
  public CallEjections(LiveCalls calls, RoomService rooms,
      Function<String, Optional<UUID>> connectedByEmail) {
    this.calls = Objects.requireNonNull(calls, "calls == null");
    this.rooms = Objects.requireNonNull(rooms, "rooms == null");
    this.connectedByEmail = Objects.requireNonNull(connectedByEmail, "connectedByEmail == null");
  }

  @Override
  public void updated(EventView before, EventView after) {
    if (after.roomId() == null) {
      return;
    }
    Set<String> removed = emails(before);
    removed.removeAll(emails(after));
    UUID roomId = UUID.fromString(after.roomId());
    for (String email : removed) {
      connectedByEmail.apply(email)
          .filter(user -> !rooms.admitsWithoutInvite(roomId, user, email))
          .ifPresent(user -> calls.removeUser(after.roomId(), user, Removed.Reason.UNINVITED));
    }
  }

  @Override
  public void cancelled(EventView meeting) {
    if (meeting.roomId() != null) {
      calls.endAll(meeting.roomId(), Removed.Reason.MEETING_CANCELLED);
    }
  }

  private static Set<String> emails(EventView meeting) {
    Set<String> emails = new LinkedHashSet<>();
    for (AttendeeView attendee : meeting.attendees()) {
      emails.add(attendee.email().toLowerCase(Locale.ROOT));
    }
    return emails;
  }
}
