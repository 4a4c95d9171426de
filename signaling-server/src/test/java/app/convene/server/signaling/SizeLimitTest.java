package app.convene.server.signaling;

import static org.assertj.core.api.Assertions.assertThat;

import app.convene.protocol.ErrorCode;
import app.convene.protocol.ErrorMessage;
import app.convene.protocol.Offer;
import app.convene.protocol.PeerJoined;
import app.convene.protocol.PeerLeft;
import app.convene.server.SignalingServer;
import app.convene.server.testing.TestClient;
import app.convene.server.testing.TestServer;
import app.convene.server.testing.TestServer.Joiner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SizeLimitTest {
  private static final int LIMIT = 1024;

  private TestServer server;
  private Joiner anna;
  private Joiner boris;

  @BeforeEach
  void start() throws Exception {
    server = TestServer.start(TestServer.config().withSignaling(s -> s.withMaxMessageBytes(LIMIT)));
    anna = server.joined("standup", "Anna");
    boris = server.joined("standup", "Boris");
    anna.client().expect(PeerJoined.class);
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  @Test
  void messageOverTheLimitGetsATypedErrorAndTheSocketStaysUsable() throws Exception {
    anna.client().send(new Offer(boris.peerId(), "v".repeat(5 * 1024)));

    ErrorMessage error = anna.client().expectError(ErrorCode.MESSAGE_TOO_LARGE);

    assertThat(error.message()).contains("1024");
    anna.client().send(new Offer(boris.peerId(), "v=0"));
    assertThat(boris.client().expect(Offer.class).sdp()).isEqualTo("v=0");
  }

  @Test
  void limitCountsUtf8BytesNotCharacters() throws Exception {
    String sdp = "\u00e9".repeat(600); // 600 characters, 1200 bytes

    anna.client().send(new Offer(boris.peerId(), sdp));

    anna.client().expectError(ErrorCode.MESSAGE_TOO_LARGE);
  }

  @Test
  void messageAtTheLimitIsRelayed() throws Exception {
    String prefix = "{\"type\":\"offer\",\"to\":\"" + boris.peerId() + "\",\"sdp\":\"";
    String sdp = "v".repeat(LIMIT - prefix.length() - 2);

    anna.client().sendText(prefix + sdp + "\"}");

    assertThat(boris.client().expect(Offer.class).sdp()).isEqualTo(sdp);
  }

  @Test
  void messageBeyondTheHardLimitClosesTheSocketWith1009() throws Exception {
    String sdp = "v".repeat(SignalingServer.HARD_LIMIT_FACTOR * LIMIT + 1);

    anna.client().send(new Offer(boris.peerId(), sdp));

    TestClient.Closed closed = anna.client().awaitClosed();
    assertThat(closed.code()).isEqualTo(1009);
    assertThat(boris.client().expect(PeerLeft.class))
        .isEqualTo(new PeerLeft(anna.peerId(), PeerLeft.Reason.DISCONNECTED));
  }
}
