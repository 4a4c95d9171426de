package app.convene.client.google;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A Google Calendar event as the calendar pane shows it. Recurring events arrive as their
 * instances, each with its own id and {@code recurringEventId} naming the series.
 *
 * @param recurringEventId the series of an instance, else {@code null}
 * @param start for an all-day event: the start of that day in the zone the cache was read in
 * @param meetLink the event's Google Meet link ({@code hangoutLink} or conference entry point),
 *     else {@code null}
 * @param htmlLink the event's page in Google Calendar
 * @param colorHex its calendar's colour, e.g. {@code #9fe1e7}, or {@code null} when unknown
 * @param reminderLeads how long before the start Google would pop up a reminder, as the event or
 *     its calendar sets it (popup reminders only, see {@code ReminderLeads}), longest first; empty
 *     when the event has none; {@code null} when unknown (the app's default reminders apply)
 * @param calendarReminders whether the event uses its calendar's default reminders: then {@code
 *     reminderLeads} are those defaults, kept current with the calendar
 */
public record GoogleEvent(
    String calendarId,
    String id,
    String recurringEventId,
    String summary,
    String description,
    String location,
    Instant start,
    Instant end,
    boolean allDay,
    String meetLink,
    String htmlLink,
    String colorHex,
    List<Duration> reminderLeads,
    boolean calendarReminders) {

  public GoogleEvent {
    reminderLeads = reminderLeads == null ? null : List.copyOf(reminderLeads);
  }

  /**
   * The link a Join action opens: the Meet link, else the first Meet, Zoom or Teams link in the
   * location, then the description.
   */
  public Optional<MeetingLink> joinLink() {
    if (meetLink != null) {
      Optional<MeetingLink> meet = MeetingLinks.classify(meetLink);
      if (meet.isPresent()) {
        return meet;
      }
    }
    return MeetingLinks.find(location, description);
  }

  /** This event as of its calendar's colour and default reminders ({@code null}: unknown). */
  GoogleEvent inCalendar(String color, List<Duration> defaultReminders) {
    List<Duration> leads = calendarReminders ? defaultReminders : reminderLeads;
    if (Objects.equals(color, colorHex) && Objects.equals(leads, reminderLeads)) {
      return this;
    }
    return new GoogleEvent(
        calendarId, id, recurringEventId, summary, description, location, start, end, allDay,
        meetLink, htmlLink, color, leads, calendarReminders);
  }
}
