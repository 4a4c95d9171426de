package app.convene.client.testing;

import app.convene.client.testing.TestBackend.Account;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A room of N headless participants, each its own process, on a {@link TestBackend}: starts them
 * 300 ms apart, samples each one's CPU time every 500 ms from {@code /proc}, and waits for all.
 */
public final class Mesh {
  /**
   * What a room's run gave.
   *
   * @param statuses exit statuses in start order (-1: killed after the timeout)
   * @param summaries the printed JSON summaries ({@code null} where none was printed)
   * @param cores CPU used by each process while all were in the call, in cores
   * @param windowSeconds how long that measuring window was
   * @param diagnostics each process's output and log, for failure messages
   */
  public record Run(List<Integer> statuses, List<JsonNode> summaries, List<Double> cores,
      double windowSeconds, List<String> diagnostics) {}

  private Mesh() {}

  /**
   * Runs a room of {@code size}; {@code flags} go to every participant ({@code --peers} is set to
   * the others' count). CPU is measured from {@code warmUpSeconds} after the last start until the
   * first participant leaves.
   */
  public static Run run(TestBackend backend, int size, double warmUpSeconds, long timeoutSeconds,
      String... flags) throws Exception {
    List<List<String>> each = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      each.add(List.of(flags));
    }
    return run(backend, each, warmUpSeconds, timeoutSeconds);
  }

  /**
   * Like {@link #run(TestBackend, int, double, long, String...)}, with each participant's own
   * flags: {@code flags.get(i)} go to participant i + 1.
   */
  public static Run run(TestBackend backend, List<List<String>> flags, double warmUpSeconds,
      long timeoutSeconds) throws Exception {
    int size = flags.size();
    List<Account> accounts = new ArrayList<>();
    for (int i = 1; i <= size; i++) {
      accounts.add(backend.account("P" + i));
    }
    String room = backend.meeting(accounts.getFirst(), "Mesh of " + size,
        accounts.subList(1, size).toArray(Account[]::new));
    List<HeadlessProcess> processes = new ArrayList<>();
    try {
      for (int i = 0; i < size; i++) {
        List<String> own = new ArrayList<>(flags.get(i));
        own.add("--peers=" + (size - 1));
        processes.add(HeadlessProcess.start(backend, accounts.get(i), room,
            own.toArray(String[]::new)));
        Thread.sleep(300);
      }
      long windowStart = System.nanoTime() + (long) (warmUpSeconds * 1e9);
      long[] startCpu = null;
      long[] lastCpu = null;
      long lastAt = 0;
      long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
      while (processes.stream().anyMatch(HeadlessProcess::isAlive) && System.nanoTime() < deadline) {
        long now = System.nanoTime();
        long[] cpu = processes.stream().mapToLong(HeadlessProcess::cpuMillis).toArray();
        boolean allAlive = processes.stream().allMatch(HeadlessProcess::isAlive)
            && java.util.Arrays.stream(cpu).allMatch(c -> c >= 0);
        if (allAlive && now >= windowStart) {
          if (startCpu == null) {
            startCpu = cpu;
            windowStart = now;
          }
          lastCpu = cpu;
          lastAt = now;
        }
        Thread.sleep(500);
      }
      List<Integer> statuses = new ArrayList<>();
      List<JsonNode> summaries = new ArrayList<>();
      List<String> diagnostics = new ArrayList<>();
      for (HeadlessProcess p : processes) {
        statuses.add(p.waitFor(Math.max(1, (deadline - System.nanoTime()) / 1_000_000_000L)));
        summaries.add(p.summary());
        diagnostics.add(p.output() + "\n" + p.errors());
      }
      List<Double> cores = new ArrayList<>();
      double window = startCpu == null ? 0 : (lastAt - windowStart) / 1e9;
      for (int i = 0; i < size; i++) {
        cores.add(window <= 0 ? Double.NaN : (lastCpu[i] - startCpu[i]) / 1000.0 / window);
      }
      return new Run(statuses, summaries, cores, window, diagnostics);
    } finally {
      processes.forEach(HeadlessProcess::close);
    }
  }
}
