package app.convene.protocol.api;

/**
 * {@code POST /api/meetings/schedule}: a meeting and, for a native one, its room, created in one
 * transaction.
 */
public record ScheduleRequest(EventRequest event, Integer maxUsers) {}
