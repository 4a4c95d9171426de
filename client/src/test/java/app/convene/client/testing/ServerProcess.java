package app.convene.client.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Convene server in a process of its own ({@code app.convene.server.Main}, as the runnable jar
 * starts it), on a given loopback port and data folder, so that a test can stop it gracefully
 * (SIGTERM) or kill it (SIGKILL) and start another on the same port and data.
 */
public final class ServerProcess implements AutoCloseable {
  private final Process process;
  private final int port;

  private ServerProcess(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /**
   * Starts a server and waits until {@code /health} answers 200.
   *
   * @param log where the server's output goes (appended)
   */
  public static ServerProcess start(int port, Path dataDir, Path log, String... flags)
      throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"),
        "app.convene.server.Main", "--port=" + port, "--data-dir=" + dataDir));
    command.addAll(List.of(flags));
    Process process = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .start();
    // Never outlive the test JVM, also when it is stopped half-way.
    Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
    ServerProcess server = new ServerProcess(process, port);
    server.awaitHealthy(Duration.ofSeconds(60));
    return server;
  }

  /** A port that was free a moment ago. */
  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  public URI signalingUri() {
    return URI.create("ws://127.0.0.1:" + port + "/signal");
  }

  public URI httpBase() {
    return URI.create("http://127.0.0.1:" + port);
  }

  /** SIGTERM: the server tells its clients it is shutting down; waits until the process ended. */
  public void stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }

  /** SIGKILL: the process dies at once, its sockets are reset by the kernel. */
  public void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }

  private void awaitHealthy(Duration timeout) throws InterruptedException, IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    try (HttpClient http = HttpClient.newHttpClient()) {
      HttpRequest health = HttpRequest.newBuilder(httpBase().resolve("/health"))
          .timeout(Duration.ofSeconds(2)).build();
      while (System.nanoTime() < deadline) {
        if (!process.isAlive()) {
          throw new IOException("the server process ended with status " + process.exitValue());
        }
        try {
          if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
            return;
          }
        } catch (IOException e) {
          // not listening yet
        }
        Thread.sleep(25);
      }
    }
    throw new IOException("the server did not answer /health within " + timeout);
  }
}
