package app.convene.server.signaling;

import static org.assertj.core.api.Assertions.assertThat;

import app.convene.protocol.Answer;
import app.convene.protocol.Candidate;
import app.convene.protocol.ErrorCode;
import app.convene.protocol.ErrorMessage;
import app.convene.protocol.Offer;
import app.convene.protocol.PeerJoined;
import app.convene.protocol.Rejected;
import app.convene.server.testing.TestClient;
import app.convene.server.testing.TestServer;
import app.convene.server.testing.TestServer.Joiner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RelayTest {
  private TestServer server;

  @BeforeEach
  void start() throws Exception {
    server = TestServer.start();
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  @Test
  void offerAnswerAndCandidatesReachOnlyTheirAddresseeStampedWithTheSender() throws Exception {
    Joiner anna = server.joined("standup", "Anna");
    Joiner boris = server.joined("standup", "Boris");
    Joiner carl = server.joined("standup", "Carl");
    anna.client().expect(PeerJoined.class);
    anna.client().expect(PeerJoined.class);
    boris.client().expect(PeerJoined.class);

    carl.client().send(new Offer(anna.peerId(), "v=0 offer"));
    anna.client().send(new Answer(carl.peerId(), "v=0 answer"));
    carl.client().send(new Candidate(anna.peerId(), "0", 0, "candidate:1 1 udp 1 192.0.2.1 5000 typ host"));
    anna.client().send(new Candidate(carl.peerId(), "0", 0, "candidate:2 1 udp 1 192.0.2.2 5000 typ host"));

    assertThat(anna.client().expect(Offer.class))
        .isEqualTo(new Offer(carl.peerId(), anna.peerId(), "v=0 offer"));
    assertThat(carl.client().expect(Answer.class))
        .isEqualTo(new Answer(anna.peerId(), carl.peerId(), "v=0 answer"));
    assertThat(anna.client().expect(Candidate.class))
        .isEqualTo(new Candidate(carl.peerId(), anna.peerId(), "0", 0,
            "candidate:1 1 udp 1 192.0.2.1 5000 typ host"));
    assertThat(carl.client().expect(Candidate.class).from()).isEqualTo(anna.peerId());
    // Whatever Boris had been sent by the relays above would arrive before this offer.
    anna.client().send(new Offer(boris.peerId(), "v=0 for boris"));
    assertThat(boris.client().expect(Offer.class).sdp()).isEqualTo("v=0 for boris");
  }

  @Test
  void aRejectionReachesThePeerWhoseMessageWasRefused() throws Exception {
    Joiner anna = server.joined("standup", "Anna");
    Joiner boris = server.joined("standup", "Boris");
    anna.client().expect(PeerJoined.class);

    anna.client().send(new Rejected(boris.peerId(), "offer", "Failed to parse SessionDescription."));

    Rejected received = boris.client().expect(Rejected.class);
    assertThat(received.from()).isEqualTo(anna.peerId());
    assertThat(received.about()).isEqualTo("offer");
    assertThat(received.reason()).isEqualTo("Failed to parse SessionDescription.");
  }

  @Test
  void senderCannotForgeFrom() throws Exception {
    Joiner anna = server.joined("standup", "Anna");
    Joiner boris = server.joined("standup", "Boris");
    anna.client().expect(PeerJoined.class);

    boris.client().send(new Offer("p-forged00", anna.peerId(), "v=0"));

    assertThat(anna.client().expect(Offer.class).from()).isEqualTo(boris.peerId());
  }

  @Test
  void relayToUnknownPeerIsRefused() throws Exception {
    Joiner anna = server.joined("standup", "Anna");

    anna.client().send(new Answer("p-00000000", "v=0"));

    ErrorMessage error = anna.client().expectError(ErrorCode.UNKNOWN_PEER);
    assertThat(error.ref()).isEqualTo("answer");
    assertThat(error.message()).contains("p-00000000");
  }

  @Test
  void relayToAPeerInAnotherRoomIsRefused() throws Exception {
    Joiner anna = server.joined("standup", "Anna");
    Joiner boris = server.joined("retro", "Boris");

    anna.client().send(new Offer(boris.peerId(), "v=0"));

    assertThat(anna.client().expectError(ErrorCode.UNKNOWN_PEER).ref()).isEqualTo("offer");
  }

  @Test
  void relayBeforeJoiningIsRefused() throws Exception {
    Joiner anna = server.joined("standup", "Anna");
    TestClient stranger = server.connect();

    stranger.send(new Candidate(anna.peerId(), "0", 0, "candidate:1 1 udp 1 192.0.2.1 5000 typ host"));

    assertThat(stranger.expectError(ErrorCode.NOT_IN_ROOM).ref()).isEqualTo("candidate");
  }

  @Test
  void relayToOneselfIsRefused() throws Exception {
    Joiner anna = server.joined("standup", "Anna");

    anna.client().send(new Offer(anna.peerId(), "v=0"));

    assertThat(anna.client().expectError(ErrorCode.INVALID_FIELD).message()).contains("own peer id");
  }
}
