package app.convene.server.signaling;

import static org.assertj.core.api.Assertions.assertThat;

import app.convene.protocol.ErrorCode;
import app.convene.protocol.Join;
import app.convene.protocol.Joined;
import app.convene.protocol.Offer;
import app.convene.protocol.Peer;
import app.convene.protocol.PeerJoined;
import app.convene.protocol.PeerLeft;
import app.convene.protocol.SignalMessage;
import app.convene.protocol.api.RoomRequest;
import app.convene.protocol.api.RoomView;
import app.convene.server.SignalingServer;
import app.convene.server.testing.Api;
import app.convene.server.testing.TestClient;
import app.convene.server.testing.TestClock;
import app.convene.server.testing.TestServer;
import app.convene.server.testing.TestServer.Joiner;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A participant whose socket dropped keeps its place for the resume grace, and comes back. */
class ResumeTest {
  private static final Duration GRACE = Duration.ofMillis(1500);
  private static final Predicate<SignalMessage> MEMBERSHIP =
      m -> m instanceof PeerLeft || m instanceof PeerJoined;

  private TestServer server;

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void droppedMembersSeatIsHeldForTheGraceThenPeerLeftGoesOut() throws Exception {
    server = TestServer.start(TestServer.config().withSignaling(s -> s.withResumeGrace(GRACE)));
    Joiner anna = server.joined("standup", "Anna");
    Joiner boris = server.joined("standup", "Boris");
    anna.client().expect(PeerJoined.class);

    long dropped = System.nanoTime();
    boris.client().drop();
    Thread.sleep(GRACE.toMillis() * 2 / 3);
    assertThat(anna.client().hasReceived(m -> m instanceof PeerLeft)).isFalse();

    PeerLeft left = anna.client().expect(PeerLeft.class);
    assertThat(left).isEqualTo(new PeerLeft(boris.peerId(), PeerLeft.Reason.DISCONNECTED));
    assertThat(Duration.ofNanos(System.nanoTime() - dropped)).isGreaterThanOrEqualTo(GRACE);
  }

  @Test
  void resumeWithinTheGraceKeepsThePeerIdAndTheOthersHearNothing() throws Exception {
    server = TestServer.start(TestServer.config().withSignaling(s -> s.withResumeGrace(GRACE)));
    Joiner anna = server.joined("standup", "Anna");
    Joiner boris = server.joined("standup", "Boris");
    anna.client().expect(PeerJoined.class);
    assertThat(boris.joined().resumeToken()).isNotBlank();

    boris.client().drop();
    anna.client().send(new Offer(boris.peerId(), "v=0 lost while away"));
    TestClient back = server.connect();
    back.send(new Join(server.roomId("standup"), "Boris").resuming(boris.joined().resumeToken()));
    Joined again = back.expect(Joined.class);

    assertThat(again.peerId()).isEqualTo(boris.peerId());
    assertThat(again.peers()).containsExactly(new Peer(anna.peerId(), "Anna"));
    assertThat(again.resumeToken()).isNotBlank();
    anna.client().send(new Offer(boris.peerId(), "v=0 after"));
    assertThat(back.expect(Offer.class)).isEqualTo(new Offer(anna.peerId(), boris.peerId(), "v=0 after"));
    back.send(new Offer(anna.peerId(), "v=0 from the resumed socket"));
    assertThat(anna.client().expect(Offer.class).from()).isEqualTo(boris.peerId());
    Thread.sleep(GRACE.toMillis() + 500);
    assertThat(anna.client().countReceived(MEMBERSHIP)).as("only Boris's first peer-joined")
        .isEqualTo(1);
  }

  @Test
  void resumeTakesTheSeatOverFromASocketNotYetSeenAsDead() throws Exception {
    server = TestServer.start(TestServer.config().withSignaling(s -> s.withResumeGrace(GRACE)));
    Joiner anna = server.joined("standup", "Anna");
    Joiner boris = server.joined("standup", "Boris");
    anna.client().expect(PeerJoined.class);

    TestClient second = server.connect();
    second.send(new Join(server.roomId("standup"), "Boris").resuming(boris.joined().resumeToken()));

    assertThat(second.expect(Joined.class).peerId()).isEqualTo(boris.peerId());
    assertThat(boris.client().awaitClosed().code()).isEqualTo(1000);
    anna.client().send(new Offer(boris.peerId(), "v=0"));
    assertThat(second.expect(Offer.class).from()).isEqualTo(anna.peerId());
    assertThat(anna.client().countReceived(MEMBERSHIP)).as("only Boris's first peer-joined")
        .isEqualTo(1);
  }

