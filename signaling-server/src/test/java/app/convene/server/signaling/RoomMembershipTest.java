package app.convene.server.signaling;

import static org.assertj.core.api.Assertions.assertThat;

import app.convene.protocol.Answer;
import app.convene.protocol.ErrorCode;
import app.convene.protocol.IceServer;
import app.convene.protocol.Join;
import app.convene.protocol.Joined;
import app.convene.protocol.Leave;
import app.convene.protocol.Offer;
import app.convene.protocol.Peer;
import app.convene.protocol.PeerJoined;
import app.convene.protocol.PeerLeft;
import app.convene.protocol.ProtocolVersion;
import app.convene.server.testing.TestClient;
import app.convene.server.testing.TestServer;
import app.convene.server.testing.TestServer.Joiner;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RoomMembershipTest {
  private TestServer server;

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  @Test
  void joinReplyCarriesPeerIdPeersIceServersAndRoomLimit() throws Exception {
    IceServer stun = new IceServer(List.of("stun:stun.example.org:3478"), null, null);
    server = TestServer.start(TestServer.config().withIce(i -> i.withServers(List.of(stun)))
        .withSignaling(s -> s.withMaxPeersPerRoom(4)));

    Joined joined = server.connect().join("standup", "Anna");

    assertThat(joined.protocol()).isEqualTo(ProtocolVersion.CURRENT);
    assertThat(joined.roomId()).isEqualTo(server.roomId("standup"));
    assertThat(joined.peerId()).matches("p-[0-9a-f]{8}");
    assertThat(joined.peers()).isEmpty();
    assertThat(joined.iceServers()).containsExactly(stun);
    assertThat(joined.maxPeers()).isEqualTo(4);
  }

  @Test
  void secondJoinerSeesTheFirstAndTheFirstIsToldOfTheSecond() throws Exception {
    server = TestServer.start();
    Joiner anna = server.joined("standup", "Anna");

    Joiner boris = server.joined("standup", "Boris");

    assertThat(boris.joined().peers()).containsExactly(new Peer(anna.peerId(), "Anna"));
    assertThat(boris.peerId()).isNotEqualTo(anna.peerId());
    assertThat(anna.client().expect(PeerJoined.class).peer())
        .isEqualTo(new Peer(boris.peerId(), "Boris"));
  }

  @Test
  void roomAndDisplayNameAreStripped() throws Exception {
    server = TestServer.start();
    TestClient annasClient = server.connect();
    annasClient.send(new Join("  " + server.roomId("standup") + "\t", " Anna "));
    Joiner anna = new Joiner(annasClient, annasClient.expect(Joined.class));

    Joiner boris = server.joined("standup", "Boris");

    assertThat(anna.joined().roomId()).isEqualTo(server.roomId("standup"));
    assertThat(boris.joined().peers()).containsExactly(new Peer(anna.peerId(), "Anna"));
  }

  @Test
  void leaveTellsTheOthersThePeerLeft() throws Exception {
    server = TestServer.start();
    Joiner anna = server.joined("standup", "Anna");
    Joiner boris = server.joined("standup", "Boris");
    anna.client().expect(PeerJoined.class);

    boris.client().send(new Leave());

    assertThat(anna.client().expect(PeerLeft.class))
        .isEqualTo(new PeerLeft(boris.peerId(), PeerLeft.Reason.LEFT));
  }

  @Test
  void droppedSocketTellsTheOthersThePeerDisconnected() throws Exception {
    server = TestServer.start();
    Joiner anna = server.joined("standup", "Anna");
    Joiner boris = server.joined("standup", "Boris");
    anna.client().expect(PeerJoined.class);

    boris.client().drop();

    assertThat(anna.client().expect(PeerLeft.class))
        .isEqualTo(new PeerLeft(boris.peerId(), PeerLeft.Reason.DISCONNECTED));
  }

  @Test
  void peerCanJoinAgainAfterLeavingOnTheSameSocket() throws Exception {
    server = TestServer.start();
    Joiner anna = server.joined("standup", "Anna");
    Joiner boris = server.joined("standup", "Boris");
    anna.client().expect(PeerJoined.class);
    boris.client().send(new Leave());
    anna.client().expect(PeerLeft.class);

    Joined again = boris.client().join("standup", "Boris");

    assertThat(again.peerId()).isEqualTo(boris.peerId());
    assertThat(again.peers()).containsExactly(new Peer(anna.peerId(), "Anna"));
    assertThat(anna.client().expect(PeerJoined.class).peer().peerId()).isEqualTo(boris.peerId());
  }

  @Test
  void fullRoomRefusesTheNextJoinerAndTellsNobody() throws Exception {
    server = TestServer.start(TestServer.config().withSignaling(s -> s.withMaxPeersPerRoom(2)));
    Joiner anna = server.joined("standup", "Anna");
    Joiner boris = server.joined("standup", "Boris");
    anna.client().expect(PeerJoined.class);
    TestClient carl = server.connect();

    carl.send(new Join(server.roomId("standup"), "Carl"));

    assertThat(carl.expectError(ErrorCode.ROOM_FULL).ref()).isEqualTo("join");
    // Nothing for Anna or Boris was queued before these relays: they arrive next.
    anna.client().send(new Offer(boris.peerId(), "v=0 after full"));
    assertThat(boris.client().expect(Offer.class).sdp()).isEqualTo("v=0 after full");
    boris.client().send(new Answer(anna.peerId(), "v=0 answer"));
    assertThat(anna.client().expect(Answer.class).sdp()).isEqualTo("v=0 answer");
  }

  @Test
  void refusedJoinerCanJoinAnotherRoom() throws Exception {
    server = TestServer.start(TestServer.config().withSignaling(s -> s.withMaxPeersPerRoom(1)));
    server.joined("standup", "Anna");
    TestClient boris = server.connect();
    boris.send(new Join(server.roomId("standup"), "Boris"));
    boris.expectError(ErrorCode.ROOM_FULL);

    assertThat(boris.join("retro", "Boris").peers()).isEmpty();
  }

  @Test
  void secondJoinIsRefusedAndMembershipIsUnchanged() throws Exception {
    server = TestServer.start();
    Joiner anna = server.joined("standup", "Anna");
    Joiner boris = server.joined("standup", "Boris");
    anna.client().expect(PeerJoined.class);

    anna.client().send(new Join(server.roomId("retro"), "Anna"));

    assertThat(anna.client().expectError(ErrorCode.ALREADY_IN_ROOM).ref()).isEqualTo("join");
    assertThat(server.joined("retro", "Carl").joined().peers()).isEmpty();
    boris.client().send(new Offer(anna.peerId(), "v=0 still here"));
    assertThat(anna.client().expect(Offer.class).from()).isEqualTo(boris.peerId());
  }

  @Test
  void leaveOutsideARoomIsRefused() throws Exception {
    server = TestServer.start();
    TestClient anna = server.connect();

    anna.send(new Leave());

    assertThat(anna.expectError(ErrorCode.NOT_IN_ROOM).ref()).isEqualTo("leave");
  }

  @Test
  void badRoomOrDisplayNameIsRefusedAsInvalid() throws Exception {
    server = TestServer.start();
    TestClient anna = server.connect();

    anna.send(new Join("r".repeat(129), "Anna"));
    assertThat(anna.expectError(ErrorCode.INVALID_FIELD).message()).contains("room");
    anna.send(new Join(server.roomId("standup"), "An\u0007na"));
    assertThat(anna.expectError(ErrorCode.INVALID_FIELD).message()).contains("name");
    anna.send(new Join(server.roomId("standup"), "n".repeat(65)));
    assertThat(anna.expectError(ErrorCode.INVALID_FIELD).message()).contains("name");

    assertThat(anna.join("r".repeat(128), "n".repeat(64)).peers()).isEmpty();
  }
}
