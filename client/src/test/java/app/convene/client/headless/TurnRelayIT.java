package app.convene.client.headless;

import static org.assertj.core.api.Assertions.assertThat;

import app.convene.client.testing.TestBackend;
import app.convene.client.testing.TestBackend.Account;
import app.convene.protocol.IceServer;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Calls relayed through a real coturn ({@code turnserver}, Debian package {@code coturn}) that
 * checks the TURN credentials our server issues with its shared secret ({@code use-auth-secret}).
 * Both participants use relay-only ICE, so media can only flow through coturn.
 */
class TurnRelayIT {
  private static final String SECRET = "turn-relay-it-" + System.nanoTime();
  private static final ExecutorService THREADS = Executors.newCachedThreadPool();
  private static Process turn;
  private static int turnPort;
  private static Path turnDir;

  @BeforeAll
  static void startCoturn() throws Exception {
    turnDir = Files.createTempDirectory("convene-coturn");
    turnPort = freeUdpPort();
    // allow-loopback-peers: both participants' relay addresses are on 127.0.0.1, and coturn refuses
    // loopback peers by default (as it must in production, docs/server.md). Only this test allows them.
    List<String> command = List.of("turnserver", "-n", "--listening-ip=127.0.0.1",
        "--relay-ip=127.0.0.1", "--listening-port=" + turnPort, "--use-auth-secret",
        "--static-auth-secret=" + SECRET, "--realm=convene.test", "--allow-loopback-peers",
        "--verbose", "--no-cli", "--no-tls", "--no-dtls", "--no-tcp-relay", "--fingerprint",
        "--log-file=stdout", "--userdb=" + turnDir.resolve("turndb"),
        "--pidfile=" + turnDir.resolve("turnserver.pid"));
    try {
      turn = new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(turnDir.resolve("turnserver.log").toFile())
          .start();
    } catch (IOException e) {
      throw new AssertionError("turnserver is not installed (apt-get install coturn)", e);
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!log().contains("Relay ports initialization done") && System.nanoTime() < deadline) {
      assertThat(turn.isAlive()).as("turnserver exited: %s", log()).isTrue();
      Thread.sleep(50);
    }
    assertThat(log()).contains("Relay ports initialization done");
  }

