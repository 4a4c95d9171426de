package app.convene.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signed tokens of e-mail verification links: JWTs (HS256) naming the account and the address
 * the link was mailed to, valid for a set time (see {@link SignedTokens}). They are signed with a
 * key derived from the token secret for this purpose alone, so an access token is never a
 * verification token nor the other way round, and a token stops counting once the account's
 * address changes.
 *
 * <p>Thread-safe; immutable.
 */
final class VerificationTokens {
  static final String ISSUER = "convene-email-verification";
  private static final String EMAIL_CLAIM = "email";

  /** Whose address a valid token verifies. */
  record Claim(UUID userId, String email) {}

  private final SignedTokens tokens;

  VerificationTokens(byte[] secret, Duration ttl, Clock clock) {
    this.tokens = new SignedTokens(ISSUER, derive(secret), ttl, clock);
  }

  String issue(UUID userId, String email) {
    return tokens.sign(userId, claims -> claims.claim(EMAIL_CLAIM, email)).token();
  }

  /** The account and address of a valid, unexpired token; empty for anything else. */
  Optional<Claim> verify(String token) {
    return tokens.verify(token)
        .filter(valid -> valid.claims().getClaim(EMAIL_CLAIM) instanceof String)
        .map(valid -> new Claim(valid.userId(), (String) valid.claims().getClaim(EMAIL_CLAIM)));
  }

  private static byte[] derive(byte[] secret) {
    Objects.requireNonNull(secret, "secret == null");
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return mac.doFinal(ISSUER.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing", e);
    }
  }
}
