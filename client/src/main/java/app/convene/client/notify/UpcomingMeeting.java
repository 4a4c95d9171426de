package app.convene.client.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A meeting occurrence the app reminds of and lists in the tray.
 *
 * @param key stable for the occurrence: {@code eventId@startMillis} for our meetings,
 *     {@code google:calendarId/eventId@startMillis} for Google's
 * @param leads this meeting's own lead times, or {@code null} for the defaults
 * @param join what a double-click on the calendar entry does; run on the FX thread
 */
public record UpcomingMeeting(String key, String title, Instant start, Instant end,
    List<Duration> leads, Runnable join) {

  public UpcomingMeeting {
    Objects.requireNonNull(key, "key == null");
    Objects.requireNonNull(start, "start == null");
    Objects.requireNonNull(end, "end == null");
    Objects.requireNonNull(join, "join == null");
    title = title == null ? "" : title;
    leads = leads == null ? null : List.copyOf(leads);
  }

  /** The key of our own meeting's occurrence, the same the server's notices carry. */
  public static String key(String eventId, Instant start) {
    return eventId + "@" + start.toEpochMilli();
  }

  ReminderEngine.Meeting asEngineMeeting() {
    return new ReminderEngine.Meeting(key, title, start, leads);
  }

  /** Same meeting, same time, same title: the tray menu need not change. */
  boolean sameAs(UpcomingMeeting other) {
    return key.equals(other.key) && title.equals(other.title) && start.equals(other.start);
  }
}
