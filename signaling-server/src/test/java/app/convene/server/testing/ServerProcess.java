package app.convene.server.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server's runnable jar ({@code server.jar}, set by failsafe) in a process of its own, as an
 * administrator runs it, on a free loopback port. Its output is collected; {@link #kill()} is
 * SIGKILL ({@code kill -9}), {@link #close()} SIGTERM and then SIGKILL if it does not stop.
 * For {@code *IT} tests, which run after the jar is built.
 */
public final class ServerProcess implements AutoCloseable {
  private static final Pattern LISTENING = Pattern.compile("listening on ws://[^:/]+:(\\d+)/signal");

  private final Process process;
  private final List<String> output = new CopyOnWriteArrayList<>();
  private final Thread reader;
  private final int port;

  private ServerProcess(List<String> command) throws IOException, InterruptedException {
    process = new ProcessBuilder(command).redirectErrorStream(true).start();
    reader = Thread.ofPlatform().daemon().name("server-output").start(() -> {
      try (BufferedReader in = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        in.lines().forEach(output::add);
      } catch (IOException | UncheckedIOException e) {
        output.add("(output ended: " + e + ")");
      }
    });
    port = awaitPort(System.nanoTime() + TimeUnit.SECONDS.toNanos(60));
  }

  /**
   * Starts the jar and waits until it listens.
   *
   * @param jvmOptions options of the {@code java} command before {@code -jar}
   * @param args the server's flags; {@code --port=0} is added
   */
  public static ServerProcess start(List<String> jvmOptions, List<String> args)
      throws IOException, InterruptedException {
    Path jar = Path.of(System.getProperty("server.jar", "target/convene-server.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("no server jar at " + jar + "; run mvn verify");
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-jar");
    command.add(jar.toString());
    command.add("--port=0");
    command.addAll(args);
    return new ServerProcess(command);
  }

  public int port() {
    return port;
  }

  /** {@code http://127.0.0.1:PORT/}. */
  public URI base() {
    return URI.create("http://127.0.0.1:" + port + "/");
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** The exit code, after the process has ended. */
  public int exitCode() {
    return process.exitValue();
  }

  /** Waits up to the timeout for the process to end; whether it has. */
  public boolean awaitExit(long timeout, TimeUnit unit) throws InterruptedException {
    return process.waitFor(timeout, unit);
  }

  /** Everything the process printed so far. */
  public String output() {
    return String.join("\n", output);
  }

  /**
   * The process's peak resident memory ({@code VmHWM} of {@code /proc/PID/status}) in KiB, or -1
   * where there is no such file (not Linux, or the process has ended).
   */
  public long peakRssKib() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException e) {
      return -1;
    }
    return -1;
  }

  /** SIGKILL, as {@code kill -9}: no shutdown hook runs, nothing is flushed. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** SIGTERM; SIGKILL after 30 s. */
  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    }
    reader.join(10_000);
  }

  private int awaitPort(long deadline) throws InterruptedException {
    while (System.nanoTime() < deadline) {
      boolean ended = !process.isAlive();
      if (ended) {
        reader.join(2_000);
      }
      for (String line : output) {
        Matcher matcher = LISTENING.matcher(line.replace("\\/", "/"));
        if (matcher.find()) {
          return Integer.parseInt(matcher.group(1));
        }
      }
      if (ended) {
        throw new IllegalStateException("the server exited with " + process.exitValue()
            + " before listening:\n" + output());
      }
      Thread.sleep(50);
    }
    process.destroyForcibly();
    throw new IllegalStateException("the server did not say where it listens within 60 s:\n"
        + output());
  }
}