  @AfterAll
  static void stopCoturn() throws Exception {
    if (turn != null) {
      turn.destroy();
      turn.waitFor(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void relayOnlyCallCarriesVideoThroughCoturnWithIssuedCredentials() throws Exception {
    List<HeadlessSummary> summaries = call(Clock.systemUTC(), SECRET, "Relayed");

    for (HeadlessSummary summary : summaries) {
      assertThat(summary.ok()).as(HeadlessParticipant.toJson(summary)).isTrue();
      assertThat(summary.peers()).singleElement().satisfies(peer -> {
        assertThat(peer.route()).isEqualTo("relay");
        assertThat(peer.state()).isEqualTo("CONNECTED");
        assertThat(peer.framesDecoded()).isGreaterThanOrEqualTo(30);
      });
    }
    assertThat(log()).contains("ALLOCATE processed, success", "CHANNEL_BIND processed, success");
  }

  @Test
  void membersOfACallOlderThanTheirCredentialsStillReachANewcomer() throws Exception {
    IceServer relay = new IceServer(
        List.of("turn:127.0.0.1:" + turnPort + "?transport=udp"), null, null);
    try (TestBackend backend = TestBackend.start(Clock.systemUTC(), c -> c
        .withIce(i -> i.withServers(List.of(relay)).withTurnSecret(SECRET)
            .withTurnCredentialTtl(Duration.ofSeconds(2))))) {
      Account anna = backend.account("Anna");
      Account boris = backend.account("Boris");
      Account vera = backend.account("Vera");
      String room = backend.meeting(anna, "Long call", boris, vera);
      CompletableFuture<HeadlessSummary> first = start(backend, anna, room, 16);
      CompletableFuture<HeadlessSummary> second = start(backend, boris, room, 16);
      Thread.sleep(6_000); // Anna's and Boris's two-second credentials have long expired

      HeadlessSummary late = start(backend, vera, room, 8).get(60, TimeUnit.SECONDS);

      assertThat(late.peers()).as(HeadlessParticipant.toJson(late)).hasSize(2)
          .allSatisfy(peer -> {
            assertThat(peer.route()).isEqualTo("relay");
            assertThat(peer.framesDecoded()).isGreaterThanOrEqualTo(30);
          });
      for (HeadlessSummary early : List.of(first.get(60, TimeUnit.SECONDS),
          second.get(60, TimeUnit.SECONDS))) {
        // Their own link, made with credentials that expired mid-call, carried on throughout.
        assertThat(early.ok()).as(HeadlessParticipant.toJson(early)).isTrue();
        assertThat(early.peers()).hasSize(2).allSatisfy(peer -> {
          assertThat(peer.route()).isEqualTo("relay");
          assertThat(peer.framesDecoded()).isGreaterThanOrEqualTo(30);
        });
      }
    }
  }

  @Test
  void credentialsSignedWithAnotherSecretCarryNoMedia() throws Exception {
    List<HeadlessSummary> summaries = call(Clock.systemUTC(), "not-" + SECRET, "Wrong secret");

    assertThat(summaries).allSatisfy(summary -> {
      assertThat(summary.ok()).as(HeadlessParticipant.toJson(summary)).isFalse();
      assertThat(summary.peers()).allSatisfy(p -> assertThat(p.framesDecoded()).isZero());
    });
  }

  @Test
  void expiredCredentialsAreRefusedByCoturn() throws Exception {
    // The server's clock runs two hours behind: its one-hour credentials expired an hour ago.
    Clock late = Clock.offset(Clock.systemUTC(), Duration.ofHours(-2));

    List<HeadlessSummary> summaries = call(late, SECRET, "Expired");

    assertThat(summaries).allSatisfy(summary -> {
      assertThat(summary.ok()).as(HeadlessParticipant.toJson(summary)).isFalse();
      assertThat(summary.peers()).allSatisfy(p -> assertThat(p.framesDecoded()).isZero());
    });
  }

  /** Two relay-only participants in one meeting on a server that signs with {@code secret}. */
  private static List<HeadlessSummary> call(Clock clock, String secret, String title)
      throws Exception {
    IceServer relay = new IceServer(
        List.of("turn:127.0.0.1:" + turnPort + "?transport=udp"), null, null);
    try (TestBackend backend = TestBackend.start(clock,
        c -> c.withIce(i -> i.withServers(List.of(relay)).withTurnSecret(secret)))) {
      Account host = backend.account(title + " host");
      Account guest = backend.account(title + " guest");
      String room = backend.meeting(host, title, guest);
      List<CompletableFuture<HeadlessSummary>> runs = new ArrayList<>();
      for (Account account : List.of(host, guest)) {
        HeadlessParticipant participant = new HeadlessParticipant(new HeadlessOptions(
            backend.signalingUri(), account.email(), account.password(), room, null,
            account.user().displayName(), Duration.ofSeconds(8), 60, 1, 320, 180, 30, true));
        runs.add(CompletableFuture.supplyAsync(participant::run, THREADS));
        Thread.sleep(200);
      }
      List<HeadlessSummary> summaries = new ArrayList<>();
      for (CompletableFuture<HeadlessSummary> run : runs) {
        summaries.add(run.get(60, TimeUnit.SECONDS));
      }
      return summaries;
    }
  }

  private static CompletableFuture<HeadlessSummary> start(TestBackend backend, Account account,
      String room, int seconds) {
    HeadlessParticipant participant = new HeadlessParticipant(new HeadlessOptions(
        backend.signalingUri(), account.email(), account.password(), room, null,
        account.user().displayName(), Duration.ofSeconds(seconds), 0, 1, 320, 180, 30, true));
    return CompletableFuture.supplyAsync(participant::run, THREADS);
  }

  private static String log() throws IOException {
    Path file = turnDir.resolve("turnserver.log");
    return Files.exists(file) ? Files.readString(file) : "";
  }

  private static int freeUdpPort() throws IOException {
    try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
