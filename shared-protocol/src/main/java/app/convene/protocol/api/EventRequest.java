package app.convene.protocol.api;

import java.time.Instant;
import java.util.List;

/**
 * {@code POST /api/events} and {@code PUT /api/events/{id}}: what the owner sets.
 *
 * @param attendees e-mail addresses of the people invited (not the owner)
 * @param recurrence {@code null} for a single meeting
 * @param meetLink the meeting's Google Meet (or other https) link, e.g. after a native call was
 *     moved to Google Meet; {@code null} for none
 */
public record EventRequest(
    String title,
    String description,
    Instant start,
    Instant end,
    String timeZone,
    List<String> attendees,
    ServiceKind service,
    Recurrence recurrence,
    String meetLink) {

  /** A request without a meeting link. */
  public EventRequest(String title, String description, Instant start, Instant end, String timeZone,
      List<String> attendees, ServiceKind service, Recurrence recurrence) {
    this(title, description, start, end, timeZone, attendees, service, recurrence, null);
  }
}
