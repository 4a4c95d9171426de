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
 * Mesh calls of N = 2..6 headless participants on this machine, each its own process sending the
 * 640×360 test pattern at 30 fps (the send ladder lowers it with N): CPU per participant (from
 * {@code /proc/<pid>/stat} while all are in the call) and decoded frames per second per link.
 * One room after the other, each on a fresh server.
 *
 * <p>Usage: {@code MeshBenchmark [sizes] [seconds] [runs]}, e.g. {@code 2,3,4,5,6 30 1}.
 */
public final class MeshBenchmark {
  private MeshBenchmark() {}

  public static void main(String[] args) throws Exception {
    String[] sizes = (args.length > 0 ? args[0] : "2,3,4,5,6").split(",");
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 1;
    System.out.println("load before: " + loadAverage());
    System.out.println("| N | run | exit 0 | ok | cores per participant (min / median / max) "
        + "| decoded fps per link (min / median) | links decoding | load |");
    System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- |");
    for (String size : sizes) {
      int n = Integer.parseInt(size.strip());
      for (int run = 1; run <= runs; run++) {
        try (TestBackend backend = TestBackend.startAdmitting(Math.max(6, n))) {
          Mesh.Run result = Mesh.run(backend, n, 8, seconds + 60,
              "--duration=" + seconds, "--width=640", "--height=360", "--fps=30");
          System.out.println(row(n, run, result));
          Path logs = Files.createDirectories(Path.of("target", "mesh-logs"));
          for (int i = 0; i < n; i++) {
            Files.writeString(logs.resolve("n" + n + "-run" + run + "-P" + (i + 1) + ".log"),
                result.diagnostics().get(i));
            JsonNode summary = result.summaries().get(i);
            if (summary != null) {
              for (JsonNode peer : summary.get("peers")) {
                if (peer.get("framesDecoded").asLong() == 0) {
                  System.err.printf("N=%d run %d: P%d decoded nothing from %s (%s), its call %d ms%n",
                      n, run, i + 1, peer.get("name").asText(), peer.get("state").asText(),
                      summary.get("durationMs").asLong());
                }
              }
            }
            if (result.statuses().get(i) != 0) {
              String log = result.diagnostics().get(i);
              System.err.printf("N=%d run %d P%d exit %d%s%n%s%n", n, run, i + 1,
                  result.statuses().get(i), log.contains("SIGSEGV") ? " (SIGSEGV)" : "",
                  log.length() <= 3000 ? log : log.substring(log.length() - 3000));
            }
            if (result.statuses().get(i) != 0 || i == n - 1) {
              System.err.println("logs in " + logs.toAbsolutePath());
            }
          }
        }
      }
    }
    System.out.println("load after: " + loadAverage());
  }

  private static String row(int n, int run, Mesh.Run result) {
    long exitZero = result.statuses().stream().filter(s -> s == 0).count();
    long ok = result.summaries().stream().filter(s -> s != null && s.get("ok").asBoolean()).count();
    List<Double> fps = new ArrayList<>();
    long decoding = 0;
    long links = 0;
    for (JsonNode summary : result.summaries()) {
      if (summary == null) {
        continue;
      }
      for (JsonNode peer : summary.get("peers")) {
        links++;
        long frames = peer.get("framesDecoded").asLong();
        if (frames > 0) {
          decoding++;
          fps.add(peer.get("decodedFps").asDouble());
        }
      }
    }
    List<Double> cores = result.cores().stream().sorted().toList();
    List<Double> sortedFps = fps.stream().sorted().toList();
    return String.format(Locale.ROOT, "| %d | %d | %d/%d | %d/%d | %.2f / %.2f / %.2f | %.1f / %.1f "
            + "| %d/%d | %s |",
        n, run, exitZero, n, ok, n, cores.getFirst(), cores.get(cores.size() / 2), cores.getLast(),
        sortedFps.isEmpty() ? 0 : sortedFps.getFirst(),
        sortedFps.isEmpty() ? 0 : sortedFps.get(sortedFps.size() / 2),
        decoding, n * (n - 1L), loadAverage());
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (Exception e) {
      return "?";
    }
  }
}
