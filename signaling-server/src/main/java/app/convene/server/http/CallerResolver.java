package app.convene.server.http;

import java.util.Optional;

/** Finds the user an access token belongs to; empty for a missing, expired or forged token. */
@FunctionalInterface
public interface CallerResolver {
  /**
   * Called on a Jetty thread; may block on the database.
   *
   * @param accessToken the token as sent, never {@code null}
   */
  Optional<Caller> resolve(String accessToken);
}
