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

/**
 * Issues and checks access tokens: JWTs signed with HS256, subject = the user's id, issuer {@value
 * #ISSUER}, valid for the configured time from issue (whole seconds). A token is accepted only
 * with exactly that algorithm, a valid signature, that issuer, a UUID subject and an expiry after
 * now by the injected clock.
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

  private final MACSigner signer;
  private final MACVerifier verifier;
  private final Duration ttl;
  private final Clock clock;

  AccessTokens(byte[] secret, Duration ttl, Clock clock) {
    Objects.requireNonNull(secret, "secret == null");
    this.ttl = Objects.requireNonNull(ttl, "ttl == null");
    this.clock = Objects.requireNonNull(clock, "clock == null");
    try {
      this.signer = new MACSigner(secret);
      this.verifier = new MACVerifier(secret);
    } catch (JOSEException e) {
      throw new IllegalArgumentException("the token secret is too short for HS256", e);
    }
  }

  Issued issue(UUID userId) {
    return issue(userId, null);
  }

  /** A token of the user in this sign-in session ({@code sid}), or of none when null. */
  Issued issue(UUID userId, String session) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    Instant expires = now.plus(ttl);
    JWTClaimsSet claims = new JWTClaimsSet.Builder()
        .issuer(ISSUER)
        .subject(userId.toString())
        .issueTime(Date.from(now))
        .expirationTime(Date.from(expires))
        .jwtID(UUID.randomUUID().toString())
        .claim(SESSION_CLAIM, session)
        .build();
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign an access token", e);
    }
    return new Issued(jwt.serialize(), expires);
  }

  /** The user id of a valid token; empty for anything else. */
  Optional<UUID> verify(String token) {
    return verifySession(token).map(Verified::userId);
  }

  /** The user and sign-in session of a valid token; empty for anything else. */
  Optional<Verified> verifySession(String token) {
    Objects.requireNonNull(token, "token == null");
    try {
      SignedJWT jwt = SignedJWT.parse(token);
      if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(verifier)) {
        return Optional.empty();
      }
      JWTClaimsSet claims = jwt.getJWTClaimsSet();
      Date expires = claims.getExpirationTime();
      if (!ISSUER.equals(claims.getIssuer()) || expires == null
          || !expires.toInstant().isAfter(clock.instant()) || claims.getSubject() == null) {
        return Optional.empty();
      }
      Object session = claims.getClaim(SESSION_CLAIM);
      return Optional.of(new Verified(UUID.fromString(claims.getSubject()),
          session instanceof String s ? s : null));
    } catch (ParseException | JOSEException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
