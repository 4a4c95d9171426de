package app.convene.client.signaling;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Delays between reconnection attempts: exponential, capped, with "equal jitter" (each delay is
 * uniformly random between half and all of {@code min(max, initial × 2^attempt)}), so that the
 * clients of a restarted server do not all come back in the same instant, and the first attempt
 * still comes quickly.
 *
 * @param initial the delay before the first attempt (at most; half of it at least)
 * @param max the cap
 */
public record Backoff(Duration initial, Duration max) {
  /** 0.25 s doubling to 5 s. */
  public static final Backoff DEFAULT = new Backoff(Duration.ofMillis(250), Duration.ofSeconds(5));

  public Backoff {
    Objects.requireNonNull(initial, "initial == null");
    Objects.requireNonNull(max, "max == null");
    if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
      throw new IllegalArgumentException("need 0 < initial <= max: " + initial + ", " + max);
    }
  }

  /**
   * The delay before attempt number {@code attempt} (0 for the first after a drop).
   *
   * @param random the source of jitter
   */
  public Duration delay(int attempt, RandomGenerator random) {
    if (attempt < 0) {
      throw new IllegalArgumentException("attempt < 0: " + attempt);
    }
    long cap = max.toMillis();
    long base = initial.toMillis() << Math.min(attempt, 30);
    long ceiling = base <= 0 || base > cap ? cap : base;
    return Duration.ofMillis(ceiling / 2 + random.nextLong(ceiling / 2 + 1));
  }
}
