package app.convene.server.throttle;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Attempt counters in this process. A counter is forgotten once its window has passed; when more
 * than {@value #SWEEP_AT} keys are held, the forgotten ones are swept out, so an attacker who
 * varies addresses and accounts costs memory only for a window.
 */
final class LocalAttempts implements AttemptStore {
  static final int SWEEP_AT = 100_000;

  private record Entry(Attempts attempts, long expiresMillis) {}

  private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

  @Override
  public Attempts add(String key, long nowMillis, Duration window) {
    if (entries.size() > SWEEP_AT) {
      entries.values().removeIf(e -> e.expiresMillis() <= nowMillis);
    }
    return entries.compute(key, (k, current) -> {
      int count = current == null || current.expiresMillis() <= nowMillis
          ? 1 : current.attempts().count() + 1;
      return new Entry(new Attempts(count, nowMillis), nowMillis + window.toMillis());
    }).attempts();
  }

  @Override
  public Optional<Attempts> get(String key, long nowMillis) {
    Entry entry = entries.get(key);
    return entry == null || entry.expiresMillis() <= nowMillis
        ? Optional.empty() : Optional.of(entry.attempts());
  }

  @Override
  public void reset(String key) {
    entries.remove(key);
  }

  @Override
  public void close() {
    entries.clear();
  }
}
