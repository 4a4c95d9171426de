package app.convene.client.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Device lists with a deadline: a native query that hangs never holds up the app. */
class DeviceQueryTest {
  @Test
  void aQueryThatHangsAnswersNoDevicesAfterTheDeadlineAndIsNotAskedAgainUntilItReturns()
      throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger asked = new AtomicInteger();
    String kind = "hanging-" + System.nanoTime();

    long start = System.nanoTime();
    List<String> first = DeviceQuery.list(kind, () -> {
      asked.incrementAndGet();
      await(release);
      return List.of("late");
    });
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(first).isEmpty();
    assertThat(took).isBetween(Duration.ofMillis(2_900), Duration.ofSeconds(10));

    long again = System.nanoTime();
    assertThat(DeviceQuery.list(kind, () -> {
      asked.incrementAndGet();
      return List.of("second");
    })).as("a stuck kind answers at once, without asking").isEmpty();
    assertThat(Duration.ofNanos(System.nanoTime() - again)).isLessThan(Duration.ofSeconds(1));
    assertThat(asked).hasValue(1);

    release.countDown();
    while (DeviceQuery.list(kind, () -> List.of("back")).isEmpty()) {
      Thread.onSpinWait(); // the stuck query is returning; the next ask goes through
    }
    assertThat(DeviceQuery.list(kind, () -> List.of("back"))).containsExactly("back");
  }

  @Test
  void aQueryThatFailsAnswersNoDevices() {
    assertThat(DeviceQuery.<String>list("failing", () -> {
      throw new IllegalStateException("no such device node");
    })).isEmpty();
  }

  @Test
  void withoutASoundServerTheAudioListsAnswerAtOnceAndEmpty() {
    assumeThat(DeviceQuery.soundServerReachable()).as("this machine has a sound server").isFalse();

    long start = System.nanoTime();
    assertThat(MediaEngine.microphones()).isEmpty();
    assertThat(MediaEngine.speakers()).isEmpty();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(500));
  }

  @Test
  void theCameraListAnswersWithinTheDeadline() {
    long start = System.nanoTime();

    assertThat(MediaEngine.cameras()).isNotNull();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(3_500));
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
