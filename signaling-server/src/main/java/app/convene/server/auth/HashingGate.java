package app.convene.server.auth;

import app.convene.server.http.ApiException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Bounds the memory password hashing takes: every Argon2id hash holds {@value
 * PasswordHasher#MEMORY_KIB} KiB of the heap while it runs, so a flood of sign-ins once took the
 * whole heap and the server with it. At most {@link #concurrency()} hashes run at once; a request
 * waits up to {@link #maxWait()} for its turn (at most {@link #maxWaiting()} requests wait, so
 * that they cannot hold every request thread), and is otherwise answered 503 {@code server_busy}
 * with {@code Retry-After}.
 *
 * <p>The automatic concurrency leaves a quarter of the heap (at least {@value #RESERVED_MIB} MiB)
 * to everything else and counts {@value #MIB_PER_HASH} MiB a hash (the 19 MiB of blocks, Bouncy
 * Castle's object per 1 KiB block, and garbage not yet collected); and it is at most two hashes
 * per processor, as more would only share the same cores and make every sign-in slower.
 *
 * <p>Thread-safe; {@link #run} blocks the calling request thread.
 */
final class HashingGate {
  static final int MIB_PER_HASH = 24;
  static final int RESERVED_MIB = 256;
  private static final long MIB = 1024 * 1024;

  private final Semaphore permits;
  private final AtomicInteger waiting = new AtomicInteger();
  private final int concurrency;
  private final int maxWaiting;
  private final Duration maxWait;
  private final long retryAfterSeconds;

  /**
   * @param maxHeapBytes {@link Runtime#maxMemory()}
   * @param processors {@link Runtime#availableProcessors()}
   */
  HashingGate(PasswordHashing settings, long maxHeapBytes, int processors) {
    Objects.requireNonNull(settings, "settings == null");
    concurrency = settings.concurrency() > 0 ? settings.concurrency()
        : automaticConcurrency(maxHeapBytes, processors);
    maxWaiting = settings.maxWaiting() > 0 ? settings.maxWaiting()
        : concurrency * PasswordHashing.WAITING_PER_HASH;
    maxWait = settings.maxWait();
    retryAfterSeconds = Math.max(1, (maxWait.toMillis() + 999) / 1000);
    permits = new Semaphore(concurrency, true);
  }

  /** At most two per processor, and no more than the heap holds beside everything else. */
  static int automaticConcurrency(long maxHeapBytes, int processors) {
    long reserved = Math.max(RESERVED_MIB * MIB, maxHeapBytes / 4);
    long byMemory = (maxHeapBytes - reserved) / (MIB_PER_HASH * MIB);
    return (int) Math.max(1, Math.min(byMemory, 2L * Math.max(1, processors)));
  }

  int concurrency() {
    return concurrency;
  }

  int maxWaiting() {
    return maxWaiting;
  }

  Duration maxWait() {
    return maxWait;
  }

  /**
   * Runs the hashing when a permit is free within {@link #maxWait()}.
   *
   * @throws ApiException 503 {@code server_busy} with a Retry-After of the wait, rounded up
   */
  <T> T run(Supplier<T> hashing) {
    if (!permits.tryAcquire()) {
      if (waiting.incrementAndGet() > maxWaiting) {
        waiting.decrementAndGet();
        throw busy();
      }
      try {
        if (!permits.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS)) {
          throw busy();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw busy();
      } finally {
        waiting.decrementAndGet();
      }
    }
    try {
      return hashing.get();
    } finally {
      permits.release();
    }
  }

  private ApiException busy() {
    return ApiException.busy("the server is busy signing in other users; try again in "
        + retryAfterSeconds + (retryAfterSeconds == 1 ? " second" : " seconds"), retryAfterSeconds);
  }
}
