package app.convene.protocol.api;

/** {@code POST /api/rooms}: a room; {@code maxUsers} {@code null} means the server's default (8 unless {@code --max-peers} says otherwise). */
public record RoomRequest(String name, Integer maxUsers) {}
