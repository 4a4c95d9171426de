package app.convene.client.notify;

import app.convene.client.google.GoogleEvent;
import app.convene.client.i18n.Messages;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Google events as meetings for the {@link ReminderEngine}. Pure; any thread. */
public final class GoogleReminders {
  private GoogleReminders() {}

  /**
   * The meeting to remind of for this event, with Google's reminder leads ({@link
   * GoogleEvent#reminderLeads()}: {@code null} means the app's defaults, empty none). Keyed {@code
   * google:<calendarId>/<eventId>@<startEpochMillis>}, so a moved event is reminded of again.
   * Empty for all-day events (they have no time to remind before), events without a start, and
   * those the user declined or that are no meetings (working location, focus time, out of office:
   * {@link GoogleEvent#attending()}).
   */
  public static Optional<ReminderEngine.Meeting> meeting(GoogleEvent event) {
    Objects.requireNonNull(event, "event == null");
    if (event.allDay() || event.start() == null || !event.attending()) {
      return Optional.empty();
    }
    String title = event.summary() == null || event.summary().isBlank()
        ? Messages.get("google.untitled") : event.summary();
    return Optional.of(new ReminderEngine.Meeting(key(event), title, event.start(),
        event.reminderLeads()));
  }

  /** {@link #meeting} of each event that has one, in order. */
  public static List<ReminderEngine.Meeting> meetings(Collection<GoogleEvent> events) {
    return events.stream().map(GoogleReminders::meeting).flatMap(Optional::stream).toList();
  }

  static String key(GoogleEvent event) {
    return "google:" + event.calendarId() + "/" + event.id() + "@" + event.start().toEpochMilli();
  }
}
