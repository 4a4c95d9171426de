package app.convene.client.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Stopping a pusher: its running push always ends before a source may be disposed. */
class ThreadsTest {
  @Test
  void stopAndJoinReturnsOnlyAfterTheRunningPushEnded() throws Exception {
    ExecutorService pusher = Executors.newSingleThreadExecutor();
    CountDownLatch pushing = new CountDownLatch(1);
    AtomicBoolean pushEnded = new AtomicBoolean();
    pusher.execute(() -> slowPush(pushing, pushEnded));
    pushing.await();

    boolean ended = Threads.stopAndJoin(pusher);

    assertThat(ended).isTrue();
    assertThat(pushEnded).as("the push finished before the source may go").isTrue();
  }

  @Test
  void anInterruptDoesNotCutTheWaitShortAndIsKept() throws Exception {
    ExecutorService pusher = Executors.newSingleThreadExecutor();
    CountDownLatch pushing = new CountDownLatch(1);
    AtomicBoolean pushEnded = new AtomicBoolean();
    pusher.execute(() -> slowPush(pushing, pushEnded));
    pushing.await();

    Thread.currentThread().interrupt();
    boolean ended = Threads.stopAndJoin(pusher);

    assertThat(Thread.interrupted()).as("the interrupt is kept for the caller").isTrue();
    assertThat(ended).isTrue();
    assertThat(pushEnded).isTrue();
  }

  /** A push that takes 200 ms, as one may on a starved machine. */
  private static void slowPush(CountDownLatch pushing, AtomicBoolean pushEnded) {
    pushing.countDown();
    long until = System.nanoTime() + 200_000_000L;
    while (System.nanoTime() < until) {
      Thread.onSpinWait();
    }
    pushEnded.set(true);
  }
}
