package app.convene.client.bench;

import app.convene.client.testing.Mesh;
import app.convene.client.testing.TestBackend;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a peer's tile saves its sender: calls of two headless participants, each its own process,
 * sending a test pattern at 30 fps; P2 says how large it shows P1's video ({@code --view}), P1
 * says nothing. The cases: P1's picture 1280×720 (an HD camera) shown in nothing said or a
 * 480×270 tile (the call window's); 640×360 in nothing said, a 320×180 tile, or 0×0 (a minimised
 * window). P2 always sends 640×360. The cases take turns within each round, so that every row of
 * a round met the same machine. Figures per call: CPU of each process while both are in it, what
 * P1 encodes for P2 and what P2 decodes.
 *
 * <p>Usage: {@code TileViewBenchmark [seconds] [rounds]}, e.g. {@code 30 2}.
 */
public final class TileViewBenchmark {
  /** P1's picture and P2's view of it ("none": P2 says nothing). */
  private static final List<String[]> CASES = List.of(
      new String[] {"1280x720", "none"}, new String[] {"1280x720", "480x270"},
      new String[] {"640x360", "none"}, new String[] {"640x360", "320x180"},
      new String[] {"640x360", "0x0"});

  private TileViewBenchmark() {}

  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    System.out.println("load before: " + load());
    System.out.println("| round | P1's picture | P2's view of P1 | exit 0 | P1 sends (w×h) | P1's encoder for P2 "
        + "(ms per s) | P1's video to P2 (kbit/s) | P1 cores | P2 decodes (w×h, fps) | P2 cores "
        + "| load |");
    System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
    for (int round = 1; round <= rounds; round++) {
      for (String[] each : CASES) {
        String picture = each[0];
        String view = each[1];
        String[] size = picture.split("x");
        List<String> sender = List.of("--duration=" + seconds, "--width=" + size[0],
            "--height=" + size[1], "--fps=30");
        List<String> receiver = new ArrayList<>(List.of("--duration=" + seconds, "--width=640",
            "--height=360", "--fps=30"));
        if (!view.equals("none")) {
          receiver.add("--view=" + view);
        }
        try (TestBackend backend = TestBackend.start()) {
          Mesh.Run run = Mesh.run(backend, List.of(sender, receiver), 8, seconds + 60);
          System.out.println(row(round, picture, view, run));
          if (run.statuses().stream().anyMatch(s -> s != 0)) {
            Path logs = Files.createDirectories(Path.of("target", "tileview-logs"));
            for (int i = 0; i < 2; i++) {
              Files.writeString(logs.resolve("round" + round + "-" + picture + "-" + view + "-P"
                  + (i + 1) + ".log"), run.diagnostics().get(i));
            }
            System.err.println("a participant failed; logs in " + logs.toAbsolutePath());
          }
        }
      }
    }
    System.out.println("load after: " + load());
  }

  private static String row(int round, String picture, String view, Mesh.Run run) {
    JsonNode sender = peer(run.summaries().get(0));
    JsonNode receiver = peer(run.summaries().get(1));
    long exitZero = run.statuses().stream().filter(s -> s == 0).count();
    // Over the sender's whole call, join included.
    double seconds = run.summaries().get(0) == null
        ? Double.NaN : run.summaries().get(0).get("durationMs").asDouble() / 1000;
    return String.format(Locale.ROOT,
        "| %d | %s | %s | %d/2 | %s | %.1f | %.0f | %.3f | %s | %.3f | %s |",
        round, picture.replace("x", "×"), view.equals("none") ? "(says nothing)" : view.replace("x", "×"), exitZero,
        sender == null ? "?" : sender.get("sentWidth").asInt() + "×" + sender.get("sentHeight").asInt(),
        sender == null ? Double.NaN : sender.get("encodeMillis").asDouble() / seconds,
        sender == null ? Double.NaN : sender.get("videoBytesSent").asDouble() * 8 / 1000 / seconds,
        run.cores().get(0),
        receiver == null ? "?" : receiver.get("width").asInt() + "×" + receiver.get("height").asInt()
            + ", " + receiver.get("decodedFps").asDouble(),
        run.cores().get(1), load());
  }

  /** The only peer in a participant's summary, or null. */
  private static JsonNode peer(JsonNode summary) {
    return summary == null || summary.get("peers").isEmpty() ? null : summary.get("peers").get(0);
  }

  private static String load() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (Exception e) {
      return "?";
    }
  }
}
