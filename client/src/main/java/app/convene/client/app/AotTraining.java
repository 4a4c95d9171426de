package app.convene.client.app;

import app.convene.client.storage.SealedFiles;
import app.convene.client.account.SessionStore;
import app.convene.client.api.ApiClient;
import app.convene.protocol.api.AuthSession;
import app.convene.protocol.api.EventRequest;
import app.convene.protocol.api.ServiceKind;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Hidden {@code --aot-training}, for the installer build's training run of the AOT cache: a
 * throwaway server (on a free loopback port) and a signed-in account with one meeting today, in a
 * temporary folder, so that the run starts the app as a signed-in user does and exits once the
 * calendar shows ({@link StartupProbe}). Everything is deleted on {@link #close()}.
 *
 * <p>The server runs in a process of its own, started without the training's JVM options: the
 * cache holds what the app needs up to the calendar's first frame and no more. Every class in the
 * cache is loaded when the JVM starts, and the server's (Jetty, H2, Flyway, Bouncy Castle: some
 * 4,000 of the 11,000 classes of a start) are needed only after that frame, when the embedded
 * server starts; in the cache they cost each start 0.1 to 0.2 s before the calendar shows and
 * each process their share of its memory (docs/benchmarks.md, "Start-up: what the AOT cache
 * holds, and a machine without a GPU").
 */
final class AotTraining implements AutoCloseable {
  private final Path root;
  private final Process server;
  private final int port;

  private AotTraining(Path root, Process server, int port) {
    this.root = root;
    this.server = server;
    this.port = port;
  }

  static AotTraining start() throws Exception {
    Path root = Files.createTempDirectory("convene-aot-training");
    Clock clock = Clock.systemDefaultZone(); // a run of its own, on the system clock
    int port = freePort();
    ProcessBuilder builder = new ProcessBuilder(
        ProcessHandle.current().info().command().orElseThrow(
            () -> new IllegalStateException("cannot tell which java runs the training")),
        "-cp", System.getProperty("java.class.path"), "app.convene.server.Main",
        "--port=" + port, "--data-dir=" + root.resolve("server"))
        .redirectErrorStream(true)
        .redirectOutput(root.resolve("server.log").toFile());
    builder.environment().remove("JAVA_TOOL_OPTIONS"); // it holds -XX:AOTCacheOutput
    AotTraining training = new AotTraining(root, builder.start(), port);
    try {
      URI base = training.server();
      awaitListening(port, training.server);
      ApiClient api = new ApiClient(base, null, session -> { }, clock);
      AuthSession session = api.register("training-" + UUID.randomUUID() + "@example.invalid",
          UUID.randomUUID().toString(), "Training");
      ApiClient signedIn = new ApiClient(base, session, s -> { }, clock);
      Instant start = clock.instant().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
      signedIn.schedule(new EventRequest("Training meeting", "", start, start.plus(Duration.ofMinutes(30)),
          clock.getZone().getId(), List.of(), ServiceKind.NATIVE, null));
      // The training folder is thrown away: its key stays in it, not in the keychain.
      new SessionStore(SealedFiles.withKeyFile(training.dataDir())).save(base,
          signedIn.session());
      return training;
    } catch (Exception e) {
      training.close();
      throw e;
    }
  }

  /** The throwaway server's HTTP address. */
  URI server() {
    return URI.create("http://127.0.0.1:" + port);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /**
   * Waits up to a minute for the server process to listen (Jetty opens its port once everything
   * behind it has started). A plain connect, as the app's own start makes: an HTTP client here
   * would put classes into the cache that a start does not use.
   */
  private static void awaitListening(int port, Process server) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
    while (!EmbeddedServer.listening(port)) {
      if (!server.isAlive()) {
        throw new IllegalStateException("the training's server exited with status "
            + server.exitValue());
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the training's server did not listen on port " + port);
      }
      Thread.sleep(100);
    }
  }

  /** The app's data folder, with the stored session in it. */
  Path dataDir() {
    return root.resolve("client");
  }

  @Override
  public void close() {
    server.destroy();
    try {
      if (!server.waitFor(30, TimeUnit.SECONDS)) {
        server.destroyForcibly();
      }
    } catch (InterruptedException e) {
      server.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    try (Stream<Path> files = Files.walk(root)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // a temporary folder; the system cleans it up
    }
  }
}
