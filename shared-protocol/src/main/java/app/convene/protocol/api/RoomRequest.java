package app.convene.protocol.api;

/** {@code POST /api/rooms}: a room; {@code maxUsers} {@code null} means the default, 10. */
public record RoomRequest(String name, Integer maxUsers) {}
