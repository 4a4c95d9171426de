package app.convene.server.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Issues and checks access tokens: JWTs signed with HS256 under the token secret, subject = the
 * user's id, issuer {@value #ISSUER}, a random {@code jti} and the sign-in session as {@value
 * #SESSION_CLAIM}, valid for the configured time from issue; see {@link SignedTokens} for what a
 * valid one is.
 *
 * <p>Thread-safe; immutable.
 */
final class AccessTokens {
  static final String ISSUER = "convene";

  /** An issued token and when it expires. */
  record Issued(String token, Instant expiresAt) {}

  /** A valid token's user, and its sign-in session ({@code sid}), null in tokens without one. */
  record Verified(UUID userId, String session) {}

  /** The claim that names the sign-in session (the refresh token family). */
  static final String SESSION_CLAIM = "sid";

  private final SignedTokens tokens;

  AccessTokens(byte[] secret, Duration ttl, Clock clock) {
    this.tokens = new SignedTokens(ISSUER, secret, ttl, clock);
  }

  Issued issue(UUID userId) {
    return issue(userId, null);
  }

  /** A token of the user in this sign-in session ({@code sid}), or of none when null. */
  Issued issue(UUID userId, String session) {
    SignedTokens.Signed signed = tokens.sign(userId, claims -> claims
        .jwtID(UUID.randomUUID().toString())
        .claim(SESSION_CLAIM, session));
    return new Issued(signed.token(), signed.expiresAt());
  }

  /** The user id of a valid token; empty for anything else. */
  Optional<UUID> verify(String token) {
    return verifySession(token).map(Verified::userId);
  }

  /** The user and sign-in session of a valid token; empty for anything else. */
  Optional<Verified> verifySession(String token) {
    return tokens.verify(token).map(valid -> new Verified(valid.userId(),
        valid.claims().getClaim(SESSION_CLAIM) instanceof String s ? s : null));
  }
}
