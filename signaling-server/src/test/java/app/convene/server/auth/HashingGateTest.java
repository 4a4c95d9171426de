package app.convene.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.convene.server.http.ApiException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HashingGateTest {
  private static final long MIB = 1024 * 1024;

  /** A thread per task: the common pool may have a single thread on a 2-core machine. */
  private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

  @AfterEach
  void stopThreads() {
    threads.shutdownNow();
  }

  @Test
  void automaticConcurrencyLeavesHeapForTheRestAndIsAtMostTwoPerProcessor() {
    assertThat(HashingGate.automaticConcurrency(6144 * MIB, 2)).isEqualTo(4);
    assertThat(HashingGate.automaticConcurrency(6144 * MIB, 128)).isEqualTo(192);
    assertThat(HashingGate.automaticConcurrency(512 * MIB, 64)).isEqualTo(10);
    assertThat(HashingGate.automaticConcurrency(128 * MIB, 8)).isEqualTo(1);
  }

  @Test
  void configuredValuesWinOverTheAutomaticOnes() {
    HashingGate gate = new HashingGate(new PasswordHashing(7, Duration.ofMillis(300), 3),
        6144 * MIB, 2);

    assertThat(gate.concurrency()).isEqualTo(7);
    assertThat(gate.maxWaiting()).isEqualTo(3);
    assertThat(new HashingGate(PasswordHashing.DEFAULT, 6144 * MIB, 2).maxWaiting())
        .isEqualTo(4 * 8);
  }

  @Test
  void aHashThatFindsEveryPermitTakenPastTheWaitIsAnswered503WithRetryAfter() throws Exception {
    HashingGate gate = new HashingGate(new PasswordHashing(1, Duration.ofMillis(50), 10),
        6144 * MIB, 2);
    CountDownLatch holding = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> gate.run(() -> {
      holding.countDown();
      await(release);
      return "hashed";
    }), threads);
    assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();

    assertThatThrownBy(() -> gate.run(() -> "second"))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.status()).isEqualTo(503);
          assertThat(e.code()).isEqualTo("server_busy");
          assertThat(e.retryAfterSeconds()).isEqualTo(1);
          assertThat(e.getMessage()).contains("try again in 1 second");
        });
    release.countDown();
    assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("hashed");
    assertThat(gate.run(() -> "third")).as("the permit came back").isEqualTo("third");
  }

  @Test
  void beyondTheWaitingRoomARequestIsTurnedAwayAtOnce() throws Exception {
    HashingGate gate = new HashingGate(new PasswordHashing(1, Duration.ofSeconds(30), 1),
        6144 * MIB, 2);
    CountDownLatch holding = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<String> running = CompletableFuture.supplyAsync(() -> gate.run(() -> {
      holding.countDown();
      await(release);
      return "first";
    }), threads);
    assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
    CompletableFuture<String> waiting = CompletableFuture.supplyAsync(() -> gate.run(() -> "2nd"), threads);
    Thread.sleep(200); // let it take the one place in the waiting room

    long start = System.nanoTime();
    assertThatThrownBy(() -> gate.run(() -> "third"))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.status()).isEqualTo(503);
          assertThat(e.retryAfterSeconds()).isEqualTo(30);
        });
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    release.countDown();
    assertThat(running.get(10, TimeUnit.SECONDS)).isEqualTo("first");
    assertThat(waiting.get(10, TimeUnit.SECONDS)).isEqualTo("2nd");
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
