package app.convene.server.throttle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.convene.server.http.ApiException;
import app.convene.server.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The throttle's decision against its in-process counters, on a clock the test moves. */
class ThrottleTest {
  private static final Instant T = Instant.parse("2026-12-13T09:30:00Z");

  private final TestClock clock = new TestClock(T);
  private final Throttle throttle = new Throttle(ThrottleSettings.DEFAULT, new LocalAttempts(), clock);

  /**
   * Concurrent sign-ins: one reads the clock, another counts its failure a few milliseconds later,
   * then the first checks. With free attempts left that is no wait (LoginFloodIT once got one 429
   * among 1,000 sign-ins with the limits out of the way).
   */
  @Test
  void aFailureCountedJustAfterThisAttemptReadTheClockCostsNoWaitWhileAttemptsAreFree() {
    clock.set(T.plusMillis(5));
    throttle.failed(Throttle.Action.LOGIN, "anna@example.org", "192.0.2.1", "bad_credentials");
    clock.set(T);

    assertThatCode(() -> throttle.check(Throttle.Action.LOGIN, "anna@example.org", "192.0.2.1"))
        .doesNotThrowAnyException();
  }

  @Test
  void pastTheFreeAttemptsTheWaitStillHolds() {
    for (int i = 0; i < ThrottleSettings.DEFAULT.accountFailures() + 1; i++) {
      throttle.failed(Throttle.Action.LOGIN, "anna@example.org", "192.0.2.1", "bad_credentials");
    }
    clock.advance(Duration.ofMillis(500));

    assertThatThrownBy(() -> throttle.check(Throttle.Action.LOGIN, "anna@example.org", "192.0.2.1"))
        .isInstanceOfSatisfying(ApiException.class,
            e -> assertThat(e.status()).isEqualTo(429));
  }
}
