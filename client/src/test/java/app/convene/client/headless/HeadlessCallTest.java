package app.convene.client.headless;

import static org.assertj.core.api.Assertions.assertThat;

import app.convene.client.testing.TestBackend;
import app.convene.client.testing.TestBackend.Account;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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

/** Headless participants in real rooms on a real server: real encoded video peer to peer. */
class HeadlessCallTest {
  private static TestBackend backend;
  /** One thread per participant, as if each were its own app. */
  private static final ExecutorService THREADS = Executors.newCachedThreadPool();

  @BeforeAll
  static void startServer() throws Exception {
    backend = TestBackend.start();
  }

  @AfterAll
  static void stopServer() throws Exception {
    backend.close();
  }

  @Test
  void twoParticipantsEachDecodeTheOthersVideoAtTheSentResolution() throws Exception {
    List<HeadlessSummary> summaries = runAll("Pair", 2, 640, 360);

    for (HeadlessSummary summary : summaries) {
      assertThat(summary.ok()).as(HeadlessParticipant.toJson(summary)).isTrue();
      assertThat(summary.peers()).singleElement().satisfies(peer -> {
        assertThat(peer.framesDecoded()).isGreaterThanOrEqualTo(30);
        assertThat(peer.width()).isEqualTo(640);
        assertThat(peer.height()).isEqualTo(360);
        assertThat(peer.state()).isEqualTo("CONNECTED");
        assertThat(peer.firstFrameMs()).isPositive();
      });
    }
  }

  @Test
  void everyPairOfAThreePersonRoomConnects() throws Exception {
    List<HeadlessSummary> summaries = runAll("Trio", 3, 320, 180);

    List<String> ids = summaries.stream().map(HeadlessSummary::peerId).toList();
    assertThat(summaries).allSatisfy(s -> assertThat(s.error()).isNull());
    assertThat(ids).doesNotHaveDuplicates().doesNotContainNull();
    // The first to join leaves first, while all three are still there.
    assertThat(summaries.getFirst().peers()).allSatisfy(peer -> {
      assertThat(peer.width()).isEqualTo(213);
      assertThat(peer.height()).isEqualTo(120);
    });
    for (HeadlessSummary summary : summaries) {
      assertThat(summary.peers()).as(HeadlessParticipant.toJson(summary)).hasSize(2);
      assertThat(summary.peers()).allSatisfy(peer -> {
        assertThat(ids).contains(peer.peerId());
        assertThat(peer.state()).isEqualTo("CONNECTED");
        assertThat(peer.framesDecoded()).isGreaterThanOrEqualTo(30);
        // Three in a room: every sender scales its 320×180 down by 1.5 (the send ladder's rung 1);
        // once the first one has left, the last two send full size again.
        assertThat(peer.width()).isIn(213, 320);
      });
    }
  }

  @Test
  void commandLineParticipantPrintsAJsonSummaryAndExitsZeroWhenItDecodedVideo() throws Exception {
    Account owner = backend.account("In-process");
    Account guest = backend.account("Command line");
    String room = backend.meeting(owner, "CLI", guest);
    CompletableFuture<HeadlessSummary> inProcess = CompletableFuture.supplyAsync(() ->
        participant(owner, room, 320, 180).run(), THREADS);
    Process process = launcher("--headless", "--server=" + backend.signalingUri(), "--room=" + room,
        "--email=" + guest.email(), "--password=" + guest.password(), "--name=Command line",
        "--duration=6", "--width=320", "--height=180");

    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    String[] lines = output.strip().split("\n");
    JsonNode summary = new ObjectMapper().readTree(lines[lines.length - 1]);
    assertThat(summary.get("ok").asBoolean()).isTrue();
    assertThat(summary.get("peers").get(0).get("name").asText()).isEqualTo("In-process");
    assertThat(summary.get("peers").get(0).get("framesDecoded").asLong()).isGreaterThanOrEqualTo(30);
    assertThat(summary.get("peers").get(0).has("rttMs")).isTrue();
    assertThat(summary.get("peers").get(0).has("firstFrameMs")).isTrue();
    assertThat(inProcess.get(30, TimeUnit.SECONDS).ok()).isTrue();
  }

  @Test
  void commandLineParticipantAloneExitsNonZero() throws Exception {
    Account alone = backend.account("Alone");
    String room = backend.meeting(alone, "Empty");
    Process process = launcher("--headless", "--server=" + backend.signalingUri(), "--room=" + room,
        "--email=" + alone.email(), "--password=" + alone.password(), "--duration=1");

    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isEqualTo(1);
    assertThat(output).contains("\"ok\":false");
  }

  @Test
  void unreachableServerIsReportedInTheSummary() {
    HeadlessSummary summary = new HeadlessParticipant(new HeadlessOptions(
        java.net.URI.create("ws://127.0.0.1:9/signal"), "lost@example.com", "secret secret",
        "r-nowhere", null, "Lost", Duration.ofSeconds(2), 0, 1, 320, 180, 15)).run();

    assertThat(summary.ok()).isFalse();
    assertThat(summary.error()).contains("cannot reach the server");
  }

  /**
   * Starts {@code count} participants of one meeting 200 ms apart; each stays 6 s (about 180
   * frames sent).
   */
  private static List<HeadlessSummary> runAll(String title, int count, int w, int h)
      throws Exception {
    List<Account> accounts = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      accounts.add(backend.account("P" + i));
    }
    String room = backend.meeting(accounts.getFirst(), title,
        accounts.subList(1, count).toArray(Account[]::new));
    List<CompletableFuture<HeadlessSummary>> runs = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      HeadlessParticipant participant = participant(accounts.get(i), room, w, h);
      runs.add(CompletableFuture.supplyAsync(participant::run, THREADS));
      Thread.sleep(200);
    }
    List<HeadlessSummary> summaries = new ArrayList<>();
    for (CompletableFuture<HeadlessSummary> run : runs) {
      summaries.add(run.get(60, TimeUnit.SECONDS));
    }
    return summaries;
  }

  private static HeadlessParticipant participant(Account account, String room, int width, int height) {
    return new HeadlessParticipant(new HeadlessOptions(backend.signalingUri(), account.email(),
        account.password(), room, null, account.user().displayName(), Duration.ofSeconds(6), 0, 1,
        width, height, 30));
  }

  private static Process launcher(String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("--enable-native-access=ALL-UNNAMED");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("app.convene.client.app.Launcher");
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(false)
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
  }
}
