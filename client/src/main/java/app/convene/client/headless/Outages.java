package app.convene.client.headless;

import app.convene.client.call.CallEnd;
import app.convene.client.call.CallListener;
import java.util.ArrayList;
import java.util.List;

/**
 * Hears a headless call's signaling drops and returns, and whether the call ended on its own.
 * Called on the call executor; read by the participant's thread, hence synchronized.
 */
final class Outages implements CallListener {
  private final List<Long> backMs = new ArrayList<>();
  private boolean away;
  private String ended;
  private boolean leaving;

  @Override
  public synchronized void reconnecting(String reason) {
    away = true;
  }

  @Override
  public synchronized void reconnected(long nanos) {
    away = false;
    backMs.add(nanos / 1_000_000);
  }

  @Override
  public synchronized void ended(CallEnd end) {
    if (!leaving) {
      ended = end.describe();
    }
  }

  /** Whether the call ended before we left it (e.g. the host removed us). */
  synchronized boolean hasEnded() {
    return ended != null;
  }

  /** Why the call ended before we left it, or {@code null}; from now on an end is ours. */
  synchronized String endedEarly() {
    leaving = true;
    return ended == null ? null : "the call ended: " + ended;
  }

  synchronized HeadlessSummary.Reconnections summary() {
    return new HeadlessSummary.Reconnections(backMs.size(), backMs, away);
  }
}