  @Test
  void forgedExpiredForeignAndOtherRoomTokensAreRefusedWithATypedError() throws Exception {
    TestClock clock = new TestClock(Instant.parse("2026-12-01T09:00:00Z"));
    server = TestServer.start(TestServer.config().withSignaling(s -> s.withResumeGrace(GRACE))
        .withTokens(t -> t.withResumeTokenTtl(Duration.ofMinutes(10))), clock);
    Joiner anna = server.joined("standup", "Anna");
    String token = anna.joined().resumeToken();
    String standup = server.roomId("standup");
    TestClient other = server.connect();

    other.send(new Join(standup, "Anna").resuming(tamper(token)));
    assertThat(other.expectError(ErrorCode.RESUME_REFUSED).message()).contains("not valid");
    other.send(new Join(standup, "Anna").resuming("v1.garbage"));
    other.expectError(ErrorCode.RESUME_REFUSED);
    other.send(new Join(server.roomId("retro"), "Anna").resuming(token));
    assertThat(other.expectError(ErrorCode.RESUME_REFUSED).message()).contains("another room");

    Api.User mallory = server.api().register("Mallory");
    RoomView open = server.api().post("rooms", server.host().token(), new RoomRequest("open", null))
        .as(RoomView.class);
    TestClient stranger = server.connect(mallory.token());
    stranger.send(new Join(standup, "Mallory", null).resuming(token));
    stranger.expectError(ErrorCode.ROOM_NOT_FOUND); // not invited: the gate comes first
    Joined foreign = (Joined) server.connect().joinRoom(open.id(), "Host", null);
    stranger.send(new Join(open.id(), "Mallory", open.inviteToken())
        .resuming(foreign.resumeToken()));
    assertThat(stranger.expectError(ErrorCode.RESUME_REFUSED).message())
        .contains("another account");

    clock.advance(Duration.ofMinutes(11));
    other.send(new Join(standup, "Anna").resuming(token));
    assertThat(other.expectError(ErrorCode.RESUME_REFUSED).message()).contains("expired");
    assertThat(other.join("standup", "Anna again").peerId()).isNotEqualTo(anna.peerId());
  }

  @Test
  void aSeatGivenUpAfterTheGraceCannotBeResumed() throws Exception {
    server = TestServer.start(TestServer.config()
        .withSignaling(s -> s.withResumeGrace(Duration.ofMillis(300))));
    Joiner anna = server.joined("standup", "Anna");
    Joiner boris = server.joined("standup", "Boris");
    anna.client().expect(PeerJoined.class);

    boris.client().drop();
    anna.client().expect(PeerLeft.class);
    TestClient late = server.connect();
    late.send(new Join(server.roomId("standup"), "Boris").resuming(boris.joined().resumeToken()));

    assertThat(late.expectError(ErrorCode.RESUME_REFUSED).message()).contains("given up");
  }

  @Test
  void afterARestartTheRoomIsRebuiltFromTheParticipantsThatComeBack(@TempDir Path data)
      throws Exception {
    SignalingServer first = SignalingServer.start(
        TestServer.config().withSignaling(s -> s.withResumeGrace(GRACE))
            .withStorage(s -> s.withDataDir(data)));
    int port = first.port();
    Api api = new Api(first.apiUri());
    Api.User host = api.register("Host");
    String room = api.post("rooms", host.token(), new RoomRequest("standup", null))
        .as(RoomView.class).id();
    UnaryOperator<String> same = UnaryOperator.identity();
    TestClient anna = TestClient.connect(first.signalingUri(), host.token(), same);
    Joined annaJoined = anna.join(room, "Anna");
    TestClient boris = TestClient.connect(first.signalingUri(), host.token(), same);
    Joined borisJoined = boris.join(room, "Boris");
    anna.expect(PeerJoined.class);

    first.close();
    assertThat(anna.expectError(ErrorCode.SERVER_SHUTTING_DOWN).message()).contains("reconnect");
    SignalingServer second = SignalingServer.start(
        TestServer.config().withSignaling(s -> s.withResumeGrace(GRACE))
            .withStorage(s -> s.withDataDir(data)).withNetwork(n -> n.withPort(port)));
    try {
      TestClient annaBack = TestClient.connect(second.signalingUri(), host.token(), same);
      annaBack.send(new Join(room, "Anna").resuming(annaJoined.resumeToken()));
      Joined annaAgain = annaBack.expect(Joined.class);
      TestClient carl = TestClient.connect(second.signalingUri(), host.token(), same);
      Joined carlJoined = carl.join(room, "Carl");
      TestClient borisBack = TestClient.connect(second.signalingUri(), host.token(), same);
      borisBack.send(new Join(room, "Boris").resuming(borisJoined.resumeToken()));
      Joined borisAgain = borisBack.expect(Joined.class);

      assertThat(annaAgain.peerId()).isEqualTo(annaJoined.peerId());
      assertThat(annaAgain.peers()).isEmpty();
      assertThat(borisAgain.peerId()).isEqualTo(borisJoined.peerId());
      assertThat(borisAgain.peers()).extracting(Peer::peerId)
          .containsExactly(annaJoined.peerId(), carlJoined.peerId());
      assertThat(annaBack.expect(PeerJoined.class).peer().peerId())
          .isEqualTo(carlJoined.peerId());
      assertThat(carl.expect(PeerJoined.class).peer())
          .isEqualTo(new Peer(borisJoined.peerId(), "Boris"));
      annaBack.send(new Offer(borisJoined.peerId(), "v=0"));
      assertThat(borisBack.expect(Offer.class).from()).isEqualTo(annaJoined.peerId());
      Thread.sleep(300);
      assertThat(annaBack.hasReceived(m -> m instanceof PeerJoined j
          && j.peer().peerId().equals(borisJoined.peerId()))).isFalse();
      assertThat(annaBack.hasReceived(m -> m instanceof PeerLeft)).isFalse();
      for (TestClient client : new TestClient[] {anna, boris, annaBack, carl, borisBack}) {
        client.close();
      }
    } finally {
      second.close();
    }
  }

  private static String tamper(String token) {
    char last = token.charAt(token.length() - 5);
    return token.substring(0, token.length() - 5) + (last == 'A' ? 'B' : 'A')
        + token.substring(token.length() - 4);
  }
}
