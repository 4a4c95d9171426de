package app.convene.client.headless;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.convene.client.api.ApiException;
import app.convene.client.testing.TestBackend;
import app.convene.client.testing.TestBackend.Account;
import app.convene.protocol.Peer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The host removes a participant from a live call of headless participants on a real server: the
 * removed one's call ends at once and says why; the others' call goes on.
 */
class HostRemovalTest {
  private static final ExecutorService THREADS = Executors.newCachedThreadPool();

  @Test
  void hostRemovesAParticipantWhoseCallEndsWhileTheOthersGoOn() throws Exception {
    try (TestBackend backend = TestBackend.start()) {
      Account anna = backend.account("Anna");
      Account boris = backend.account("Boris");
      Account carl = backend.account("Carl");
      String room = backend.meeting(anna, "Review", boris, carl);
      CompletableFuture<HeadlessSummary> annaRun = run(backend, anna, room, 18);
      CompletableFuture<HeadlessSummary> carlRun = run(backend, carl, room, 24);
      CompletableFuture<HeadlessSummary> borisRun = run(backend, boris, room, 60);
      List<Peer> everyone = awaitParticipants(anna, room, 3);
      Thread.sleep(3_000); // video flows between all three
      String borisPeer = everyone.stream().filter(p -> p.name().equals("Boris")).findFirst()
          .orElseThrow().peerId();

      assertThatThrownBy(() -> carl.api().removeParticipant(room, borisPeer))
          .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(403));
      long before = System.nanoTime();
      anna.api().removeParticipant(room, borisPeer);
      HeadlessSummary removed = borisRun.get(15, TimeUnit.SECONDS);
      Duration took = Duration.ofNanos(System.nanoTime() - before);

      assertThat(removed.ok()).isFalse();
      assertThat(removed.error()).isEqualTo("the call ended: the host removed you from the call");
      assertThat(took).as("the removed participant stops at once, not after its 60 s")
          .isLessThan(Duration.ofSeconds(10));
      assertThat(anna.api().participants(room)).extracting(Peer::name)
          .containsExactlyInAnyOrder("Anna", "Carl");
      HeadlessSummary annaStayed = annaRun.get(60, TimeUnit.SECONDS);
      HeadlessSummary carlStayed = carlRun.get(60, TimeUnit.SECONDS);
      // Anna leaves at 18 s, Carl at 24 s: each went on decoding the other to the end.
      for (HeadlessSummary stayed : List.of(annaStayed, carlStayed)) {
        assertThat(stayed.ok()).as(HeadlessParticipant.toJson(stayed)).isTrue();
        assertThat(stayed.error()).isNull();
      }
      assertThat(annaStayed.peers()).filteredOn(p -> p.name().equals("Carl")).singleElement()
          .satisfies(p -> {
            assertThat(p.state()).isEqualTo("CONNECTED");
            assertThat(p.framesDecoded()).isGreaterThan(60);
          });
      assertThat(carlStayed.peers()).filteredOn(p -> p.name().equals("Anna")).singleElement()
          .satisfies(p -> assertThat(p.framesDecoded()).isGreaterThan(60));
    }
  }

  private static CompletableFuture<HeadlessSummary> run(TestBackend backend, Account account,
      String room, int seconds) {
    HeadlessParticipant participant = new HeadlessParticipant(new HeadlessOptions(
        backend.signalingUri(), account.email(), account.password(), room, null,
        account.user().displayName(), Duration.ofSeconds(seconds), 0, 1, 320, 180, 15));
    return CompletableFuture.supplyAsync(participant::run, THREADS);
  }

  private static List<Peer> awaitParticipants(Account host, String room, int count)
      throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (true) {
      List<Peer> peers = host.api().participants(room);
      if (peers.size() >= count || System.nanoTime() > deadline) {
        assertThat(peers).hasSize(count);
        return peers;
      }
      Thread.sleep(200);
    }
  }
}
