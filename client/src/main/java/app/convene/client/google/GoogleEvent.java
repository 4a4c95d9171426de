package app.convene.client.google;

import java.time.Instant;
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
    String colorHex) {

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

  GoogleEvent withColor(String color) {
    return new GoogleEvent(
        calendarId, id, recurringEventId, summary, description, location, start, end, allDay,
        meetLink, htmlLink, color);
  }
}
