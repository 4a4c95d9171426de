package app.convene.client.signaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BackoffTest {
  private final Backoff backoff = new Backoff(Duration.ofMillis(250), Duration.ofSeconds(5));

  @Test
  void delaysDoubleFromTheInitialOneUpToTheCapWithJitterInTheUpperHalf() {
    SplittableRandom random = new SplittableRandom(7);
    long[] ceilings = {250, 500, 1000, 2000, 4000, 5000, 5000, 5000};
    for (int attempt = 0; attempt < ceilings.length; attempt++) {
      for (int i = 0; i < 200; i++) {
        long ms = backoff.delay(attempt, random).toMillis();
        assertThat(ms).as("attempt %d", attempt)
            .isBetween(ceilings[attempt] / 2, ceilings[attempt]);
      }
    }
  }

  @Test
  void clientsOfOneServerSpreadOut() {
    SplittableRandom random = new SplittableRandom(11);
    Set<Long> firstDelays = new HashSet<>();
    for (int client = 0; client < 50; client++) {
      firstDelays.add(backoff.delay(3, random).toMillis());
    }
    assertThat(firstDelays).hasSizeGreaterThan(30);
  }

  @Test
  void veryLateAttemptsStayAtTheCap() {
    assertThat(backoff.delay(10_000, new SplittableRandom(1))).isLessThanOrEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void boundsAreChecked() {
    assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
