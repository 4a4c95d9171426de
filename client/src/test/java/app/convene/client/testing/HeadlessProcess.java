package app.convene.client.testing;

import app.convene.client.testing.TestBackend.Account;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A headless participant in its own JVM, started as {@code java … Launcher --headless} with the
 * test class path: a native crash ends only that process, as it would end only one person's app.
 * Its standard output is collected; its CPU time can be sampled from {@code /proc/<pid>/stat}.
 */
public final class HeadlessProcess implements AutoCloseable {
  private static final long CLOCK_TICKS_PER_SECOND = 100; // USER_HZ on Linux
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final CompletableFuture<String> output;
  private final CompletableFuture<String> errors;

  private HeadlessProcess(Process process) {
    this.process = process;
    this.output = drain(process.getInputStream());
    this.errors = drain(process.getErrorStream());
  }

  /** Starts a participant of {@code room} as {@code account}, with further flags. */
  public static HeadlessProcess start(TestBackend backend, Account account, String room,
      String... flags) throws IOException {
    List<String> args = new ArrayList<>(List.of("--headless",
        "--server=" + backend.signalingUri(), "--room=" + room, "--email=" + account.email(),
        "--password=" + account.password(), "--name=" + account.user().displayName()));
    args.addAll(List.of(flags));
    return launch(args);
  }

  /** Starts {@code Launcher} with {@code args}. */
  public static HeadlessProcess launch(List<String> args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("--enable-native-access=ALL-UNNAMED");
    command.add("-XX:TieredStopAtLevel=1"); // the quick JIT only, as the installed app runs
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("app.convene.client.app.Launcher");
    command.addAll(args);
    return new HeadlessProcess(new ProcessBuilder(command).start());
  }

  public long pid() {
    return process.pid();
  }

  /** CPU time (user + system) the process used so far in ms, or -1 once it is gone. */
  public long cpuMillis() {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
      // Fields after the command name, which is in parentheses and may contain spaces.
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
      return ticks * 1000 / CLOCK_TICKS_PER_SECOND;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Waits for the exit; returns the exit status, or -1 on timeout (then the process is killed). */
  public int waitFor(long seconds) throws InterruptedException {
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      return -1;
    }
    return process.exitValue();
  }

  /** Everything it printed on standard output. */
  public String output() {
    return output.join();
  }

  /** Everything it printed on standard error. */
  public String errors() {
    return errors.join();
  }

  /** The last lines it printed on standard error (where the logs go), for failure messages. */
  public String errorTail() {
    String all = errors.join();
    return all.length() <= 4000 ? all : all.substring(all.length() - 4000);
  }

  /** The JSON summary, its last line of standard output; {@code null} if it printed none. */
  public JsonNode summary() {
    String[] lines = output().strip().split("\n");
    try {
      JsonNode node = JSON.readTree(lines[lines.length - 1]);
      return node != null && node.has("ok") ? node : null;
    } catch (IOException e) {
      return null;
    }
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }

  private static CompletableFuture<String> drain(InputStream in) {
    return CompletableFuture.supplyAsync(() -> {
      try (in) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        return "";
      }
    }, runnable -> {
      Thread t = new Thread(runnable, "drain");
      t.setDaemon(true);
      t.start();
    });
  }
}
