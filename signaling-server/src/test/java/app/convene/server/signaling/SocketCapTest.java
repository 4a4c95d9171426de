package app.convene.server.signaling;

import static org.assertj.core.api.Assertions.assertThat;

import app.convene.protocol.ErrorMessage;
import app.convene.server.testing.Api;
import app.convene.server.testing.TestClient;
import app.convene.server.testing.TestServer;
import app.convene.server.throttle.ThrottleSettings;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** One account holds at most {@code maxSocketsPerAccount} signaling sockets. */
class SocketCapTest {

  /** The socket answers: a join of an unknown room gets its error. */
  private static void assertAlive(TestClient client) throws InterruptedException {
    assertThat(client.joinRoom(UUID.randomUUID().toString(), "Alive", null))
        .isInstanceOf(ErrorMessage.class);
  }

  @Test
  void theSocketOverTheCapIsClosedWithAReasonAndOthersAreNotAffected() throws Exception {
    ThrottleSettings capped = ThrottleSettings.DEFAULT.withAddressFailures(1_000_000)
        .withAttemptsPerWindow(1_000_000).withMaxSocketsPerAccount(3);
    try (TestServer server = TestServer.start(TestServer.config().withThrottle(capped))) {
      Api.User anna = server.api().register("Anna");
      Api.User boris = server.api().register("Boris");
      TestClient first = server.connect(anna.token());
      server.connect(anna.token());
      server.connect(anna.token());

      TestClient fourth = server.connect(anna.token());

      TestClient.Closed refused = fourth.awaitClosed();
      assertThat(refused.code()).isEqualTo(1008);
      assertThat(refused.reason())
          .isEqualTo("too many connections for this account (at most 3); close another first");
      assertAlive(server.connect(boris.token()));
      first.close();
      // The server forgets the closed socket when its close handshake ends: a few tries at most.
      long deadline = System.nanoTime() + TestClient.TIMEOUT.toNanos();
      while (true) {
        TestClient again = server.connect(anna.token());
        try {
          assertAlive(again);
          break;
        } catch (AssertionError stillFull) {
          if (System.nanoTime() > deadline) {
            throw stillFull;
          }
          Thread.sleep(50);
        }
      }
    }
  }
}
