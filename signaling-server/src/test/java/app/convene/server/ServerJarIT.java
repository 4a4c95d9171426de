package app.convene.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server's delivery artifact as an administrator runs it: {@code java -jar
 * convene-server-VERSION.jar} in its own process, on a free port, answering {@code /health};
 * SIGTERM stops it cleanly. Runs in {@code mvn verify} after the jar is built.
 */
class ServerJarIT {
  private static final Pattern LISTENING = Pattern.compile("listening on ws://[^:/]+:(\\d+)/signal");

  @TempDir Path dataDir;

  @Test
  void theRunnableJarStartsFromTheDocumentedCommandAndAnswersHealth() throws Exception {
    Path jar = Path.of(System.getProperty("server.jar", "target/convene-server.jar"));
    assertThat(jar).isRegularFile();
    Process server = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", jar.toString(), "--port=0", "--data-dir=" + dataDir)
        .redirectErrorStream(true).start();
    List<String> output = new CopyOnWriteArrayList<>();
    Thread reader = Thread.ofPlatform().daemon().start(() -> {
      try (BufferedReader in = new BufferedReader(
          new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
        in.lines().forEach(output::add);
      } catch (java.io.IOException | java.io.UncheckedIOException e) {
        output.add("(output ended: " + e + ")");
      }
    });
    try {
      int listening = port(output, System.nanoTime() + TimeUnit.SECONDS.toNanos(60));

      try (HttpClient http = HttpClient.newHttpClient()) {
        HttpResponse<String> health = http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + listening + "/health"))
                .timeout(Duration.ofSeconds(10)).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"ok\"");
      }
      assertThat(dataDir.resolve("convene.mv.db")).as("the embedded database").isRegularFile();
    } finally {
      server.toHandle().destroy(); // SIGTERM (and the output stays readable to the end)
      if (!server.waitFor(30, TimeUnit.SECONDS)) {
        server.destroyForcibly();
      }
      reader.join(10_000);
    }
    assertThat(String.join("\n", output)).contains("signaling server stopped")
        .doesNotContain("Exception");
  }

  /** The port from the "listening on ws://host:port/signal" log line (JSON escapes the slashes). */
  private static int port(List<String> output, long deadline) throws InterruptedException {
    while (System.nanoTime() < deadline) {
      for (String line : output) {
        Matcher matcher = LISTENING.matcher(line.replace("\\/", "/"));
        if (matcher.find()) {
          return Integer.parseInt(matcher.group(1));
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the server did not say where it listens within 60 s:\n"
        + String.join("\n", output));
  }
}
