package app.convene.client.headless;

import static org.assertj.core.api.Assertions.assertThat;

import app.convene.client.testing.Mesh;
import app.convene.client.testing.TestBackend;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Five headless participants, each its own process, in one room on this machine for 25 s: a full
 * mesh of ten peer connections, twenty encoded streams. Every participant must decode every other
 * one, print its summary and exit 0. On main this failed in two runs of two: a stats call that
 * timed out under the load, and "Object handle is null" from stats racing a peer's leave.
 */
class MeshCallTest {
  private static final int SIZE = 5;
  private static final int FRAMES = 60;
  private static final int DURATION_SECONDS = 25;

  private static TestBackend backend;

  @BeforeAll
  static void startServer() throws Exception {
    backend = TestBackend.start();
  }

  @AfterAll
  static void stopServer() throws Exception {
    backend.close();
  }

  @Test
  void fiveParticipantsEachDecodeEveryOtherAndExitZero() throws Exception {
    Mesh.Run run = Mesh.run(backend, SIZE, 6, DURATION_SECONDS + 40,
        "--duration=" + DURATION_SECONDS);

    List<String> ids = new ArrayList<>();
    for (int i = 0; i < SIZE; i++) {
      String context = run.diagnostics().get(i);
      assertThat(run.statuses().get(i)).as("exit status of P%d%n%s", i + 1, context).isZero();
      JsonNode summary = run.summaries().get(i);
      assertThat(summary).as(context).isNotNull();
      assertThat(summary.get("ok").asBoolean()).as(context).isTrue();
      ids.add(summary.get("peerId").asText());
    }
    for (JsonNode summary : run.summaries()) {
      List<String> decoded = new ArrayList<>();
      for (JsonNode peer : summary.get("peers")) {
        if (peer.get("framesDecoded").asLong() >= FRAMES) {
          decoded.add(peer.get("peerId").asText());
        }
      }
      List<String> others = new ArrayList<>(ids);
      others.remove(summary.get("peerId").asText());
      assertThat(decoded).as("peers decoded %d frames from, in %s", FRAMES, summary)
          .containsExactlyInAnyOrderElementsOf(others);
    }
  }
}
