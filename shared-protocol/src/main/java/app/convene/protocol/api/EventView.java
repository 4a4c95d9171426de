package app.convene.protocol.api;

import java.time.Instant;
import java.util.List;

/**
 * A meeting as its owner and attendees see it. For a recurring meeting, {@code start} and {@code
 * end} are those of the first occurrence.
 *
 * @param roomId the video room of a native meeting, else {@code null}
 * @param meetLink the Google Meet link of a Google meeting, else {@code null}
 * @param sequence increases with every change the owner makes (iCalendar SEQUENCE)
 */
public record EventView(
    String id,
    String title,
    String description,
    Instant start,
    Instant end,
    String timeZone,
    UserView owner,
    List<AttendeeView> attendees,
    ServiceKind service,
    String roomId,
    String meetLink,
    EventStatus status,
    Recurrence recurrence,
    int sequence,
    Instant updatedAt) {}
