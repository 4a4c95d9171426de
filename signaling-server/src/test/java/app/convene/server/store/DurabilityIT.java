package app.convene.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import app.convene.protocol.api.AuthSession;
import app.convene.protocol.api.Credentials;
import app.convene.protocol.api.EventRequest;
import app.convene.protocol.api.EventView;
import app.convene.protocol.api.Registration;
import app.convene.protocol.api.ServiceKind;
import app.convene.server.testing.Api;
import app.convene.server.testing.ServerProcess;
import app.convene.server.testing.TestDatabase;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 2xx is a promise: concurrent writers create meetings over REST against the real server jar,
 * the server is killed with SIGKILL ({@code kill -9}) in the middle of it, started again on the
 * same data, and every meeting that had been answered 201 must be there. Run for the embedded H2
 * file (the default) and for PostgreSQL. Prints the write rate it saw (docs/benchmarks.md);
 * {@code -Dconvene.durability.writers=N} and {@code -Dconvene.durability.acknowledged=N} change
 * how many write and how many answers it waits for before the kill.
 */
class DurabilityIT {
  private static final int WRITERS = Integer.getInteger("convene.durability.writers", 16);
  /** The server is killed once this many meetings have been acknowledged. */
  private static final int ACKNOWLEDGED_BEFORE_KILL =
      Integer.getInteger("convene.durability.acknowledged", 600);
  private static final Duration WRITE_LIMIT = Duration.ofSeconds(40);
  private static final int MAX_WRITES_PER_WRITER = 5_000;
  private static final Instant FIRST_START = Instant.parse("2027-03-01T09:00:00Z");

  @TempDir Path dataDir;

  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void everyAcknowledgedMeetingSurvivesKill9OnTheEmbeddedDatabase() throws Exception {
    // For comparison (docs/benchmarks.md) another H2 URL may be given, %s standing for the data
    // folder, e.g. the one before WRITE_DELAY=0.
    String url = System.getProperty("convene.durability.h2-url");
    killMidWayAndCheck("H2", url == null ? List.of("--data-dir=" + dataDir)
        : List.of("--data-dir=" + dataDir, "--db-url=" + url.replace("%s", dataDir.toString())));
  }

  @Test
  void everyAcknowledgedMeetingSurvivesKill9OnPostgresql() throws Exception {
    try (TestDatabase.Fresh database = TestDatabase.POSTGRESQL.create()) {
      killMidWayAndCheck("PostgreSQL", List.of("--data-dir=" + dataDir,
          "--db-url=" + database.url(), "--db-user=" + database.user()));
    }
  }

  private void killMidWayAndCheck(String name, List<String> args) throws Exception {
    String email = "writer@example.org";
    String password = "correct horse battery";
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    AtomicInteger refused = new AtomicInteger();
    long started;
    long killedAt;
    try (ServerProcess server = ServerProcess.start(List.of(), args)) {
      String token = register(server.base(), email, password);
      AtomicBoolean stop = new AtomicBoolean();
      ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
      started = System.nanoTime();
      for (int w = 0; w < WRITERS; w++) {
        int writer = w;
        writers.execute(() -> write(server.base(), token, writer, stop, acknowledged, refused));
      }
      long deadline = started + WRITE_LIMIT.toNanos();
      while (acknowledged.size() < ACKNOWLEDGED_BEFORE_KILL && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      server.kill();
      killedAt = System.nanoTime();
      stop.set(true);
      writers.shutdown();
      assertThat(writers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
      assertThat(server.exitCode()).as("killed by SIGKILL").isEqualTo(137);
    }
    assertThat(acknowledged).as("meetings acknowledged before the kill").hasSizeGreaterThan(50);
    assertThat(refused.get()).as("writes answered with an error").isZero();

    List<String> missing = new ArrayList<>();
    try (ServerProcess again = ServerProcess.start(List.of(), args)) {
      String token = login(again.base(), email, password);
      for (String id : acknowledged) {
        HttpResponse<String> found = send(again.base(), "GET", "api/events/" + id, token, null);
        if (found.statusCode() != 200) {
          missing.add(id + " (" + found.statusCode() + ")");
        }
      }
    }
    double seconds = (killedAt - started) / 1e9;
    System.out.printf("durability %s: %d writers, %d meetings acknowledged in %.1f s"
            + " (%.0f/s), %d missing after kill -9%n", name, WRITERS, acknowledged.size(),
        seconds, acknowledged.size() / seconds, missing.size());
    assertThat(missing).as("acknowledged meetings lost by kill -9 (%d of %d)", missing.size(),
        acknowledged.size()).isEmpty();
  }

  /** One writer: creates meetings one after another until stopped or the server is gone. */
  private void write(URI base, String token, int writer, AtomicBoolean stop,
      Set<String> acknowledged, AtomicInteger refused) {
    for (int i = 0; i < MAX_WRITES_PER_WRITER && !stop.get(); i++) {
      Instant start = FIRST_START.plus(Duration.ofMinutes(writer * 10_000L + i));
      EventRequest meeting = new EventRequest("w" + writer + " #" + i, null, start,
          start.plus(Duration.ofMinutes(30)), "Europe/Berlin", List.of(), ServiceKind.NATIVE,
          null);
      HttpResponse<String> created;
      try {
        created = send(base, "POST", "api/events", token, meeting);
      } catch (IOException e) {
        return; // killed: the answer never came
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      if (created.statusCode() == 201) {
        acknowledged.add(read(created, EventView.class).id());
      } else {
        refused.incrementAndGet();
      }
    }
  }

  private String register(URI base, String email, String password) throws Exception {
    HttpResponse<String> answer = send(base, "POST", "api/auth/register", null,
        new Registration(email, password, "Writer"));
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
    return read(answer, AuthSession.class).accessToken();
  }

  private String login(URI base, String email, String password) throws Exception {
    HttpResponse<String> answer = send(base, "POST", "api/auth/login", null,
        new Credentials(email, password));
    assertThat(answer.statusCode()).as("the account survived: %s", answer.body()).isEqualTo(200);
    return read(answer, AuthSession.class).accessToken();
  }

  private HttpResponse<String> send(URI base, String method, String path, String token,
      Object body) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
        .timeout(Duration.ofSeconds(30))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(Api.JSON.writeValueAsString(body)))
        .header("Content-Type", "application/json");
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static <T> T read(HttpResponse<String> answer, Class<T> type) {
    try {
      return Api.JSON.readValue(answer.body(), type);
    } catch (IOException e) {
      throw new AssertionError("not a " + type.getSimpleName() + ": " + answer.body(), e);
    }
  }
}
