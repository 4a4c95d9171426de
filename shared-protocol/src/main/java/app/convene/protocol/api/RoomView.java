package app.convene.protocol.api;

import java.time.Instant;

/**
 * A video room.
 *
 * @param inviteToken lets anyone who holds it join the room's call; shown to the host only,
 *     {@code null} for everyone else
 * @param locked whether the host locked the room: nobody but the host joins its call now
 */
public record RoomView(
    String id,
    String name,
    UserView host,
    boolean active,
    int maxUsers,
    String inviteToken,
    Instant lastActiveAt,
    boolean locked) {

  /** A room that is not locked; the shape of the view before rooms could be locked. */
  public RoomView(String id, String name, UserView host, boolean active, int maxUsers,
      String inviteToken, Instant lastActiveAt) {
    this(id, name, host, active, maxUsers, inviteToken, lastActiveAt, false);
  }
}
