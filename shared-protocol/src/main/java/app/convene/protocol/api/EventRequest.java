package app.convene.protocol.api;

import java.time.Instant;
import java.util.List;

/**
 * {@code POST /api/events} and {@code PUT /api/events/{id}}: what the owner sets.
 *
 * @param attendees e-mail addresses of the people invited (not the owner)
 * @param recurrence {@code null} for a single meeting
 */
public record EventRequest(
    String title,
    String description,
    Instant start,
    Instant end,
    String timeZone,
    List<String> attendees,
    ServiceKind service,
    Recurrence recurrence) {}
