package app.convene.client.google;

import com.google.api.client.googleapis.json.GoogleJsonError;
import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.http.HttpResponseException;
import com.google.api.client.util.BackOff;
import com.google.api.client.util.ExponentialBackOff;
import com.google.api.client.util.Sleeper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs one Google request again, after the library's {@link ExponentialBackOff}, while Google
 * answers 429, 5xx (not 501) or 403 with a rate-limit reason. Network failures are not retried:
 * they fail at once, and the periodic sync tries later.
 *
 * <p>Why not the library's {@code HttpBackOffUnsuccessfulResponseHandler}: a rate-limit 403 can
 * only be told apart from a permission 403 by its JSON body, which that handler cannot read without
 * consuming it. Blocks the calling thread while it waits; thread-safe.
 */
final class Retry {
  private static final Set<String> RATE_LIMIT_REASONS =
      Set.of("rateLimitExceeded", "userRateLimitExceeded", "quotaExceeded");

  /** One request; throws what the library throws. */
  interface Call<T> {
    T execute() throws IOException;
  }

  private final Supplier<BackOff> backOffs;
  private final Sleeper sleeper;
  private final int maxAttempts;
  private final AtomicInteger attempts = new AtomicInteger();

  Retry(Supplier<BackOff> backOffs, Sleeper sleeper, int maxAttempts) {
    this.backOffs = Objects.requireNonNull(backOffs, "backOffs == null");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper == null");
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts < 1: " + maxAttempts);
    }
    this.maxAttempts = maxAttempts;
  }

  /** 1 s, 2 s, 4 s ... up to 16 s apart, at most 6 tries and one minute. */
  static Retry standard() {
    return new Retry(
        () ->
            new ExponentialBackOff.Builder()
                .setInitialIntervalMillis(1_000)
                .setMaxIntervalMillis(16_000)
                .setMaxElapsedTimeMillis(60_000)
                .build(),
        Sleeper.DEFAULT,
        6);
  }

  <T> T run(Call<T> call) throws IOException {
    BackOff backOff = null;
    for (int attempt = 1; ; attempt++) {
      attempts.incrementAndGet();
      try {
        return call.execute();
      } catch (HttpResponseException e) {
        if (!isRetryable(e) || attempt >= maxAttempts) {
          throw e;
        }
        if (backOff == null) {
          backOff = backOffs.get();
        }
        long wait = backOff.nextBackOffMillis();
        if (wait == BackOff.STOP) {
          throw e;
        }
        sleep(wait);
      }
    }
  }

  /** Requests sent so far, retries included. */
  int attempts() {
    return attempts.get();
  }

  static boolean isRetryable(HttpResponseException e) {
    int code = e.getStatusCode();
    if (code == 429 || (code >= 500 && code != 501)) {
      return true;
    }
    return code == 403 && rateLimited(e);
  }

  private static boolean rateLimited(HttpResponseException e) {
    if (!(e instanceof GoogleJsonResponseException json) || json.getDetails() == null) {
      return false;
    }
    if (json.getDetails().getErrors() == null) {
      return false;
    }
    for (GoogleJsonError.ErrorInfo info : json.getDetails().getErrors()) {
      if (RATE_LIMIT_REASONS.contains(info.getReason())) {
        return true;
      }
    }
    return false;
  }

  private void sleep(long millis) throws InterruptedIOException {
    try {
      sleeper.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      InterruptedIOException io = new InterruptedIOException("interrupted while backing off");
      io.initCause(e);
      throw io;
    }
  }
}
