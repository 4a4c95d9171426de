package app.convene.client.google;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A Google Calendar event as the calendar pane shows it. Recurring events arrive as their
 * instances, each with its own id and {@code recurringEventId} naming the series.
 *
 * @param recurringEventId the series of an instance, else {@code null}
 * @param start for an all-day event: the start of {@code startDate} in the zone the events were
 *     last handed out in ({@link #inZone})
 * @param meetLink the event's conference link: {@code hangoutLink}, else the video entry point of
 *     its conference of any solution (Google Meet, or the Zoom or Teams add-on), else {@code null}
 * @param htmlLink the event's page in Google Calendar
 * @param colorHex its calendar's colour, e.g. {@code #9fe1e7}, or {@code null} when unknown
 * @param reminderLeads how long before the start Google would pop up a reminder, as the event or
 *     its calendar sets it (popup reminders only, see {@code ReminderLeads}), longest first; empty
 *     when the event has none; {@code null} when unknown (the app's default reminders apply)
 * @param calendarReminders whether the event uses its calendar's default reminders: then {@code
 *     reminderLeads} are those defaults, kept current with the calendar
 * @param responseStatus the answer of this calendar's own attendee entry ({@code self}): {@code
 *     needsAction}, {@code declined}, {@code tentative} or {@code accepted}; {@code null} when the
 *     event has no attendee entry for it (an event without guests) or it is unknown
 * @param eventType Google's {@code eventType} ({@code default}, {@code fromGmail}, {@code
 *     workingLocation}, {@code focusTime}, {@code outOfOffice}, {@code birthday}, ...); {@code null}
 *     when unknown, taken as {@code default}
 * @param organizer whether this calendar organises the event ({@code organizer.self}): only then
 *     does deleting it cancel it for everyone
 * @param conferenceName the name of the conference solution of {@code meetLink} (e.g. "Zoom
 *     Meeting"), for a link no known service claims; else {@code null}
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
    String responseStatus,
    String eventType,
    boolean organizer,
    String conferenceName,
    LocalDate startDate,
    LocalDate endDate) {
  /**
   * The event types that are meetings: ordinary events and those Gmail adds (flights, bookings).
   * Working locations, focus time, out of office and birthdays are not, nor are types Google adds
   * later (they have all been of that kind so far).
   */
  private static final Set<String> MEETING_TYPES = Set.of("default", "fromGmail");

  public GoogleEvent {
    reminderLeads = reminderLeads == null ? null : List.copyOf(reminderLeads);
  }

  /** An event without what the calendar's user answered, its type or organiser (all unknown). */
  public GoogleEvent(String calendarId, String id, String recurringEventId, String summary,
      String description, String location, Instant start, Instant end, boolean allDay,
      String meetLink, String htmlLink, String colorHex, List<Duration> reminderLeads,
      boolean calendarReminders) {
    this(calendarId, id, recurringEventId, summary, description, location, start, end, allDay,
        meetLink, htmlLink, colorHex, reminderLeads, calendarReminders, null, null, false, null,
        null, null);
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
        to, allDay, meetLink, htmlLink, colorHex, reminderLeads, calendarReminders, responseStatus,
        eventType, organizer, conferenceName, startDate, endDate);
  }

  /** Whether this calendar's user declined the invitation. */
  public boolean declined() {
    return "declined".equals(responseStatus);
  }

  /** Whether the event is a meeting, not a working location, focus time, absence or birthday. */
  public boolean isMeeting() {
    return eventType == null || MEETING_TYPES.contains(eventType);
  }

  /** Whether reminders and Join apply: a meeting the user has not declined. */
  public boolean attending() {
    return isMeeting() && !declined();
  }

  /** Whether the user is a guest who may answer (accept, decline, maybe), not the organiser. */
  public boolean invited() {
    return responseStatus != null && !organizer;
  }

  /**
   * The link a Join action opens: the conference link, else the first meeting link in the
   * location, then the description. Empty when the user declined or the event is no meeting
   * ({@link #attending()}).
   */
  public Optional<MeetingLink> joinLink() {
    if (!attending()) {
      return Optional.empty();
    }
    if (meetLink != null) {
      Optional<MeetingLink> conference = MeetingLinks.classify(meetLink);
      if (conference.isEmpty() && conferenceName != null) {
        conference = MeetingLinks.conference(meetLink, conferenceName);
      }
      if (conference.isPresent()) {
        return conference;
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
        meetLink, htmlLink, color, leads, calendarReminders, responseStatus, eventType, organizer,
        conferenceName, startDate, endDate);
  }
}
