package app.convene.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import app.convene.protocol.api.ApiError;
import app.convene.protocol.api.Credentials;
import app.convene.protocol.api.Registration;
import app.convene.server.testing.Api;
import app.convene.server.testing.ServerProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sign-in flood is answered, never fatal: the real server jar, started with the JVM options of
 * its systemd unit (installers/server/convene-server.service, so with that heap), gets 1,000
 * concurrent sign-ins with a wrong password on loopback. The process stays up, {@code /health}
 * answers all along (polled every 100 ms), the sign-ins the server cannot take now are answered
 * 503 {@code server_busy} with {@code Retry-After}, the others 401, and the right password still
 * works afterwards. Prints the figures for docs/benchmarks.md. Each Argon2id hash takes 19 MiB;
 * before they were bounded, such a flood exhausted the heap and the JVM exited. The throttle
 * (which would answer most of these 429 before any hash) is set out of reach here, so that the
 * flood reaches the hashing; ThrottleApiTest covers the throttle.
 */
class LoginFloodIT {
  private static final int LOGINS = Integer.getInteger("convene.flood.logins", 1_000);
  private static final Path UNIT = Path.of("../installers/server/convene-server.service");
  private static final String EMAIL = "anna@example.org";
  private static final String PASSWORD = "correct horse battery";

