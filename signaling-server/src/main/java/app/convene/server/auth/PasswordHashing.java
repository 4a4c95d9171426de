package app.convene.server.auth;

import app.convene.server.SettingChecks;
import java.time.Duration;
import java.util.Objects;

/**
 * How many Argon2id password hashes may run at once, and how requests that find them all busy
 * are treated (see {@link HashingGate}).
 *
 * @param concurrency hashes at once; 0 sizes it from the heap and the processors
 * @param maxWait how long a request waits for its turn before it is answered 503; zero answers
 *     at once
 * @param maxWaiting how many requests may wait at once; more are answered 503 at once, so that
 *     waiting sign-ins cannot hold every request thread; 0 for {@value #WAITING_PER_HASH} per
 *     concurrent hash
 */
public record PasswordHashing(int concurrency, Duration maxWait, int maxWaiting) {
  public static final int MAX_CONCURRENCY = 1_000;
  public static final int MAX_WAITING = 100_000;
  public static final Duration MAX_WAIT = Duration.ofMinutes(1);
  static final int WAITING_PER_HASH = 8;
  /** Sized from the heap, a 2-second wait, 8 waiting per concurrent hash (declared after the
   *  bounds its constructor checks against). */
  public static final PasswordHashing DEFAULT = new PasswordHashing(0, Duration.ofSeconds(2), 0);

  public PasswordHashing {
    SettingChecks.inRange("concurrency", concurrency, 0, MAX_CONCURRENCY);
    Objects.requireNonNull(maxWait, "maxWait == null");
    if (maxWait.isNegative() || maxWait.compareTo(MAX_WAIT) > 0) {
      throw new IllegalArgumentException("maxWait must be between 0 and " + MAX_WAIT + ": "
          + maxWait);
    }
    SettingChecks.inRange("maxWaiting", maxWaiting, 0, MAX_WAITING);
  }
}
