package app.convene.client.bench;

import app.convene.client.call.CallListener;
import app.convene.client.call.CallSession;
import app.convene.client.media.MediaEngine;
import app.convene.client.media.MediaOptions;
import app.convene.client.call.JoinTicket;
import app.convene.client.testing.TestBackend;
import dev.onvoid.webrtc.media.video.VideoTrack;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Time from join to the first decoded remote frame, for two participants over loopback. A is in
 * the room; B joins; we time B (join sent → first frame of A decoded) and A (B's join sent →
 * first frame of B decoded). Each participant has its own media engine, as two apps would. The
 * accounts, meetings and access tokens are set up before the clock starts.
 *
 * <p>Usage: {@code JoinLatencyBenchmark [runs] [warm-up runs]} (defaults 30 and 3).
 */
public final class JoinLatencyBenchmark {
  private JoinLatencyBenchmark() {}

  @SuppressWarnings("try") // A only has to be in the room while B joins
  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 30;
    int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    List<Double> joiner = new ArrayList<>();
    List<Double> host = new ArrayList<>();
    try (TestBackend backend = TestBackend.start();
        MediaEngine mediaA = new MediaEngine(MediaOptions.synthetic(640, 360, 30));
        MediaEngine mediaB = new MediaEngine(MediaOptions.synthetic(640, 360, 30))) {
      TestBackend.Account anna = backend.account("A");
      TestBackend.Account boris = backend.account("B");
      for (int i = 0; i < warmUp + runs; i++) {
        String room = backend.meeting(anna, "Benchmark " + i, boris);
        JoinTicket bTicket = backend.ticket(boris, room);
        FirstFrame aSees = new FirstFrame();
        FirstFrame bSees = new FirstFrame();
        try (CallSession a = CallSession.join(backend.ticket(anna, room), mediaA, aSees).get(10, TimeUnit.SECONDS)) {
          long bJoinStart = System.nanoTime();
          try (CallSession b = CallSession.join(bTicket, mediaB, bSees).get(10, TimeUnit.SECONDS)) {
            long bFirst = bSees.at.get(10, TimeUnit.SECONDS);
            long aFirst = aSees.at.get(10, TimeUnit.SECONDS);
            if (i >= warmUp) {
              joiner.add((bFirst - b.joinNanos()) / 1e6);
              host.add((aFirst - bJoinStart) / 1e6);
            }
          }
        }
      }
    }
    System.out.println("runs: " + runs + " (after " + warmUp + " warm-up runs)");
    report("joiner: join → first decoded remote frame", joiner);
    report("host: peer's join → first decoded remote frame", host);
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

  /** Completes with {@link System#nanoTime()} at the first remote frame. */
  private static final class FirstFrame implements CallListener {
    final CompletableFuture<Long> at = new CompletableFuture<>();

    @Override
    public void peerVideo(String peerId, VideoTrack track) {
      track.addSink(frame -> {
        at.complete(System.nanoTime());
        frame.release();
      });
    }
  }
}
