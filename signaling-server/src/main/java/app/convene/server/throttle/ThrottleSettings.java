package app.convene.server.throttle;

import app.convene.server.SettingChecks;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The limits against guessing and flooding (docs/server.md, "Throttling and sessions"): how many
 * failures an account and a client address get for free, how the wait grows after them, where the
 * counters live, which proxies may name the client, and the session limits of refresh tokens and
 * sockets.
 *
 * @param accountFailures failed attempts on one account (sign-in, invite token) before each
 *     further attempt must wait
 * @param addressFailures failed attempts from one client address, across accounts, before it
 *     must wait
 * @param attemptsPerWindow attempts of the actions counted whether they succeed or not
 *     (registration, room creation) per account or address before they must wait
 * @param baseDelay the first wait; it doubles with every further failure
 * @param maxDelay the longest wait
 * @param window how long a counter is remembered after its last attempt; a success resets an
 *     account's counter at once
 * @param redisUri a {@code redis://} or {@code rediss://} URI to share the counters between
 *     servers, or {@code null} to keep them in this process
 * @param redisKeyPrefix the prefix of every key written to Redis
 * @param trustedProxies the addresses of reverse proxies whose {@code X-Forwarded-For} names the
 *     client; empty to take the socket's remote address always
 * @param refreshGrace how long after a refresh the spent token may be used once more, by a
 *     client whose refresh response was lost; zero for never
 * @param maxSocketsPerAccount how many signaling sockets one account may hold open at once
 */
public record ThrottleSettings(
    int accountFailures,
    int addressFailures,
    int attemptsPerWindow,
    Duration baseDelay,
    Duration maxDelay,
    Duration window,
    String redisUri,
    String redisKeyPrefix,
    List<String> trustedProxies,
    Duration refreshGrace,
    int maxSocketsPerAccount) {

  /** 5 account and 20 address failures, 30 attempts, 1 s doubling to 15 min, 1 h memory, in
   * process, no trusted proxy, 30 s refresh grace, 20 sockets an account. */
  public static final ThrottleSettings DEFAULT = new ThrottleSettings(5, 20, 30,
      Duration.ofSeconds(1), Duration.ofMinutes(15), Duration.ofHours(1), null,
      "convene:throttle:", List.of(), Duration.ofSeconds(30), 20);

  static final int MAX_COUNT = 1_000_000;

  public ThrottleSettings {
    SettingChecks.inRange("accountFailures", accountFailures, 1, MAX_COUNT);
    SettingChecks.inRange("addressFailures", addressFailures, 1, MAX_COUNT);
    SettingChecks.inRange("attemptsPerWindow", attemptsPerWindow, 1, MAX_COUNT);
    SettingChecks.positive("baseDelay", baseDelay);
    SettingChecks.positive("maxDelay", maxDelay);
    SettingChecks.positive("window", window);
    if (maxDelay.compareTo(baseDelay) < 0) {
      throw new IllegalArgumentException("maxDelay is shorter than baseDelay");
    }
    if (redisUri != null && !redisUri.startsWith("redis://") && !redisUri.startsWith("rediss://")) {
      throw new IllegalArgumentException("redisUri must start with redis:// or rediss://");
    }
    Objects.requireNonNull(redisKeyPrefix, "redisKeyPrefix == null");
    trustedProxies = List.copyOf(Objects.requireNonNull(trustedProxies, "trustedProxies == null"));
    SettingChecks.notNegative("refreshGrace", refreshGrace);
    SettingChecks.inRange("maxSocketsPerAccount", maxSocketsPerAccount, 1, MAX_COUNT);
  }

  public ThrottleSettings withAccountFailures(int n) {
    return new ThrottleSettings(n, addressFailures, attemptsPerWindow, baseDelay, maxDelay, window,
        redisUri, redisKeyPrefix, trustedProxies, refreshGrace, maxSocketsPerAccount);
  }

  public ThrottleSettings withAddressFailures(int n) {
    return new ThrottleSettings(accountFailures, n, attemptsPerWindow, baseDelay, maxDelay, window,
        redisUri, redisKeyPrefix, trustedProxies, refreshGrace, maxSocketsPerAccount);
  }

  public ThrottleSettings withAttemptsPerWindow(int n) {
    return new ThrottleSettings(accountFailures, addressFailures, n, baseDelay, maxDelay, window,
        redisUri, redisKeyPrefix, trustedProxies, refreshGrace, maxSocketsPerAccount);
  }

  public ThrottleSettings withDelays(Duration base, Duration max) {
    return new ThrottleSettings(accountFailures, addressFailures, attemptsPerWindow, base, max,
        window, redisUri, redisKeyPrefix, trustedProxies, refreshGrace, maxSocketsPerAccount);
  }

  public ThrottleSettings withRedis(String uri, String keyPrefix) {
    return new ThrottleSettings(accountFailures, addressFailures, attemptsPerWindow, baseDelay,
        maxDelay, window, uri, keyPrefix, trustedProxies, refreshGrace, maxSocketsPerAccount);
  }

  public ThrottleSettings withTrustedProxies(List<String> proxies) {
    return new ThrottleSettings(accountFailures, addressFailures, attemptsPerWindow, baseDelay,
        maxDelay, window, redisUri, redisKeyPrefix, proxies, refreshGrace, maxSocketsPerAccount);
  }

  public ThrottleSettings withRefreshGrace(Duration grace) {
    return new ThrottleSettings(accountFailures, addressFailures, attemptsPerWindow, baseDelay,
        maxDelay, window, redisUri, redisKeyPrefix, trustedProxies, grace, maxSocketsPerAccount);
  }

  public ThrottleSettings withMaxSocketsPerAccount(int n) {
    return new ThrottleSettings(accountFailures, addressFailures, attemptsPerWindow, baseDelay,
        maxDelay, window, redisUri, redisKeyPrefix, trustedProxies, refreshGrace, n);
  }

  /** The wait after {@code count} attempts when {@code free} are allowed; zero within them. */
  Duration delayAfter(int count, int free) {
    if (count <= free) {
      return Duration.ZERO;
    }
    int doublings = Math.min(count - free - 1, 40);
    long millis = baseDelay.toMillis() << Math.min(doublings, 62 - 10);
    if (millis <= 0 || millis > maxDelay.toMillis() || doublings >= 40) {
      return maxDelay;
    }
    return Duration.ofMillis(millis);
  }

  @Override
  public String toString() {
    return "ThrottleSettings[accountFailures=" + accountFailures + ", addressFailures="
        + addressFailures + ", attemptsPerWindow=" + attemptsPerWindow + ", baseDelay=" + baseDelay
        + ", maxDelay=" + maxDelay + ", window=" + window + ", redis="
        + (redisUri == null ? "none" : "(configured)") + ", trustedProxies=" + trustedProxies
        + ", refreshGrace=" + refreshGrace + ", maxSocketsPerAccount=" + maxSocketsPerAccount + "]";
  }
}
