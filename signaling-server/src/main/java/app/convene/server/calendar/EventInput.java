package app.convene.server.calendar;

import app.convene.protocol.api.Recurrence;
import app.convene.protocol.api.ServiceKind;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * An {@code EventRequest} that passed {@link EventChecks}: stripped, times in whole milliseconds,
 * attendees in lower case without duplicates or the owner.
 *
 * @param description {@code null} when absent or blank
 * @param recurrence {@code null} for a single meeting
 * @param meetLink an {@code https} meeting link, or {@code null}
 */
record EventInput(
    String title,
    String description,
    Instant start,
    Instant end,
    ZoneId zone,
    List<String> attendees,
    ServiceKind service,
    Recurrence recurrence,
    String meetLink) {
  EventInput {
    attendees = List.copyOf(attendees);
  }
}
