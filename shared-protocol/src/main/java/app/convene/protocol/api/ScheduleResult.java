package app.convene.protocol.api;

/** The answer to a {@link ScheduleRequest}; {@code room} is {@code null} for a Google meeting. */
public record ScheduleResult(EventView event, RoomView room) {}
