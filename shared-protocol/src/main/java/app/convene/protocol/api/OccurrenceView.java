package app.convene.protocol.api;

import java.time.Instant;

/**
 * One occurrence of a meeting inside a listed time range ({@code GET /api/events?from=&to=}); a
 * single meeting has one, a recurring one as many as fall in the range.
 */
public record OccurrenceView(EventView event, Instant start, Instant end) {}
