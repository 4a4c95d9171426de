package app.convene.server.notify;

import app.convene.protocol.Notice;
import app.convene.protocol.api.AttendeeView;
import app.convene.protocol.api.EventView;
import app.convene.server.calendar.MeetingChanges;
import app.convene.server.signaling.ConnectedUsers;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Pushes a meeting's changes to its connected attendees: {@code INVITED} when it is created or
 * they are added, {@code CHANGED} when its owner edits it, {@code CANCELLED} when it is cancelled
 * or they are removed. The owner is told nothing: they made the change. Attendees are matched to
 * connected accounts by e-mail address.
 *
 * <p>Thread-safe. Called on the request's thread after the commit; only looks up connected users
 * in memory and enqueues, so it returns at once.
 */
final class MeetingNotices implements MeetingChanges {
  private final ConnectedUsers connected;
  private final Clock clock;

  MeetingNotices(ConnectedUsers connected, Clock clock) {
    this.connected = Objects.requireNonNull(connected, "connected == null");
    this.clock = Objects.requireNonNull(clock, "clock == null");
  }

  @Override
  public void created(EventView meeting) {
    tell(meeting, Notice.Kind.INVITED, emails(meeting));
  }

  @Override
  public void updated(EventView before, EventView after) {
    Set<String> was = emails(before);
    Set<String> is = emails(after);
    Set<String> stayed = new LinkedHashSet<>(is);
    stayed.retainAll(was);
    Set<String> added = new LinkedHashSet<>(is);
    added.removeAll(was);
    Set<String> removed = new LinkedHashSet<>(was);
    removed.removeAll(is);
    tell(after, Notice.Kind.CHANGED, stayed);
    tell(after, Notice.Kind.INVITED, added);
    tell(after, Notice.Kind.CANCELLED, removed);
  }

  @Override
  public void cancelled(EventView meeting) {
    tell(meeting, Notice.Kind.CANCELLED, emails(meeting));
  }

  private void tell(EventView meeting, Notice.Kind kind, Set<String> emails) {
    if (emails.isEmpty()) {
      return;
    }
    UUID owner = UUID.fromString(meeting.owner().id());
    // Unique per meeting, kind and version: the sequence goes up with every change.
    String id = kind.name().toLowerCase(Locale.ROOT) + ":" + meeting.id() + ":"
        + meeting.sequence();
    Notice notice = new Notice(id, kind, clock.instant(), meeting.id(), meeting.roomId(),
        meeting.title(), meeting.start(), null, meeting.owner().displayName());
    for (String email : emails) {
      connected.byEmail(email)
          .filter(user -> !user.equals(owner))
          .ifPresent(user -> connected.send(user, notice));
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
