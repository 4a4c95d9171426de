package app.convene.server.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * The JWTs of one kind ({@link AccessTokens}, {@link VerificationTokens}): signed with HS256 under
 * one key, naming one issuer and a user id as subject, issued now (whole seconds by the injected
 * clock) and valid for a set time. A token is accepted only with exactly that algorithm, a valid
 * signature, that issuer, a UUID subject and an expiry after now.
 *
 * <p>Thread-safe; immutable.
 */
final class SignedTokens {
  /** A signed token and when it expires. */
  record Signed(String token, Instant expiresAt) {}

  /** The user a valid token names, and all its claims. */
  record Valid(UUID userId, JWTClaimsSet claims) {}

  private final String issuer;
  private final MACSigner signer;
  private final MACVerifier verifier;
  private final Duration ttl;
  private final Clock clock;

  /** @throws IllegalArgumentException when the key is shorter than HS256 needs (32 bytes) */
  SignedTokens(String issuer, byte[] key, Duration ttl, Clock clock) {
    this.issuer = Objects.requireNonNull(issuer, "issuer == null");
    Objects.requireNonNull(key, "key == null");
    this.ttl = Objects.requireNonNull(ttl, "ttl == null");
    this.clock = Objects.requireNonNull(clock, "clock == null");
    try {
      this.signer = new MACSigner(key);
      this.verifier = new MACVerifier(key);
    } catch (JOSEException e) {
      throw new IllegalArgumentException("the key of " + issuer + " tokens is too short for"
          + " HS256", e);
    }
  }

  /** A token of the user, with the claims {@code more} adds to issuer, subject and times. */
  Signed sign(UUID userId, UnaryOperator<JWTClaimsSet.Builder> more) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    Instant expires = now.plus(ttl);
    JWTClaimsSet claims = more.apply(new JWTClaimsSet.Builder()
        .issuer(issuer)
        .subject(userId.toString())
        .issueTime(Date.from(now))
        .expirationTime(Date.from(expires)))
        .build();
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign a token of " + issuer, e);
    }
    return new Signed(jwt.serialize(), expires);
  }

  /** The user and claims of a valid token; empty for anything else. */
  Optional<Valid> verify(String token) {
    Objects.requireNonNull(token, "token == null");
    try {
      SignedJWT jwt = SignedJWT.parse(token);
      if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(verifier)) {
        return Optional.empty();
      }
      JWTClaimsSet claims = jwt.getJWTClaimsSet();
      Date expires = claims.getExpirationTime();
      if (!issuer.equals(claims.getIssuer()) || expires == null
          || !expires.toInstant().isAfter(clock.instant()) || claims.getSubject() == null) {
        return Optional.empty();
      }
      return Optional.of(new Valid(UUID.fromString(claims.getSubject()), claims));
    } catch (ParseException | JOSEException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
