package app.convene.server.ice;

import app.convene.protocol.IceServer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Hands each peer the ICE servers to use, with short-lived TURN credentials when a TURN secret is
 * configured.
 *
 * <p>The credentials follow the TURN REST API scheme that coturn supports with {@code
 * use-auth-secret} / {@code static-auth-secret}: the user name is {@code <expiry>:<peerId>}, where
 * {@code expiry} is a Unix time in seconds, and the credential is {@code
 * Base64(HMAC-SHA1(secret, username))}. The TURN server recomputes the credential from the shared
 * secret and refuses it after the expiry, so no static password ever reaches a client.
 *
 * <p>Thread-safe; immutable.
 */
public final class IceServerIssuer {
  private static final String HMAC = "HmacSHA1";

  private final List<IceServer> servers;
  private final SecretKeySpec secret;
  private final Duration ttl;
  private final Clock clock;

  /**
   * @param servers the configured STUN and TURN servers, handed out in this order
   * @param turnSecret the secret shared with the TURN server, or {@code null} to hand the TURN
   *     entries out as configured
   * @param ttl how long issued TURN credentials stay valid
   * @param clock the source of the current time
   */
  public IceServerIssuer(List<IceServer> servers, String turnSecret, Duration ttl, Clock clock) {
    this.servers = List.copyOf(Objects.requireNonNull(servers, "servers == null"));
    this.secret =
        turnSecret == null
            ? null
            : new SecretKeySpec(turnSecret.getBytes(StandardCharsets.UTF_8), HMAC);
    this.ttl = Objects.requireNonNull(ttl, "ttl == null");
    this.clock = Objects.requireNonNull(clock, "clock == null");
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("ttl must be positive: " + ttl);
    }
  }

  /**
   * The ICE servers for one peer: the configured list, where every TURN entry without its own user
   * name carries credentials for this peer when a secret is set.
   */
  public List<IceServer> issueFor(String peerId) {
    Objects.requireNonNull(peerId, "peerId == null");
    if (secret == null) {
      return servers;
    }
    long expiry = clock.instant().plus(ttl).getEpochSecond();
    String username = expiry + ":" + peerId;
    String credential = credential(username);
    return servers.stream()
        .map(s -> isTurn(s) && s.username() == null ? new IceServer(s.urls(), username, credential) : s)
        .toList();
  }

  /** Whether {@link #issueFor} signs fresh TURN credentials (a TURN secret is configured). */
  public boolean issuesCredentials() {
    return secret != null && servers.stream().anyMatch(s -> isTurn(s) && s.username() == null);
  }

  /** Whether any of the server's URLs is a {@code turn:} or {@code turns:} URL. */
  public static boolean isTurn(IceServer server) {
    return server.urls().stream().anyMatch(u -> u.startsWith("turn:") || u.startsWith("turns:"));
  }

  private String credential(String username) {
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(secret);
      byte[] digest = mac.doFinal(username.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA1 is not available", e);
    }
  }
}
