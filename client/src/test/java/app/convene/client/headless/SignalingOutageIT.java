package app.convene.client.headless;

import static org.assertj.core.api.Assertions.assertThat;

import app.convene.client.headless.OutageScenario.Fault;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The signaling server goes away in the middle of a two-person call and a new server process comes
 * back on the same port and data folder two seconds later: the call goes on. Real server
 * processes, real WebRTC between two headless participants.
 */
class SignalingOutageIT {
  private static final Duration FAULT_AT = Duration.ofSeconds(5);
  private static final Duration DOWN_FOR = Duration.ofSeconds(2);
  /**
   * Long enough for a slow server start on a busy machine (a few seconds), the longest backoff
   * delay (5 s) and a few seconds of media after the return. A server with a new token secret
   * takes longer (a refused upgrade, a token renewed, a refused resume, a fresh join and a new
   * link): a loaded CI run took 16 s to be back, which left 22 s calls one second of media.
   */
  private static final Duration STAY = Duration.ofSeconds(30);

  @TempDir Path work;

  @Test
  void callOutlivesAGracefulServerRestart() throws Exception {
    assertCallWentOn(OutageScenario.run(Fault.STOP, FAULT_AT, DOWN_FOR, STAY, work));
  }

  @Test
  void callOutlivesAKilledServer() throws Exception {
    assertCallWentOn(OutageScenario.run(Fault.KILL, FAULT_AT, DOWN_FOR, STAY, work));
  }

  /**
   * A new token secret on the new server: access tokens are refused (the client renews its token
   * with its refresh token), and so are resume tokens (RESUME_REFUSED): both participants join
   * afresh with new peer ids and set their link up anew; the call still goes on.
   */
  @Test
  void aServerWithANewTokenSecretRefusesTheResumeAndTheCallIsSetUpAnew() throws Exception {
    OutageScenario.Result result = OutageScenario.run(Fault.KILL, FAULT_AT, DOWN_FOR, STAY, work,
        List.of("--token-secret=" + "first secret of at least 32 bytes!"),
        List.of("--token-secret=" + "second secret, also 32 bytes long"));

    List<HeadlessSummary> summaries = result.summaries();
    String context = String.join("\n",
        summaries.stream().map(HeadlessParticipant::toJson).toList());
    for (HeadlessSummary summary : summaries) {
      assertThat(summary.error()).as(context).isNull();
      assertThat(summary.reconnections().count()).as(context).isEqualTo(1);
      assertThat(summary.peers()).as(context).hasSize(2); // the peer before and after
      assertThat(summary.peers().getLast()).as(context).satisfies(peer -> {
        assertThat(peer.state()).isEqualTo("CONNECTED");
        assertThat(peer.framesDecoded()).isGreaterThan(60);
      });
    }
    HeadlessSummary anna = summaries.get(0);
    HeadlessSummary boris = summaries.get(1);
    assertThat(anna.peers().getLast().peerId()).as(context).isEqualTo(boris.peerId());
    assertThat(anna.peers().getFirst().peerId()).as(context).isNotEqualTo(boris.peerId());
  }

  private static void assertCallWentOn(OutageScenario.Result result) throws Exception {
    List<HeadlessSummary> summaries = result.summaries();
    String figures = String.join("\n", summaries.stream().map(HeadlessParticipant::toJson).toList())
        + "\nserver down for " + result.downMs() + " ms; back after it was up: "
        + result.backAfterServerUpMs() + " ms";
    System.out.println(figures);
    String context = figures + "\n" + Files.readString(result.serverLog()).lines()
        .filter(l -> l.contains("peer")).limit(40).reduce("", (a, b) -> a + "\n" + b);
    HeadlessSummary anna = summaries.get(0);
    HeadlessSummary boris = summaries.get(1);
    for (HeadlessSummary summary : summaries) {
      assertThat(summary.ok()).as(context).isTrue();
      assertThat(summary.error()).as(context).isNull();
      assertThat(summary.reconnections().count()).as(context).isEqualTo(1);
      assertThat(summary.reconnections().pending()).as(context).isFalse();
      // One peer the whole call, under one id: nobody left and came back as somebody new.
      assertThat(summary.peers()).as(context).singleElement().satisfies(peer -> {
        assertThat(peer.state()).isEqualTo("CONNECTED");
        assertThat(peer.mediaGaps().longestMs()).isLessThan(2_000);
        assertThat(peer.framesDecoded()).isGreaterThan(300);
      });
    }
    assertThat(anna.peers().getFirst().peerId()).as(context).isEqualTo(boris.peerId());
    assertThat(boris.peers().getFirst().peerId()).as(context).isEqualTo(anna.peerId());
  }
}
