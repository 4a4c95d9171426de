package app.convene.server.notify;

import app.convene.protocol.Notice;
import app.convene.protocol.api.AttendeeView;
import app.convene.protocol.api.EventView;
import app.convene.protocol.api.OccurrenceView;
import app.convene.server.calendar.UpcomingMeetings;
import app.convene.server.http.Caller;
import app.convene.server.signaling.ConnectedUsers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The every-minute check: tells the connected owner and attendees of every occurrence that starts
 * within {@code lead} (recurring meetings expanded, cancelled ones left out) that it starts in N
 * minutes, once per user and occurrence.
 *
 * <p>"Once" is remembered in memory only, and forgotten when the occurrence has started. That is
 * enough: the notice goes only to sockets open now, so a server restart loses nothing but the
 * memory of what was sent, and the worst case is a second notice with the same {@link Notice#id()}
 * (it is derived from the occurrence), which the client drops as a duplicate. A table would cost a
 * write per user and occurrence for no better result.
 *
 * <p>Not thread-safe: {@link #run} is called on the notices thread only.
 */
final class StartingSoon {
  private final UpcomingMeetings meetings;
  private final ConnectedUsers connected;
  private final Clock clock;
  private final Duration lead;
  /** "userId eventId@startMillis" → the occurrence's start, of the notices sent. */
  private final Map<String, Instant> sent = new HashMap<>();

  StartingSoon(UpcomingMeetings meetings, ConnectedUsers connected, Clock clock, Duration lead) {
    this.meetings = Objects.requireNonNull(meetings, "meetings == null");
    this.connected = Objects.requireNonNull(connected, "connected == null");
    this.clock = Objects.requireNonNull(clock, "clock == null");
    this.lead = Objects.requireNonNull(lead, "lead == null");
  }

  /** Sends what is due now; returns how many users were told something. */
  int run() {
    Instant now = clock.instant();
    sent.values().removeIf(start -> start.isBefore(now));
    List<Caller> users = connected.users();
    if (users.isEmpty() || lead.isZero()) {
      return 0;
    }
    List<UUID> ids = users.stream().map(Caller::id).toList();
    List<String> emails = users.stream().filter(Caller::emailVerified)
        .map(u -> u.email().toLowerCase(Locale.ROOT)).toList();
    // Starts up to and including now + lead; the database keeps milliseconds.
    Instant to = now.plus(lead).plusMillis(1);
    int told = 0;
    for (OccurrenceView occurrence : meetings.startingBetween(ids, emails, now, to)) {
      Notice notice = notice(occurrence, now);
      for (UUID user : recipients(occurrence.event())) {
        String key = user + " " + notice.occurrenceKey();
        if (!sent.containsKey(key) && connected.send(user, notice) > 0) {
          sent.put(key, occurrence.start());
          told++;
        }
      }
    }
    return told;
  }

  /** The connected owner and attendees. */
  private Set<UUID> recipients(EventView event) {
    Set<UUID> users = new LinkedHashSet<>();
    UUID owner = UUID.fromString(event.owner().id());
    if (connected.isConnected(owner)) {
      users.add(owner);
    }
    for (AttendeeView attendee : event.attendees()) {
      connected.byEmail(attendee.email()).ifPresent(users::add);
    }
    return users;
  }

  private static Notice notice(OccurrenceView occurrence, Instant now) {
    EventView event = occurrence.event();
    long millis = Duration.between(now, occurrence.start()).toMillis();
    int minutes = (int) ((millis + 59_999) / 60_000);
    return new Notice("starting:" + event.id() + "@" + occurrence.start().toEpochMilli(),
        Notice.Kind.STARTING_SOON, now, event.id(), event.roomId(), event.title(),
        occurrence.start(), minutes, null);
  }
}
