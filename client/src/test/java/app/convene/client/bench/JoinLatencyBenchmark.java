package app.convene.client.bench;

import app.convene.client.call.CallListener;
import app.convene.client.call.CallSession;
import app.convene.client.call.JoinStep;
import app.convene.client.call.JoinTicket;
import app.convene.client.media.MediaEngine;
import app.convene.client.media.MediaOptions;
import app.convene.client.testing.TestBackend;
import dev.onvoid.webrtc.media.video.VideoTrack;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Time from join to the first decoded remote frame, for two participants over loopback, and where
 * it goes. A is in the room; B joins; we time B (join started → first frame of A decoded) and A
 * (B's join started → first frame of B decoded), and every {@link JoinStep} of both sides on the
 * same clock, from B's start. Each participant has its own media engine, as two apps would. The
 * accounts, meetings and access tokens are set up before the clock starts.
 *
 * <p>Usage: {@code JoinLatencyBenchmark [runs] [warm-up runs]} (defaults 30 and 3). Prints the
 * two figures and a table of the median moment of each step, for the newcomer and for the one
 * already in the room.
 */
public final class JoinLatencyBenchmark {
  private JoinLatencyBenchmark() {}

  @SuppressWarnings("try") // A only has to be in the room while B joins
  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 30;
    int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    List<Double> joiner = new ArrayList<>();
    List<Double> host = new ArrayList<>();
    Map<JoinStep, List<Double>> joinerSteps = new EnumMap<>(JoinStep.class);
    Map<JoinStep, List<Double>> hostSteps = new EnumMap<>(JoinStep.class);
    try (TestBackend backend = TestBackend.start();
        MediaEngine mediaA = new MediaEngine(MediaOptions.synthetic(640, 360, 30));
        MediaEngine mediaB = new MediaEngine(MediaOptions.synthetic(640, 360, 30))) {
      TestBackend.Account anna = backend.account("A");
      TestBackend.Account boris = backend.account("B");
      for (int i = 0; i < warmUp + runs; i++) {
        String room = backend.meeting(anna, "Benchmark " + i, boris);
        JoinTicket bTicket = backend.ticket(boris, room);
        Watch aSees = new Watch();
        Watch bSees = new Watch();
        try (CallSession a = CallSession.join(backend.ticket(anna, room), mediaA, aSees).get(10, TimeUnit.SECONDS)) {
          long bJoinStart = System.nanoTime();
          try (CallSession b = CallSession.join(bTicket, mediaB, bSees).get(10, TimeUnit.SECONDS)) {
            long bFirst = bSees.firstFrame.get(10, TimeUnit.SECONDS);
            long aFirst = aSees.firstFrame.get(10, TimeUnit.SECONDS);
            if (i >= warmUp) {
              joiner.add((bFirst - bJoinStart) / 1e6);
              host.add((aFirst - bJoinStart) / 1e6);
              bSees.steps.forEach((step, at) -> joinerSteps
                  .computeIfAbsent(step, s -> new ArrayList<>()).add((at - bJoinStart) / 1e6));
              aSees.steps.forEach((step, at) -> {
                if (!step.ofRoom()) { // A's own join came before B's
                  hostSteps.computeIfAbsent(step, s -> new ArrayList<>()).add((at - bJoinStart) / 1e6);
                }
              });
            }
          }
        }
      }
    }
    System.out.println("runs: " + runs + " (after " + warmUp + " warm-up runs)");
    report("joiner: join → first decoded remote frame", joiner);
    report("host: peer's join → first decoded remote frame", host);
    System.out.println();
    System.out.println("median moment of each step, ms after the newcomer began to join:");
    System.out.println();
    System.out.println("| step | newcomer (B) | in the room (A) |");
    System.out.println("| --- | --- | --- |");
    for (JoinStep step : JoinStep.values()) {
      System.out.printf(Locale.ROOT, "| %s | %s | %s |%n", step.name().toLowerCase(Locale.ROOT),
          cell(joinerSteps.get(step)), cell(hostSteps.get(step)));
    }
  }

  private static String cell(List<Double> millis) {
    if (millis == null || millis.isEmpty()) {
      return "–";
    }
    return String.format(Locale.ROOT, "%.1f", percentile(millis.stream().sorted().toList(), 50));
  }

  private static void report(String what, List<Double> millis) {
    List<Double> sorted = millis.stream().sorted().toList();
    System.out.printf(Locale.ROOT, "%s: median %.1f ms, p95 %.1f ms, min %.1f ms, max %.1f ms%n",
        what, percentile(sorted, 50), percentile(sorted, 95), sorted.getFirst(), sorted.getLast());
  }

  /** Nearest-rank percentile. */
  private static double percentile(List<Double> sorted, int p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }

  /** Notes every join step and completes with the first remote frame's {@link System#nanoTime()}. */
  private static final class Watch implements CallListener {
    final CompletableFuture<Long> firstFrame = new CompletableFuture<>();
    final Map<JoinStep, Long> steps = new ConcurrentHashMap<>();

    @Override
    public void joinStep(String peerId, JoinStep step, long nanos) {
      steps.putIfAbsent(step, nanos);
      if (step == JoinStep.FIRST_FRAME) {
        firstFrame.complete(nanos);
      }
    }

    @Override
    public void peerVideo(String peerId, VideoTrack track) {
      track.addSink(frame -> {
        firstFrame.complete(System.nanoTime()); // the step comes on the call executor, later
        frame.release();
      });
    }
  }
}
