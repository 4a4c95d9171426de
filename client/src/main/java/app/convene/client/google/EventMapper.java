package app.convene.client.google;

import com.google.api.client.util.DateTime;
import com.google.api.services.calendar.model.ConferenceData;
import com.google.api.services.calendar.model.EntryPoint;
import com.google.api.services.calendar.model.Event;
import com.google.api.services.calendar.model.EventAttendee;
import com.google.api.services.calendar.model.EventDateTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** Library {@link Event}s to {@link GoogleEvent}s. Pure; any thread. */
final class EventMapper {
  private EventMapper() {}

  static boolean isCancelled(Event event) {
    return "cancelled".equals(event.getStatus());
  }

  /**
   * Requires a non-cancelled event (a cancelled one may have nothing but its id).
   *
   * @param defaultReminders the calendar's popup leads, {@code null} when unknown
   */
  static GoogleEvent map(
      String calendarId, Event event, String colorHex, List<Duration> defaultReminders, ZoneId zone) {
    EventDateTime start = event.getStart();
    EventDateTime end = event.getEnd();
    boolean allDay = start != null && start.getDate() != null;
    Instant startAt = instant(start, zone);
    Instant endAt = end == null ? startAt : instant(end, zone);
    return new GoogleEvent(
        calendarId,
        event.getId(),
        event.getRecurringEventId(),
        event.getSummary(),
        event.getDescription(),
        event.getLocation(),
        startAt,
        endAt,
        allDay,
        meetLink(event),
        event.getHtmlLink(),
        colorHex,
        ReminderLeads.of(event, defaultReminders),
        ReminderLeads.usesDefault(event),
        responseStatus(event),
        event.getEventType(),
        event.getOrganizer() != null && Boolean.TRUE.equals(event.getOrganizer().getSelf()),
        event.getHangoutLink() == null ? conferenceName(event) : null,
        allDay ? date(start) : null,
        allDay && end != null ? date(end) : null);
  }

  /** An all-day event's day, without a zone. */
  private static LocalDate date(EventDateTime time) {
    return time.getDate() == null ? null : LocalDate.parse(time.getDate().toStringRfc3339());
  }

  /** The answer of the calendar's own attendee entry ({@code self}), else {@code null}. */
  static String responseStatus(Event event) {
    if (event.getAttendees() == null) {
      return null;
    }
    return event.getAttendees().stream()
        .filter(a -> Boolean.TRUE.equals(a.getSelf()))
        .map(EventAttendee::getResponseStatus)
        .findFirst()
        .orElse(null);
  }

  /**
   * {@code hangoutLink}, else the video entry point of the conference, whatever its solution: Meet,
   * or an add-on such as Zoom's or Teams' (they put their links there); else {@code null}.
   */
  static String meetLink(Event event) {
    if (event.getHangoutLink() != null) {
      return event.getHangoutLink();
    }
    EntryPoint video = videoEntry(event.getConferenceData());
    return video == null ? null : video.getUri();
  }

  private static String conferenceName(Event event) {
    ConferenceData conference = event.getConferenceData();
    if (videoEntry(conference) == null || conference.getConferenceSolution() == null) {
      return null;
    }
    return conference.getConferenceSolution().getName();
  }

  private static EntryPoint videoEntry(ConferenceData conference) {
    if (conference == null || conference.getEntryPoints() == null) {
      return null;
    }
    for (EntryPoint entry : conference.getEntryPoints()) {
      if ("video".equals(entry.getEntryPointType()) && entry.getUri() != null) {
        return entry;
      }
    }
    return null;
  }

  /** The state of a requested conference: "pending", "success", "failure" or {@code null}. */
  static String conferenceStatus(Event event) {
    ConferenceData conference = event.getConferenceData();
    if (conference == null
        || conference.getCreateRequest() == null
        || conference.getCreateRequest().getStatus() == null) {
      return null;
    }
    return conference.getCreateRequest().getStatus().getStatusCode();
  }

  private static Instant instant(EventDateTime time, ZoneId zone) {
    if (time == null) {
      return null;
    }
    if (time.getDateTime() != null) {
      return Instant.ofEpochMilli(time.getDateTime().getValue());
    }
    DateTime date = time.getDate();
    if (date == null) {
      return null;
    }
    return LocalDate.parse(date.toStringRfc3339()).atStartOfDay(zone).toInstant();
  }
}
