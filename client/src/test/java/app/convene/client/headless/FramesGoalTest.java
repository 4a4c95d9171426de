package app.convene.client.headless;

import static org.assertj.core.api.Assertions.assertThat;

import app.convene.client.testing.TestBackend;
import app.convene.client.testing.TestBackend.Account;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code --frames=N}: a participant that reached its goal must not strand the others. */
class FramesGoalTest {
  private static final Duration DURATION = Duration.ofSeconds(40);
  private static TestBackend backend;
  private static final ExecutorService THREADS = Executors.newCachedThreadPool();

  @BeforeAll
  static void startServer() throws Exception {
    backend = TestBackend.start();
  }

  @AfterAll
  static void stopServer() throws Exception {
    backend.close();
    THREADS.shutdown();
  }

  @Test
  void twoParticipantsWithAFrameGoalBothLeaveLongBeforeTheirDuration() throws Exception {
    Account anna = backend.account("Anna");
    Account boris = backend.account("Boris");
    String room = backend.meeting(anna, "Frames", boris);

    // Boris sends 20 fps and Anna 30: Boris has his 60 frames a second before Anna has hers.
    CompletableFuture<HeadlessSummary> a =
        CompletableFuture.supplyAsync(participant(anna, room, 30)::run, THREADS);
    Thread.sleep(500);
    CompletableFuture<HeadlessSummary> b =
        CompletableFuture.supplyAsync(participant(boris, room, 20)::run, THREADS);

    for (HeadlessSummary summary : new HeadlessSummary[] {a.get(60, TimeUnit.SECONDS),
        b.get(60, TimeUnit.SECONDS)}) {
      String json = HeadlessParticipant.toJson(summary);
      assertThat(summary.ok()).as(json).isTrue();
      assertThat(summary.peers()).as(json).singleElement()
          .satisfies(peer -> assertThat(peer.framesDecoded()).isGreaterThanOrEqualTo(60));
      assertThat(summary.durationMs()).as(json).isLessThan(DURATION.toMillis() / 2);
    }
  }

  private static HeadlessParticipant participant(Account account, String room, int fps) {
    return new HeadlessParticipant(new HeadlessOptions(backend.signalingUri(), account.email(),
        account.password(), room, null, account.user().displayName(), DURATION, 60, 1, 320, 180,
        fps));
  }
}
