package app.convene.client.media;

/**
 * Counts the peer connections made from a {@link MediaEngine}'s factory and not yet closed, so
 * that closing the engine can wait for the last of them. Thread-safe: guarded by {@code this}.
 */
final class OpenConnections {
  private int open;

  /** Any thread: a peer connection was made. */
  synchronized void opened() {
    open++;
  }

  /** Any thread: a peer connection is closed. */
  synchronized void closed() {
    open--;
    notifyAll();
  }

  /** Waits until every peer connection is closed, at most {@code millis}; returns whether they are. */
  synchronized boolean awaitAllClosed(long millis) {
    long deadline = System.nanoTime() + millis * 1_000_000;
    boolean interrupted = false;
    while (open > 0 && System.nanoTime() < deadline) {
      try {
        wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    return open <= 0;
  }
}
