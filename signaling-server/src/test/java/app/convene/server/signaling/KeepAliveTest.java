package app.convene.server.signaling;

import static org.assertj.core.api.Assertions.assertThat;

import app.convene.protocol.ErrorCode;
import app.convene.protocol.ErrorMessage;
import app.convene.protocol.Join;
import app.convene.protocol.Joined;
import app.convene.protocol.Leave;
import app.convene.protocol.Offer;
import app.convene.protocol.PeerJoined;
import app.convene.protocol.PeerLeft;
import app.convene.protocol.SignalCodec;
import app.convene.server.testing.RawWebSocket;
import app.convene.server.testing.TestClient;
import app.convene.server.testing.TestServer;
import app.convene.server.testing.TestServer.Joiner;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KeepAliveTest {
  private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(1);

  private TestServer server;

  @BeforeEach
  void start() throws Exception {
    server = TestServer.start(TestServer.config()
        .withSignaling(s -> s.withKeepAlive(IDLE_TIMEOUT, Duration.ofMillis(200))));
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  @Test
  void silentClientThatAnswersPingsStaysConnected() throws Exception {
    Joiner anna = server.joined("standup", "Anna");
    Joiner boris = server.joined("standup", "Boris");
    anna.client().expect(PeerJoined.class);

    Thread.sleep(IDLE_TIMEOUT.multipliedBy(3).toMillis()); // nothing to wait for: time must pass

    anna.client().send(new Offer(boris.peerId(), "v=0"));
    assertThat(boris.client().expect(Offer.class).sdp()).isEqualTo("v=0");
  }

  @Test
  void signedInSocketThatNeverJoinsARoomStaysConnected() throws Exception {
    TestClient idle = server.connect();

    Thread.sleep(IDLE_TIMEOUT.multipliedBy(3).toMillis()); // nothing to wait for: time must pass

    idle.send(new Leave());
    idle.expectError(ErrorCode.NOT_IN_ROOM); // answered: still open
  }

  @Test
  void serverAnswersClientPings() throws Exception {
    try (TestClient pinging =
        TestClient.connectPinging(server.server().signalingUri(), server.host().token(),
            server::roomId, Duration.ofMillis(100))) {
      Joined joined = pinging.join("standup", "Anna");

      Thread.sleep(IDLE_TIMEOUT.multipliedBy(2).toMillis()); // nothing to wait for: time must pass

      pinging.send(new Offer(joined.peerId(), "v=0")); // to itself: refused, but answered
      assertThat(pinging.expect(ErrorMessage.class).code()).isEqualTo(ErrorCode.INVALID_FIELD);
    }
  }

  @Test
  void clientThatAnswersNoPingsIsDisconnectedAfterTheIdleTimeout() throws Exception {
    Joiner anna = server.joined("standup", "Anna");
    RawWebSocket mute = server.connectRaw(64 * 1024);
    mute.sendText(SignalCodec.write(new Join(server.roomId("standup"), "Mute")));
    String muteId = anna.client().expect(PeerJoined.class).peer().peerId();

    assertThat(anna.client().expect(PeerLeft.class))
        .isEqualTo(new PeerLeft(muteId, PeerLeft.Reason.DISCONNECTED));
  }
}
