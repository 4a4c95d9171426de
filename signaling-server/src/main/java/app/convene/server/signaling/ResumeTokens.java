package app.convene.server.signaling;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Issues and checks resume tokens: what a participant sends in {@code join.resume} to come back
 * to its room with the same peer id, also to a server that restarted in between and so knows
 * nothing of the room.
 *
 * <p>A token is {@code v1.<payload>.<mac>}, both Base64url without padding; the payload is
 * {@code user|peer|expiry|instance|room} (expiry in Unix seconds; {@code instance} names the
 * server process that issued it, so that a server can tell its own tokens from those of the
 * process before a restart), and the MAC is HMAC-SHA256 over the payload with a key derived from
 * the server's persistent token secret. The token is opaque to clients.
 *
 * <p>Thread-safe; immutable.
 */
public final class ResumeTokens {
  private static final String PREFIX = "v1.";
  private static final String ALGORITHM = "HmacSHA256";
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  /** What a valid token says. */
  record Claims(UUID userId, String peerId, Instant expiresAt, String instance, String roomId) {}

  private final SecretKeySpec key;
  private final Duration ttl;
  private final Clock clock;
  private final String instance;

  /**
   * @param secret the server's token secret (see {@code TokenSecret}); the MAC key is derived
   *     from it, so a resume token is never a valid access token or the other way round
   * @param ttl how long an issued token stays valid
   */
  public ResumeTokens(byte[] secret, Duration ttl, Clock clock) {
    Objects.requireNonNull(secret, "secret == null");
    this.ttl = Objects.requireNonNull(ttl, "ttl == null");
    this.clock = Objects.requireNonNull(clock, "clock == null");
    this.key = new SecretKeySpec(mac(new SecretKeySpec(secret, ALGORITHM),
        "convene resume token v1".getBytes(StandardCharsets.UTF_8)), ALGORITHM);
    byte[] nonce = new byte[8];
    new SecureRandom().nextBytes(nonce);
    this.instance = HexFormat.of().formatHex(nonce);
  }

  /** The id of this server process, as written into its tokens. */
  String instance() {
    return instance;
  }

  String issue(UUID userId, String roomId, String peerId) {
    long expiry = clock.instant().plus(ttl).getEpochSecond();
    String payload = userId + "|" + peerId + "|" + expiry + "|" + instance + "|" + roomId;
    byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
    return PREFIX + ENCODER.encodeToString(bytes) + "." + ENCODER.encodeToString(mac(key, bytes));
  }

  /**
   * The claims of a token this server's secret signed, expired or not (the caller checks {@link
   * #expired}); empty for anything else.
   */
  Optional<Claims> read(String token) {
    Objects.requireNonNull(token, "token == null");
    if (!token.startsWith(PREFIX)) {
      return Optional.empty();
    }
    String[] parts = token.substring(PREFIX.length()).split("\\.", -1);
    if (parts.length != 2) {
      return Optional.empty();
    }
    try {
      byte[] payload = DECODER.decode(parts[0]);
      byte[] given = DECODER.decode(parts[1]);
      if (!MessageDigest.isEqual(mac(key, payload), given)) {
        return Optional.empty();
      }
      String[] fields = new String(payload, StandardCharsets.UTF_8).split("\\|", 5);
      if (fields.length != 5) {
        return Optional.empty();
      }
      return Optional.of(new Claims(UUID.fromString(fields[0]), fields[1],
          Instant.ofEpochSecond(Long.parseLong(fields[2])), fields[3], fields[4]));
    } catch (IllegalArgumentException e) { // bad Base64, UUID or number
      return Optional.empty();
    }
  }

  /** Whether the token's expiry has passed by this server's clock. */
  boolean expired(Claims claims) {
    return !claims.expiresAt().isAfter(clock.instant());
  }

  private static byte[] mac(SecretKeySpec key, byte[] data) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }
}
