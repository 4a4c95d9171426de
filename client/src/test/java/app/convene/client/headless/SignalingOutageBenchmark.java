package app.convene.client.headless;

import app.convene.client.headless.OutageScenario.Fault;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The signaling server killed (SIGKILL) for 2 s under a two-person call, {@code runs} times, and
 * {@code controls} runs without a fault: the longest interval without a new remote frame (as
 * frames missed at 30 fps) and the time back in the room after the new server was up (p95).
 * Run: {@code mvn -q -Pbench -DskipTests verify -pl client -am
 * -Dbench.main=app.convene.client.headless.SignalingOutageBenchmark -Dbench.args="10 2"}.
 */
public final class SignalingOutageBenchmark {
  private static final int FPS = 30;

  private SignalingOutageBenchmark() {}

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    int controls = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    List<Long> outageGaps = new ArrayList<>();
    List<Long> controlGaps = new ArrayList<>();
    List<Long> back = new ArrayList<>();
    List<Long> outageLost = new ArrayList<>();
    List<Long> controlLost = new ArrayList<>();
    int failed = 0;
    for (int i = 0; i < controls + runs; i++) {
      boolean control = i < controls;
      Path work = Files.createTempDirectory("convene-outage-bench");
      OutageScenario.Result result = OutageScenario.run(control ? Fault.NONE : Fault.KILL,
          Duration.ofSeconds(5), Duration.ofSeconds(2), Duration.ofSeconds(22), work);
      for (HeadlessSummary summary : result.summaries()) {
        failed += summary.ok() ? 0 : 1;
        summary.peers().forEach(p -> (control ? controlGaps : outageGaps)
            .add(p.mediaGaps().longestMs()));
      }
      List<Long> lost = lost(result.summaries());
      (control ? controlLost : outageLost).addAll(lost);
      if (!control) {
        back.addAll(result.backAfterServerUpMs());
      }
      System.out.printf(Locale.ROOT, "%s run %d: down %d ms, longest gaps %s ms, frames sent but"
              + " not decoded %s, back after up %s ms%n",
          control ? "control" : "outage", i, result.downMs(),
          result.summaries().stream().map(s -> s.peers().getFirst().mediaGaps().longestMs())
              .toList(),
          lost, result.backAfterServerUpMs());
    }
    System.out.printf(Locale.ROOT, "control: worst longest gap %d ms (%d frames missed)%n",
        max(controlGaps), missed(max(controlGaps)));
    System.out.printf(Locale.ROOT, "outage:  worst longest gap %d ms (%d frames missed), "
        + "median %d ms%n", max(outageGaps), missed(max(outageGaps)), percentile(outageGaps, 50));
    System.out.printf(Locale.ROOT, "frames sent but not decoded per direction: control max %d,"
        + " outage max %d (median %d)%n", max(controlLost), max(outageLost),
        percentile(outageLost, 50));
    System.out.printf(Locale.ROOT, "back in the room after the server was up: median %d ms, "
        + "p95 %d ms, max %d ms (%d reconnections)%n", percentile(back, 50),
        percentile(back, 95), max(back), back.size());
    System.out.printf(Locale.ROOT, "summaries not ok: %d of %d%n", failed,
        2 * (runs + controls));
  }

  /**
   * Per direction, the frames the sender's stats say it sent to the peer minus the frames the
   * peer decoded, both from the summaries' last snapshots (taken within milliseconds of each
   * other, so a frame or two in flight at the end count too).
   */
  private static List<Long> lost(List<HeadlessSummary> summaries) {
    HeadlessSummary a = summaries.get(0);
    HeadlessSummary b = summaries.get(1);
    return List.of(
        a.peers().getFirst().framesSent() - b.peers().getFirst().framesDecoded(),
        b.peers().getFirst().framesSent() - a.peers().getFirst().framesDecoded());
  }

  /** Frames that would have been shown during a gap of this length at 30 fps. */
  private static long missed(long gapMs) {
    return Math.max(0, Math.round(gapMs * FPS / 1000.0) - 1);
  }

  private static long max(List<Long> values) {
    return values.stream().mapToLong(Long::longValue).max().orElse(-1);
  }

  private static long percentile(List<Long> values, int p) {
    if (values.isEmpty()) {
      return -1;
    }
    List<Long> sorted = values.stream().sorted().toList();
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, index));
  }
}
