package app.convene.server.signaling;

import static org.assertj.core.api.Assertions.assertThat;

import app.convene.protocol.Join;
import app.convene.protocol.Joined;
import app.convene.protocol.Leave;
import app.convene.protocol.Offer;
import app.convene.protocol.PeerJoined;
import app.convene.protocol.PeerLeft;
import app.convene.protocol.SignalCodec;
import app.convene.server.testing.RawWebSocket;
import app.convene.server.testing.TestServer;
import app.convene.server.testing.TestServer.Joiner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SlowConsumerTest {
  private static final int QUEUE_LIMIT = 32;
  private static final String BIG_SDP = "v".repeat(60 * 1024);

  private TestServer server;

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  @Test
  void peerThatStopsReadingIsDisconnectedAndTheSenderCarriesOn() throws Exception {
    server = TestServer.start(TestServer.config()
        .withSignaling(s -> s.withMaxQueuedMessages(QUEUE_LIMIT)));
    Joiner flooder = server.joined("standup", "Flooder");
    RawWebSocket slow = server.connectRaw(4 * 1024);
    slow.sendText(SignalCodec.write(new Join(server.roomId("standup"), "Slow")));
    String slowId = flooder.client().expect(PeerJoined.class).peer().peerId();

    // Far more than the TCP buffers and the queue hold; stops once the server gave up on Slow.
    for (int i = 0; i < 1_000 && !flooder.client().hasReceived(PeerLeft.class::isInstance); i++) {
      while (flooder.client().queuedBytes() > 4 * 1024 * 1024) {
        Thread.sleep(5); // OkHttp refuses to queue more than 16 MiB
      }
      flooder.client().send(new Offer(slowId, BIG_SDP));
    }

    assertThat(flooder.client().awaitMessage(PeerLeft.class, left -> true))
        .isEqualTo(new PeerLeft(slowId, PeerLeft.Reason.DISCONNECTED));
    flooder.client().send(new Leave());
    flooder.client().send(new Join(server.roomId("standup"), "Flooder"));
    Joined again = flooder.client().awaitMessage(Joined.class, joined -> true);
    assertThat(again.peers()).isEmpty();
  }
}
