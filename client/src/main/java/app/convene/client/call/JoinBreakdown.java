package app.convene.client.call;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Where one join's time went, from the moment the user asked to join: each mark (a {@link
 * JoinStep} of the first participant's link, the app's own steps such as the media engine started
 * or the first frame painted) at its first occurrence, in milliseconds from that moment. The app
 * logs it once the first frame is on screen (docs/benchmarks.md, "Where a join's time goes").
 * Thread-safe: marks come from the call executor and the FX thread.
 */
public final class JoinBreakdown {
  private final long startNanos;
  private final Map<String, Long> marks = new LinkedHashMap<>();
  private String peerId;

  /** @param startNanos {@link System#nanoTime()} when the user asked to join */
  public JoinBreakdown(long startNanos) {
    this.startNanos = startNanos;
  }

  /** Marks {@code what} at {@code nanos} unless it was marked before. */
  public synchronized void mark(String what, long nanos) {
    marks.putIfAbsent(what, nanos);
  }

  /**
   * Marks a join step; a link's steps count for the first participant only (later ones join a
   * call that is already up).
   */
  public synchronized void step(String stepPeerId, JoinStep step, long nanos) {
    if (stepPeerId != null) {
      if (peerId == null) {
        peerId = stepPeerId;
      } else if (!peerId.equals(stepPeerId)) {
        return;
      }
    }
    mark(step.name().toLowerCase(Locale.ROOT), nanos);
  }

  /** E.g. "ticket 3 ms, engine 180 ms, signaling_open 201 ms, …", in the order they happened. */
  public synchronized String describe() {
    StringJoiner line = new StringJoiner(", ");
    marks.entrySet().stream()
        .sorted(Map.Entry.comparingByValue())
        .forEach(e -> line.add(String.format(Locale.ROOT, "%s %d ms", e.getKey(),
            (e.getValue() - startNanos) / 1_000_000)));
    return line.toString();
  }
}
