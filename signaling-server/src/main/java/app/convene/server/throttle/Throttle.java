package app.convene.server.throttle;

import app.convene.server.http.ApiException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts attempts per account and per client address for each {@link Action}, and refuses an
 * attempt made before its wait is over with 429 {@code too_many_attempts} and a {@code
 * Retry-After}. After the free attempts of {@link ThrottleSettings} the wait is {@code baseDelay}
 * and doubles with every further counted attempt, up to {@code maxDelay}. A refused attempt is not
 * counted, so a client that waits as told is let through. Failures are logged to the {@value
 * #SECURITY_LOGGER} logger with the action, account and address, never a password or token.
 *
 * <p>Thread-safe. Each method may block briefly on Redis when counters are shared; if Redis fails,
 * the attempt is let through and the failure logged (a down Redis must not lock everyone out).
 */
public final class Throttle implements AutoCloseable {
  public static final String SECURITY_LOGGER = "convene.security";

  private static final Logger security = LoggerFactory.getLogger(SECURITY_LOGGER);
  private static final Logger log = LoggerFactory.getLogger(Throttle.class);

  /** What is throttled, and whether every attempt counts or only the failed ones. */
  public enum Action {
    LOGIN(false),
    REFRESH(false),
    INVITE_JOIN(false),
    PASSWORD_CHANGE(false),
    REGISTER(true),
    ROOM_CREATE(true);

    private final boolean everyAttempt;

    Action(boolean everyAttempt) {
      this.everyAttempt = everyAttempt;
    }

    String key() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  private final ThrottleSettings settings;
  private final AttemptStore store;
  private final Clock clock;

  Throttle(ThrottleSettings settings, AttemptStore store, Clock clock) {
    this.settings = Objects.requireNonNull(settings, "settings == null");
    this.store = Objects.requireNonNull(store, "store == null");
    this.clock = Objects.requireNonNull(clock, "clock == null");
  }

  /** A throttle over Redis when {@link ThrottleSettings#redisUri()} is set, else in process. */
  public static Throttle open(ThrottleSettings settings, Clock clock) {
    AttemptStore store = settings.redisUri() == null
        ? new LocalAttempts()
        : new RedisAttempts(settings.redisUri(), settings.redisKeyPrefix());
    return new Throttle(settings, store, clock);
  }

  public ThrottleSettings settings() {
    return settings;
  }

  /**
   * Refuses the attempt with 429 while the account's or the address's wait is not over.
   *
   * @param account the account tried (a normalized e-mail address or a user id), or {@code null}
   * @param address the client address
   */
  public void check(Action action, String account, String address) {
    long now = clock.millis();
    long wait = Math.max(waitMillis(action, accountKey(action, account), accountFree(action), now),
        waitMillis(action, addressKey(action, address), addressFree(action), now));
    if (wait > 0) {
      long seconds = Math.max(1, (wait + 999) / 1000);
      security.atInfo().addKeyValue("action", action.key()).addKeyValue("account", account)
          .addKeyValue("address", address).addKeyValue("retryAfterSeconds", seconds)
          .log("attempt refused: too many attempts");
      throw ApiException.tooManyAttempts(
          "too many attempts; wait " + seconds + " seconds before trying again", seconds);
    }
  }

  /** Counts a failed attempt on the account and the address and logs it as a security event. */
  public void failed(Action action, String account, String address, String reason) {
    int count = count(action, account, address);
    security.atWarn().addKeyValue("action", action.key()).addKeyValue("account", account)
        .addKeyValue("address", address).addKeyValue("reason", reason)
        .addKeyValue("attempts", count).log("failed attempt");
  }

  /**
   * A successful attempt: counted when the action counts every attempt; otherwise the account's
   * counter is reset (the address's is not, so one good account does not clear a spray).
   */
  public void succeeded(Action action, String account, String address) {
    if (action.everyAttempt) {
      count(action, account, address);
      return;
    }
    String key = accountKey(action, account);
    if (key != null) {
      guarded(() -> {
        store.reset(key);
        return null;
      });
    }
  }

  private int count(Action action, String account, String address) {
    long now = clock.millis();
    int most = 0;
    for (String key : new String[] {accountKey(action, account), addressKey(action, address)}) {
      if (key != null) {
        Integer n = guarded(() -> store.add(key, now, settings.window()).count());
        most = Math.max(most, n == null ? 0 : n);
      }
    }
    return most;
  }

  private long waitMillis(Action action, String key, int free, long now) {
    if (key == null) {
      return 0;
    }
    Optional<AttemptStore.Attempts> attempts = guarded(() -> store.get(key, now));
    if (attempts == null || attempts.isEmpty()) {
      return 0;
    }
    Duration delay = settings.delayAfter(attempts.get().count(), free);
    if (delay.isZero()) {
      // Still free. Not last + 0 - now: another request may have counted a failure after this
      // one read the clock, and its later time would turn into a wait of a few milliseconds.
      return 0;
    }
    return attempts.get().lastMillis() + delay.toMillis() - now;
  }

  private int accountFree(Action action) {
    return action.everyAttempt ? settings.attemptsPerWindow() : settings.accountFailures();
  }

  private int addressFree(Action action) {
    return action.everyAttempt ? settings.attemptsPerWindow() : settings.addressFailures();
  }

  private static String accountKey(Action action, String account) {
    return account == null ? null : action.key() + ":account:" + account;
  }

  private static String addressKey(Action action, String address) {
    return address == null ? null : action.key() + ":address:" + address;
  }

  private <T> T guarded(java.util.function.Supplier<T> work) {
    try {
      return work.get();
    } catch (RuntimeException e) {
      log.atError().setCause(e).log("the throttle's store failed; the attempt is let through");
      return null;
    }
  }

  @Override
  public void close() {
    store.close();
  }
}