  @TempDir Path dataDir;

  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(10)).build();

  @Test
  void aThousandConcurrentWrongPasswordsAreAnsweredAndTheServerStaysUp() throws Exception {
    try (ServerProcess server = ServerProcess.start(unitJvmOptions(),
        List.of("--data-dir=" + dataDir, "--throttle-account-failures=1000000",
            "--throttle-address-failures=1000000"))) {
      HttpResponse<String> registered = post(server.base(), "api/auth/register",
          new Registration(EMAIL, PASSWORD, "Anna"));
      assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);

      AtomicBoolean flooding = new AtomicBoolean(true);
      List<Long> healthMillis = new ArrayList<>();
      List<String> healthFailures = new ArrayList<>();
      Thread poller = Thread.ofPlatform().name("health-poller").start(
          () -> pollHealth(server.base(), flooding, healthMillis, healthFailures));

      Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
      long started = System.nanoTime();
      CountDownLatch go = new CountDownLatch(1);
      try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
        for (int i = 0; i < LOGINS; i++) {
          clients.execute(() -> {
            try {
              go.await();
              String outcome = outcome(post(server.base(), "api/auth/login",
                  new Credentials(EMAIL, "wrong password")));
              outcomes.computeIfAbsent(outcome, o -> new AtomicInteger()).incrementAndGet();
            } catch (IOException e) {
              outcomes.computeIfAbsent("no answer: " + e.getClass().getSimpleName(),
                  o -> new AtomicInteger()).incrementAndGet();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          });
        }
        go.countDown();
        clients.shutdown();
        assertThat(clients.awaitTermination(90, TimeUnit.SECONDS)).as("the flood ended").isTrue();
      }
      double floodSeconds = (System.nanoTime() - started) / 1e9;
      flooding.set(false);
      poller.join(15_000);

      long peakRss = server.peakRssKib();
      Map<String, Integer> counts = new TreeMap<>();
      outcomes.forEach((k, v) -> counts.put(k, v.get()));
      long[] latencies = healthMillis.stream().mapToLong(Long::longValue).sorted().toArray();
      System.out.printf("login flood: %d concurrent wrong-password sign-ins in %.1f s: %s;"
              + " /health polled %d times, median %d ms, p95 %d ms, max %d ms, failures %s;"
              + " peak RSS %d MiB%n", LOGINS, floodSeconds, counts, latencies.length,
          percentile(latencies, 50), percentile(latencies, 95), percentile(latencies, 100),
          healthFailures, peakRss / 1024);

      assertAlive(server);
      assertThat(healthFailures).as("/health during the flood; the server said:\n%s",
          tail(server)).isEmpty();
      HttpResponse<String> right;
      try {
        right = loginWhenFree(server.base());
      } catch (IOException e) {
        assertAlive(server);
        throw e;
      }
      assertThat(latencies).as("/health was polled during the flood").hasSizeGreaterThan(3);
      assertThat(counts.keySet()).as("every sign-in got 401 or 503 with Retry-After")
          .isSubsetOf("401 bad_credentials", "503 server_busy");
      assertThat(counts).as("some sign-ins were turned away").containsKey("503 server_busy");
      assertThat(counts.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(LOGINS);
      assertThat(right.statusCode()).as("the right password after the flood: %s", right.body())
          .isEqualTo(200);
    }
  }

  /** The status and error code, and for 503 whether Retry-After came with it. */
  private static String outcome(HttpResponse<String> answer) {
    String code;
    try {
      code = Api.JSON.readValue(answer.body(), ApiError.class).code();
    } catch (IOException e) {
      code = "(not an ApiError)";
    }
    if (answer.statusCode() == 503 && answer.headers().firstValue("Retry-After").isEmpty()) {
      code += " without Retry-After";
    }
    return answer.statusCode() + " " + code;
  }

  /** Signs in with the right password, waiting out a 503 as its Retry-After says (a few times). */
  private HttpResponse<String> loginWhenFree(URI base) throws Exception {
    HttpResponse<String> answer = post(base, "api/auth/login", new Credentials(EMAIL, PASSWORD));
    for (int i = 0; i < 5 && answer.statusCode() == 503; i++) {
      Thread.sleep(1000L * Long.parseLong(answer.headers().firstValue("Retry-After").orElse("1")));
      answer = post(base, "api/auth/login", new Credentials(EMAIL, PASSWORD));
    }
    return answer;
  }

  /** A monitor of its own: its own client, so its own connections. */
  private static void pollHealth(URI base, AtomicBoolean flooding, List<Long> millis,
      List<String> failures) {
    HttpClient monitor = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    HttpRequest health = HttpRequest.newBuilder(base.resolve("health"))
        .timeout(Duration.ofSeconds(10)).build();
    for (int i = 0; i < 1_200 && flooding.get(); i++) { // at most 2 minutes
      long start = System.nanoTime();
      try {
        HttpResponse<String> answer = monitor.send(health, HttpResponse.BodyHandlers.ofString());
        millis.add((System.nanoTime() - start) / 1_000_000);
        if (answer.statusCode() != 200) {
          failures.add(answer.statusCode() + " " + answer.body());
        }
        Thread.sleep(100);
      } catch (IOException e) {
        failures.add(e.toString());
      } catch (InterruptedException e) {
        return;
      }
    }
    monitor.close();
  }

  private HttpResponse<String> post(URI base, String path, Object body)
      throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(Api.JSON.writeValueAsString(body)))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The options between {@code java} and {@code -jar} in the unit's ExecStart. */
  static List<String> unitJvmOptions() throws IOException {
    String execStart = Files.readAllLines(UNIT).stream()
        .filter(line -> line.startsWith("ExecStart=")).findFirst()
        .orElseThrow(() -> new AssertionError("no ExecStart in " + UNIT));
    List<String> words = Arrays.asList(execStart.substring("ExecStart=".length()).split("\\s+"));
    return List.copyOf(words.subList(1, words.indexOf("-jar")));
  }

  private static long percentile(long[] sorted, int percent) {
    if (sorted.length == 0) {
      return -1;
    }
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * percent / 100.0) - 1)];
  }

  private static void assertAlive(ServerProcess server) throws InterruptedException {
    if (server.awaitExit(1, TimeUnit.SECONDS)) {
      throw new AssertionError("the server exited with status " + server.exitCode() + ":\n"
          + tail(server));
    }
  }

  private static String tail(ServerProcess server) {
    String output = server.output();
    return output.substring(Math.max(0, output.length() - 3000));
  }
}
