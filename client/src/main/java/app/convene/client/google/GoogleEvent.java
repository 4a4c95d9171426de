package app.convene.client.google;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A Google Calendar event as the calendar pane shows it. Recurring events arrive as their
 * instances, each with its own id and {@code recurringEventId} naming the series.
 *
 * @param recurringEventId the series of an instance, else {@code null}
 * @param start for an all-day event: the start of {@code startDate} in the zone the events were
 *     last handed out in ({@link #inZone})
 * @param meetLink the event's Google Meet link ({@code hangoutLink} or conference entry point),
 *     else {@code null}
 * @param htmlLink the event's page in Google Calendar
 * @param colorHex its calendar's colour, e.g. {@code #9fe1e7}, or {@code null} when unknown
 * @param reminderLeads how long before the start Google would pop up a reminder, as the event or
 *     its calendar sets it (popup reminders only, see {@code ReminderLeads}), longest first; empty
 *     when the event has none; {@code null} when unknown (the app's default reminders apply)
 * @param calendarReminders whether the event uses its calendar's default reminders: then {@code
 *     reminderLeads} are those defaults, kept current with the calendar
 * @param startDate for an all-day event its first day, as Google gives it (a date, no zone), else
 *     {@code null}; {@code null} too in events saved by an older version
 * @param endDate for an all-day event the day after its last (exclusive, as Google gives it)
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
    boolean calendarReminders,
    LocalDate startDate,
    LocalDate endDate) {

  public GoogleEvent {
    reminderLeads = reminderLeads == null ? null : List.copyOf(reminderLeads);
  }

  /** A timed event, or an all-day one without its dates. */
  public GoogleEvent(
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
    this(calendarId, id, recurringEventId, summary, description, location, start, end, allDay,
        meetLink, htmlLink, colorHex, reminderLeads, calendarReminders, null, null);
  }

  /**
   * An all-day event with {@code start} and {@code end} at the start of its days in {@code zone}
   * (the zone of the moment, so that it covers its own days after a change of zone); other events
   * as they are. Events saved without dates keep the days their instants had when saved.
   */
  GoogleEvent inZone(ZoneId zone) {
    if (!allDay || startDate == null) {
      return this;
    }
    Instant from = startDate.atStartOfDay(zone).toInstant();
    Instant to = (endDate == null ? startDate.plusDays(1) : endDate).atStartOfDay(zone).toInstant();
    if (from.equals(start) && to.equals(end)) {
      return this;
    }
    return new GoogleEvent(calendarId, id, recurringEventId, summary, description, location, from,
        to, allDay, meetLink, htmlLink, colorHex, reminderLeads, calendarReminders, startDate,
        endDate);
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
        meetLink, htmlLink, color, leads, calendarReminders, startDate, endDate);
  }
}
