package app.convene.client.google;

import com.google.api.services.calendar.model.Event;
import com.google.api.services.calendar.model.EventReminder;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Google's reminder settings as lead times for the app's desktop reminders. Only reminders of
 * method {@code popup} count: a popup is Google's own on-screen reminder, which is what the app's
 * desktop reminder stands for; {@code email} reminders are sent by Google whatever the app does, and
 * turning them into pop-ups would remind the user in a way they did not ask for (an e-mail an hour
 * ahead is often a "prepare" nudge, not "join now"). Pure; any thread.
 */
final class ReminderLeads {
  private ReminderLeads() {}

  /** Whether the event takes its calendar's default reminders ({@code reminders} absent counts). */
  static boolean usesDefault(Event event) {
    Event.Reminders reminders = event.getReminders();
    return reminders == null || !Boolean.FALSE.equals(reminders.getUseDefault());
  }

  /**
   * The event's lead times: its calendar's defaults when it uses them, else its popup overrides
   * (empty when it has none: the user turned reminders off for it).
   *
   * @param calendarDefaults the calendar's popup leads, {@code null} when unknown
   * @return {@code null} when the event uses the defaults and they are unknown
   */
  static List<Duration> of(Event event, List<Duration> calendarDefaults) {
    if (usesDefault(event)) {
      return calendarDefaults;
    }
    return popups(event.getReminders().getOverrides());
  }

  /** The popup reminders among {@code reminders} ({@code null} is none), longest lead first. */
  static List<Duration> popups(List<EventReminder> reminders) {
    if (reminders == null) {
      return List.of();
    }
    return reminders.stream()
        .filter(r -> "popup".equals(r.getMethod()))
        .map(EventReminder::getMinutes)
        .filter(Objects::nonNull)
        .filter(minutes -> minutes >= 0)
        .map(minutes -> Duration.ofMinutes(minutes))
        .distinct()
        .sorted(Comparator.reverseOrder())
        .toList();
  }
}
