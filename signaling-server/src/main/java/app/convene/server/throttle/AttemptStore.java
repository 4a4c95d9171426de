package app.convene.server.throttle;

import java.time.Duration;
import java.util.Optional;

/**
 * Where attempt counters live: in this process ({@link LocalAttempts}) or in Redis ({@link
 * RedisAttempts}) to share them between servers. Thread-safe; may block briefly on the network.
 */
interface AttemptStore extends AutoCloseable {
  /** A key's count of attempts and when the last was made (epoch milliseconds). */
  record Attempts(int count, long lastMillis) {}

  /** Counts one more attempt at {@code nowMillis}; the counter is forgotten {@code window} later. */
  Attempts add(String key, long nowMillis, Duration window);

  /** The key's counter, if it is remembered. */
  Optional<Attempts> get(String key, long nowMillis);

  /** Forgets the key's counter. */
  void reset(String key);

  @Override
  void close();
}
