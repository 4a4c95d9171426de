package app.convene.server.auth;

import java.util.UUID;

/**
 * Hears that sign-in sessions ended (sign-out, password change, a reused refresh token), to close
 * their live sockets. Called on the request thread after the change is committed; must not block.
 */
@FunctionalInterface
public interface SessionEnds {
  SessionEnds NONE = (userId, session, reason) -> {};

  /**
   * @param session the sign-in session (refresh token family) that ended, or {@code null} for
   *     every session of the user
   * @param reason for the socket's close frame, in words a user understands
   */
  void ended(UUID userId, String session, String reason);
}
