package app.convene.server.auth;

import app.convene.server.SettingChecks;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The secret that signs the server's tokens, and how long they live.
 *
 * @param secret the HS256 secret that signs access, resume and verification tokens (at least
 *     {@value #MIN_SECRET_BYTES} bytes), or {@code null} to use one generated on first start into
 *     the data folder (see {@link TokenSecret}); never logged
 * @param accessTokenTtl how long an access token is valid
 * @param resumeTokenTtl how long a resume token handed out in {@code joined} stays valid (it also
 *     lets a participant back into a room rebuilt after a server restart)
 */
public record TokenSettings(String secret, Duration accessTokenTtl, Duration resumeTokenTtl) {
  public static final int MIN_SECRET_BYTES = 32;

  /** A generated secret, 15 min access tokens, 12 h resume tokens. */
  public static final TokenSettings DEFAULT =
      new TokenSettings(null, Duration.ofMinutes(15), Duration.ofHours(12));

  public TokenSettings {
    if (secret != null && !isLongEnough(secret)) {
      throw new IllegalArgumentException(
          "the token secret must have at least " + MIN_SECRET_BYTES + " bytes; use null to"
              + " generate one");
    }
    SettingChecks.positive("accessTokenTtl", accessTokenTtl);
    SettingChecks.positive("resumeTokenTtl", resumeTokenTtl);
  }

  /** Whether a secret has the {@value #MIN_SECRET_BYTES} bytes HS256 needs. */
  public static boolean isLongEnough(String secret) {
    return secret.getBytes(StandardCharsets.UTF_8).length >= MIN_SECRET_BYTES;
  }

  public TokenSettings withSecret(String secret) {
    return new TokenSettings(secret, accessTokenTtl, resumeTokenTtl);
  }

  public TokenSettings withAccessTokenTtl(Duration accessTokenTtl) {
    return new TokenSettings(secret, accessTokenTtl, resumeTokenTtl);
  }

  public TokenSettings withResumeTokenTtl(Duration resumeTokenTtl) {
    return new TokenSettings(secret, accessTokenTtl, resumeTokenTtl);
  }

  /** Like the record's own, but never shows the secret. */
  @Override
  public String toString() {
    return "TokenSettings[secret=" + (secret == null ? "generated" : "(hidden)")
        + ", accessTokenTtl=" + accessTokenTtl + ", resumeTokenTtl=" + resumeTokenTtl + "]";
  }
}
