package app.convene.protocol.api;

import java.time.Instant;

/**
 * A video room.
 *
 * @param inviteToken lets anyone who holds it join the room's call; shown to the host only,
 *     {@code null} for everyone else
 */
public record RoomView(
    String id,
    String name,
    UserView host,
    boolean active,
    int maxUsers,
    String inviteToken,
    Instant lastActiveAt) {}
