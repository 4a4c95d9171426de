package app.convene.client.notify;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Decides which meeting reminders are due. Feed it the upcoming meetings whenever they change
 * ({@link #update}); ask it what is due ({@link #due}) on a timer. Rescheduled meetings get new
 * reminders (an occurrence is keyed by its start), cancelled ones none. A reminder shows once,
 * also across restarts; one whose time passed while the app was closed shows once at start-up as
 * long as the meeting has not started, and of several missed leads only the latest shows.
 * Driven by an injectable clock. Not thread-safe: use it from one thread.
 */
public final class ReminderEngine {
  /** How long after its start a meeting still gets its "starting now" reminder. */
  static final Duration START_GRACE = Duration.ofMinutes(2);

  /**
   * A meeting occurrence to remind of.
   *
   * @param key stable for the occurrence, e.g. {@code eventId@startMillis}
   * @param leads this meeting's own lead times, or {@code null} for the defaults
   */
  public record Meeting(String key, String title, Instant start, List<Duration> leads) {
    public Meeting {
      Objects.requireNonNull(key, "key == null");
      Objects.requireNonNull(start, "start == null");
    }
  }

  private final Clock clock;
  private final List<Duration> defaultLeads;
  private final FiredReminders fired;
  private List<Meeting> meetings = List.of();

  /**
   * @param defaultLeads e.g. 5 minutes and zero ("starting now")
   * @param firedFile where shown reminders are remembered
   */
  public ReminderEngine(Clock clock, List<Duration> defaultLeads, Path firedFile) {
    this.clock = Objects.requireNonNull(clock, "clock == null");
    this.defaultLeads = List.copyOf(defaultLeads);
    this.fired = new FiredReminders(firedFile);
  }

  /** Replaces the meetings to remind of (the next ones, as the calendar knows them). */
  public void update(List<Meeting> upcoming) {
    meetings = List.copyOf(upcoming);
  }

  /** The reminders due now, each returned once; they are remembered as shown. */
  public List<Reminder> due() {
    Instant now = clock.instant();
    List<Reminder> result = new ArrayList<>();
    for (Meeting meeting : meetings) {
      List<Duration> leads = new ArrayList<>(meeting.leads() != null ? meeting.leads() : defaultLeads);
      leads.sort(Comparator.naturalOrder()); // the shortest lead is the latest reminder
      Reminder latest = null;
      List<String> missed = new ArrayList<>();
      for (Duration lead : leads) {
        String id = meeting.key() + "/" + lead.toSeconds();
        if (fired.contains(id) || !isDue(meeting.start(), lead, now)) {
          continue;
        }
        if (latest == null) {
          latest = new Reminder(meeting.key(), meeting.title(), meeting.start(), lead);
        }
        missed.add(id);
      }
      if (latest != null) {
        missed.forEach(id -> fired.add(id, meeting.start(), now));
        result.add(latest);
      }
    }
    result.sort(Comparator.comparing(Reminder::meetingStart));
    return result;
  }

  /**
   * Takes a reminder announced another way, such as the server's "starts in N minutes" notice,
   * as this meeting's reminder for now: the local reminders already due are marked shown, so
   * {@link #due} will not repeat them.
   *
   * @return whether the caller should show it: false when the latest reminder due now was shown
   *     already, or the user wants no reminder for this meeting; true when none is due yet (the
   *     announcement comes earlier than any local reminder) or none of those due was shown
   */
  public boolean claim(String meetingKey, Instant start) {
    Meeting meeting = meetings.stream().filter(m -> m.key().equals(meetingKey)).findFirst()
        .orElse(new Meeting(meetingKey, "", start, null));
    List<Duration> leads = new ArrayList<>(meeting.leads() != null ? meeting.leads() : defaultLeads);
    if (leads.isEmpty()) {
      return false;
    }
    leads.sort(Comparator.naturalOrder());
    Instant now = clock.instant();
    List<String> due = new ArrayList<>();
    for (Duration lead : leads) {
      if (!now.isBefore(meeting.start().minus(lead))) {
        due.add(meetingKey + "/" + lead.toSeconds());
      }
    }
    if (due.isEmpty()) {
      return true;
    }
    if (fired.contains(due.getFirst())) {
      return false;
    }
    due.forEach(id -> fired.add(id, meeting.start(), now));
    return true;
  }

  private static boolean isDue(Instant start, Duration lead, Instant now) {
    Instant at = start.minus(lead);
    if (now.isBefore(at)) {
      return false;
    }
    return lead.isZero() ? now.isBefore(start.plus(START_GRACE)) : now.isBefore(start);
  }
}
