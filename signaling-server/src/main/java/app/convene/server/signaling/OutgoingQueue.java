package app.convene.server.signaling;

import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * The bounded outgoing queue of one connection: hands texts to a {@link Sink} one at a time, and
 * holds at most {@code limit} more that wait for their turn.
 *
 * <p>A WebSocket library queues outgoing frames without bound, so a peer that stops reading would
 * let the server's heap fill with messages for it. Here a full queue is a slow consumer: {@link
 * #offer} answers {@link Result#OVERFLOWED}, drops what waits and accepts nothing more; the owner
 * then closes the connection.
 *
 * <p>Thread-safe. {@link #offer} never calls the sink or any other code on the caller's thread (the
 * sends start on the {@code executor}), so callers may offer while holding their own locks. The
 * sink's completion may arrive on any thread, also inline from {@link Sink#send}; the next send
 * then starts on the executor again, so completions never recurse.
 */
final class OutgoingQueue {
  /** Where the texts go: one WebSocket. */
  interface Sink {
    /**
     * Sends one text; must return at once and call {@code done} exactly once, with {@code null} on
     * success or the failure, on any thread.
     */
    void send(String text, Consumer<Throwable> done);
  }

  /** What {@link #offer} did with a text. */
  enum Result {
    /** The text is sent or waits to be sent. */
    QUEUED,
    /** The queue was closed before; the text was dropped. */
    CLOSED,
    /** The queue was full: it dropped this text and everything that waited, and is closed now. */
    OVERFLOWED
  }

  private final Sink sink;
  private final Executor executor;
  private final int limit;
  private final Consumer<Throwable> onFailure;
  private final ArrayDeque<String> waiting = new ArrayDeque<>(); // guarded by this
  private boolean open = true; // guarded by this; false once nothing more is accepted
  private boolean busy; // guarded by this; a text is in flight or a send is about to start
  private Runnable whenDrained; // guarded by this; runs once the queue ran empty after closing

  /**
   * @param sink where texts go
   * @param executor where sends start
   * @param limit how many texts may wait behind the one in flight
   * @param onFailure told, on any thread, when the sink failed a send; the queue is closed then
   */
  OutgoingQueue(Sink sink, Executor executor, int limit, Consumer<Throwable> onFailure) {
    this.sink = Objects.requireNonNull(sink, "sink == null");
    this.executor = Objects.requireNonNull(executor, "executor == null");
    this.onFailure = Objects.requireNonNull(onFailure, "onFailure == null");
    if (limit < 1) {
      throw new IllegalArgumentException("limit < 1: " + limit);
    }
    this.limit = limit;
  }

  /** Queues a text to be sent after those before it. */
  Result offer(String text) {
    Objects.requireNonNull(text, "text == null");
    synchronized (this) {
      if (!open) {
        return Result.CLOSED;
      }
      if (waiting.size() >= limit) {
        open = false;
        waiting.clear();
        return Result.OVERFLOWED;
      }
      waiting.add(text);
      if (busy) {
        return Result.QUEUED;
      }
      busy = true;
    }
    startNext();
    return Result.QUEUED;
  }

  /**
   * Closes the queue and drops what waits; sends {@code last} once the text in flight (if any) is
   * done, then runs {@code then}. If the queue was closed already, runs {@code then} at once.
   */
  void finish(String last, Runnable then) {
    Objects.requireNonNull(last, "last == null");
    Objects.requireNonNull(then, "then == null");
    boolean wasOpen;
    boolean start = false;
    synchronized (this) {
      wasOpen = open;
      if (wasOpen) {
        open = false;
        waiting.clear();
        waiting.add(last);
        whenDrained = then;
        start = !busy;
        busy = true;
      }
    }
    if (!wasOpen) {
      then.run();
    } else if (start) {
      startNext();
    }
  }

  /**
   * Closes the queue and drops what waits. If nothing is in flight, sends {@code last} and then
   * runs {@code then}; otherwise, as the connection is stuck, runs {@code then} at once.
   */
  void abandon(String last, Runnable then) {
    Objects.requireNonNull(last, "last == null");
    Objects.requireNonNull(then, "then == null");
    boolean sendLast;
    synchronized (this) {
      open = false;
      waiting.clear();
      sendLast = !busy;
      if (sendLast) {
        waiting.add(last);
        whenDrained = then;
        busy = true;
      }
    }
    if (sendLast) {
      startNext();
    } else {
      then.run();
    }
  }

  /** Closes the queue and drops what waits, without a last word. */
  void close() {
    synchronized (this) {
      open = false;
      waiting.clear();
      whenDrained = null;
    }
  }

  /** How many texts wait behind the one in flight. */
  synchronized int waiting() {
    return waiting.size();
  }

  private void startNext() {
    try {
      executor.execute(this::sendNext);
    } catch (RejectedExecutionException e) {
      sent(e);
    }
  }

  private void sendNext() {
    String next;
    Runnable drained = null;
    synchronized (this) {
      next = waiting.poll();
      if (next == null) {
        busy = false;
        drained = whenDrained;
        whenDrained = null;
      }
    }
    if (next != null) {
      sink.send(next, this::sent);
    } else if (drained != null) {
      drained.run();
    }
  }

  private void sent(Throwable failure) {
    if (failure == null) {
      startNext();
      return;
    }
    Runnable drained;
    synchronized (this) {
      open = false;
      waiting.clear();
      busy = false;
      drained = whenDrained;
      whenDrained = null;
    }
    onFailure.accept(failure);
    if (drained != null) {
      drained.run();
    }
  }
}
