package app.convene.server.bench;

import app.convene.protocol.api.Credentials;
import app.convene.protocol.api.Registration;
import app.convene.server.ServerConfig;
import app.convene.server.SignalingServer;
import app.convene.server.testing.Api;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * Sign-in throughput of a real user while an attacker guesses passwords, with the default
 * throttle (docs/benchmarks.md, "Sign-in under attack"). The server trusts 127.0.0.1 as a proxy,
 * so that the user and the attacker can come from two addresses over loopback
 * ({@code X-Forwarded-For}). The user signs in one request after another for the given time,
 * first alone, then while attacker threads send wrong passwords for another account as fast as
 * they are answered. Not a test: run it like {@link WeekListingBenchmark}.
 *
 * <p>Arguments: seconds per phase (default 10), attacker threads (default 8).
 */
public final class LoginUnderAttackBenchmark {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private LoginUnderAttackBenchmark() {}

  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    int attackers = args.length > 1 ? Integer.parseInt(args[1]) : 8;
    Path dataDir = Files.createTempDirectory("convene-bench-");
    ServerConfig config = ServerConfig.defaults().withNetwork(n -> n.withPort(0))
        .withStorage(s -> s.withDataDir(dataDir))
        .withThrottle(ServerConfig.defaults().throttle()
            .withTrustedProxies(List.of("127.0.0.1")));
    try (SignalingServer server = SignalingServer.start(config)) {
      URI base = server.apiUri();
      post(base.resolve("auth/register"), new Registration("user@example.org",
          "correct horse battery", "User"), "198.51.100.1");
      post(base.resolve("auth/register"), new Registration("victim@example.org",
          "another good passphrase", "Victim"), "198.51.100.2");
      Credentials good = new Credentials("user@example.org", "correct horse battery");
      signIns(base, good, 2); // warm-up
      double alone = signIns(base, good, seconds);
      System.out.printf(Locale.ROOT, "sign-ins of one user, alone: %.1f/s%n", alone);

      AtomicBoolean stop = new AtomicBoolean();
      ConcurrentHashMap<Integer, LongAdder> answers = new ConcurrentHashMap<>();
      List<Thread> threads = new java.util.ArrayList<>();
      for (int i = 0; i < attackers; i++) {
        int n = i;
        threads.add(Thread.ofPlatform().start(() -> {
          int guess = 0;
          while (!stop.get()) {
            int status = post(base.resolve("auth/login"), new Credentials("victim@example.org",
                "guess " + n + "-" + guess++), "203.0.113.7");
            answers.computeIfAbsent(status, s -> new LongAdder()).increment();
          }
        }));
      }
      double attacked = signIns(base, good, seconds);
      stop.set(true);
      for (Thread t : threads) {
        t.join();
      }
      System.out.printf(Locale.ROOT, "sign-ins of one user, under attack by %d threads: %.1f/s%n",
          attackers, attacked);
      System.out.printf(Locale.ROOT, "attacker's answers in %d s: %s%n", seconds, answers);
    }
  }

  /**
   * Good sign-ins one after another for the time; returns how many succeeded a second. A 503
   * (password hashing busy) is retried after 100 ms and counted apart; anything else stops.
   */
  private static double signIns(URI base, Credentials good, int seconds)
      throws InterruptedException {
    long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
    long start = System.nanoTime();
    int count = 0;
    int busy = 0;
    while (System.nanoTime() < end) {
      int status = post(base.resolve("auth/login"), good, "198.51.100.1");
      if (status == 503) {
        busy++;
        Thread.sleep(100);
        continue;
      }
      if (status != 200) {
        throw new IllegalStateException("the user's sign-in got " + status);
      }
      count++;
    }
    if (busy > 0) {
      System.out.printf(Locale.ROOT, "  (the user got 503 server_busy %d times)%n", busy);
    }
    return count / ((System.nanoTime() - start) / 1e9);
  }

  private static int post(URI uri, Object body, String forwardedFor) {
    try {
      HttpRequest request = HttpRequest.newBuilder(uri)
          .header("Content-Type", "application/json")
          .header("X-Forwarded-For", forwardedFor)
          .POST(HttpRequest.BodyPublishers.ofString(Api.JSON.writeValueAsString(body)))
          .build();
      return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
