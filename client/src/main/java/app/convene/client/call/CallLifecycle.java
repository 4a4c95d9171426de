package app.convene.client.call;

import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * A call's {@link CallState} and the one place it changes. Every transition is told to the {@link
 * CallListener} at once: {@link CallListener#stateChanged}, then {@link
 * CallListener#reconnecting}, {@link CallListener#reconnected} or {@link CallListener#ended} for
 * the edges that have one. A transition that the current state does not allow does nothing and
 * returns false, so the call ends once, with the first reason, and nothing moves it afterwards.
 *
 * <p>Threading: not thread-safe; the call executor owns it (and so the listener is called there).
 */
final class CallLifecycle {
  private final CallListener listener;
  private final LongSupplier nanoTime;
  private CallState state = CallState.CONNECTING;
  private CallEnd end;
  private long droppedNanos;
  private long awayNanos;

  CallLifecycle(CallListener listener) {
    this(listener, System::nanoTime);
  }

  CallLifecycle(CallListener listener, LongSupplier nanoTime) {
    this.listener = Objects.requireNonNull(listener, "listener == null");
    this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime == null");
  }

  CallState state() {
    return state;
  }

  boolean isEnded() {
    return state == CallState.ENDED;
  }

  /** Why the call ended; {@code null} before it did. */
  CallEnd end() {
    return end;
  }

  /** How long the socket was away before the last return to {@link CallState#CONNECTED}. */
  long awayNanos() {
    return awayNanos;
  }

  /**
   * The server admitted us: the first time, or again after the socket dropped (then {@link
   * CallListener#reconnected} hears how long it was away). False when already connected or ended.
   */
  boolean admitted() {
    if (state == CallState.CONNECTING) {
      move(CallState.CONNECTED);
      return true;
    }
    if (state == CallState.RECONNECTING) {
      awayNanos = nanoTime.getAsLong() - droppedNanos;
      move(CallState.CONNECTED);
      listener.reconnected(awayNanos);
      return true;
    }
    return false;
  }

  /**
   * The signaling socket of a connected call dropped; the session comes back on its own. False
   * when not connected (still joining, already reconnecting, or ended).
   */
  boolean dropped(String reason) {
    if (state != CallState.CONNECTED) {
      return false;
    }
    droppedNanos = nanoTime.getAsLong();
    move(CallState.RECONNECTING);
    listener.reconnecting(reason);
    return true;
  }

  /** Ends the call for {@code why}; false (and nothing told) when it had ended already. */
  boolean end(CallEnd why) {
    Objects.requireNonNull(why, "why == null");
    if (state == CallState.ENDED) {
      return false;
    }
    end = why;
    move(CallState.ENDED);
    listener.ended(why);
    return true;
  }

  private void move(CallState next) {
    state = next;
    listener.stateChanged(next);
  }
}
