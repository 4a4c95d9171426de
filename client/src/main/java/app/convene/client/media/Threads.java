package app.convene.client.media;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Stopping the threads that push frames or audio into native sources. */
final class Threads {
  private static final Logger log = LoggerFactory.getLogger(Threads.class);
  private static final long PATIENCE_SECONDS = 30;

  private Threads() {}

  /**
   * Shuts {@code pusher} down and waits until its running task returned. On a starved machine a
   * push can take long; disposing a source while a push is inside it crashes the process, so we
   * wait up to 30 s and, should it still run, leak the source rather than dispose it.
   *
   * @return whether the thread ended, so the source may be disposed
   */
  static boolean stopAndJoin(ExecutorService pusher) {
    pusher.shutdown();
    boolean interrupted = false;
    boolean ended = false;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PATIENCE_SECONDS);
    while (!ended && System.nanoTime() < deadline) {
      try {
        ended = pusher.awaitTermination(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        interrupted = true; // keep waiting: disposing under a running push would crash
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    if (!ended) {
      log.warn("a media source thread did not stop within {} s; its source is not disposed",
          PATIENCE_SECONDS);
    }
    return ended;
  }
}
