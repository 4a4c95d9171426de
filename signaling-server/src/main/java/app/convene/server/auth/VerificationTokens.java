package app.convene.server.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signed tokens of e-mail verification links: JWTs (HS256) naming the account and the address
 * the link was mailed to, valid for a set time. They are signed with a key derived from the token
 * secret for this purpose alone, so an access token is never a verification token nor the other
 * way round, and a token stops counting once the account's address changes.
 *
 * <p>Thread-safe; immutable.
 */
final class VerificationTokens {
  static final String ISSUER = "convene-email-verification";

  /** Whose address a valid token verifies. */
  record Claim(UUID userId, String email) {}

  private final MACSigner signer;
  private final MACVerifier verifier;
  private final Duration ttl;
  private final Clock clock;

  VerificationTokens(byte[] secret, Duration ttl, Clock clock) {
    Objects.requireNonNull(secret, "secret == null");
    this.ttl = Objects.requireNonNull(ttl, "ttl == null");
    this.clock = Objects.requireNonNull(clock, "clock == null");
    byte[] key = derive(secret);
    try {
      this.signer = new MACSigner(key);
      this.verifier = new MACVerifier(key);
    } catch (JOSEException e) {
      throw new IllegalArgumentException("the derived key is too short for HS256", e);
    }
  }

  String issue(UUID userId, String email) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    JWTClaimsSet claims = new JWTClaimsSet.Builder()
        .issuer(ISSUER)
        .subject(userId.toString())
        .claim("email", email)
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plus(ttl)))
        .build();
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign a verification token", e);
    }
    return jwt.serialize();
  }

  /** The account and address of a valid, unexpired token; empty for anything else. */
  Optional<Claim> verify(String token) {
    Objects.requireNonNull(token, "token == null");
    try {
      SignedJWT jwt = SignedJWT.parse(token);
      if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(verifier)) {
        return Optional.empty();
      }
      JWTClaimsSet claims = jwt.getJWTClaimsSet();
      Date expires = claims.getExpirationTime();
      String email = claims.getStringClaim("email");
      if (!ISSUER.equals(claims.getIssuer()) || expires == null
          || !expires.toInstant().isAfter(clock.instant()) || claims.getSubject() == null
          || email == null) {
        return Optional.empty();
      }
      return Optional.of(new Claim(UUID.fromString(claims.getSubject()), email));
    } catch (ParseException | JOSEException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static byte[] derive(byte[] secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return mac.doFinal(ISSUER.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing", e);
    }
  }
}
