package app.convene.client.google;

import com.google.api.client.googleapis.json.GoogleJsonError;
import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.http.HttpResponseException;
import com.google.api.client.util.BackOff;
import com.google.api.client.util.ExponentialBackOff;
import com.google.api.client.util.Sleeper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs one Google request again, after the library's {@link ExponentialBackOff}, while Google
 * answers 429, 5xx (not 501) or 403 with a rate-limit reason ({@code rateLimitExceeded}, {@code
 * userRateLimitExceeded}). When Google sends {@code Retry-After}, the wait is at least that long;
 * a {@code Retry-After} beyond {@value #MAX_RETRY_AFTER_MILLIS} ms ends the retries. A 403 {@code
 * quotaExceeded} or {@code dailyLimitExceeded} is not retried: the project's quota is used up and
 * waiting a minute does not help (Google says to check the limits in Cloud Console). Network
 * failures are not retried: they fail at once, and the periodic sync tries later.
 *
 * <p>{@link #runSending} is for requests that e-mail attendees ({@code sendUpdates=all}): after a
 * 5xx Google may have carried the change out and sent the e-mails, so it is not sent again; only
 * answers that say the request was refused unread (429, rate-limit 403) are retried.
 *
 * <p>Why not the library's {@code HttpBackOffUnsuccessfulResponseHandler}: a rate-limit 403 can
 * only be told apart from a permission 403 by its JSON body, which that handler cannot read without
 * consuming it. Blocks the calling thread while it waits; thread-safe.
 */
final class Retry {
  private static final Set<String> RATE_LIMIT_REASONS =
      Set.of("rateLimitExceeded", "userRateLimitExceeded");
  private static final Set<String> QUOTA_REASONS = Set.of("quotaExceeded", "dailyLimitExceeded");
  /** A longer {@code Retry-After} is not waited for: the periodic sync comes back later. */
  static final long MAX_RETRY_AFTER_MILLIS = 60_000;

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
    return run(call, true);
  }

  /** Like {@link #run}, but a 5xx is not retried: the request may have been carried out. */
  <T> T runSending(Call<T> call) throws IOException {
    return run(call, false);
  }

  private <T> T run(Call<T> call, boolean retryServerErrors) throws IOException {
    BackOff backOff = null;
    for (int attempt = 1; ; attempt++) {
      attempts.incrementAndGet();
      try {
        return call.execute();
      } catch (HttpResponseException e) {
        if (!isRetryable(e)
            || (!retryServerErrors && e.getStatusCode() >= 500)
            || attempt >= maxAttempts) {
          throw e;
        }
        if (backOff == null) {
          backOff = backOffs.get();
        }
        long wait = backOff.nextBackOffMillis();
        long asked = retryAfterMillis(e);
        if (wait == BackOff.STOP || asked > MAX_RETRY_AFTER_MILLIS) {
          throw e;
        }
        sleep(Math.max(wait, asked));
      }
    }
  }

  /**
   * Google's {@code Retry-After} in milliseconds (seconds or an HTTP date), {@code -1} when absent
   * or unreadable.
   */
  static long retryAfterMillis(HttpResponseException e) {
    Object header = e.getHeaders() == null ? null : e.getHeaders().get("retry-after");
    String value = header instanceof List<?> list && !list.isEmpty()
        ? String.valueOf(list.getFirst()) : header == null ? null : header.toString();
    if (value == null || value.isBlank()) {
      return -1;
    }
    value = value.strip();
    try {
      return Math.max(0, Long.parseLong(value) * 1000);
    } catch (NumberFormatException notSeconds) {
      try {
        Instant at = ZonedDateTime
            .parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        return Math.max(0, at.toEpochMilli() - System.currentTimeMillis());
      } catch (DateTimeParseException notADate) {
        return -1;
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
    return code == 403 && hasReason(e, RATE_LIMIT_REASONS);
  }

  /** A 403 that says the project's quota is used up: retrying does not help. */
  static boolean quotaExceeded(HttpResponseException e) {
    return e.getStatusCode() == 403 && hasReason(e, QUOTA_REASONS);
  }

  private static boolean hasReason(HttpResponseException e, Set<String> reasons) {
    if (!(e instanceof GoogleJsonResponseException json) || json.getDetails() == null) {
      return false;
    }
    if (json.getDetails().getErrors() == null) {
      return false;
    }
    for (GoogleJsonError.ErrorInfo info : json.getDetails().getErrors()) {
      if (reasons.contains(info.getReason())) {
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
