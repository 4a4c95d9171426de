package app.convene.server.rooms;

import static org.assertj.core.api.Assertions.assertThat;

import app.convene.protocol.ErrorCode;
import app.convene.protocol.ErrorMessage;
import app.convene.protocol.Join;
import app.convene.protocol.Joined;
import app.convene.protocol.Offer;
import app.convene.protocol.Peer;
import app.convene.protocol.PeerJoined;
import app.convene.protocol.PeerLeft;
import app.convene.protocol.Removed;
import app.convene.protocol.api.RoomView;
import app.convene.protocol.api.ScheduleResult;
import app.convene.server.testing.Api;
import app.convene.server.testing.Meeting;
import app.convene.server.testing.TestClient;
import app.convene.server.testing.TestServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The host's controls (lock, renew the invite, remove, end for all) on a real server with
 * WebSocket participants, and the meeting changes that take people out of a live call.
 */
class HostControlsTest {
  private TestServer server;
  private Api api;
  private Api.User anna; // the organiser, so the room's host
  private Api.User boris;
  private Api.User carl;
  private ScheduleResult scheduled;

  @BeforeEach
  void annaSchedulesAMeetingWithBorisAndCarl() throws Exception {
    // A dropped socket's place is held, as in production, so that removal of one away is tested.
    server = TestServer.start(TestServer.config()
        .withSignaling(s -> s.withResumeGrace(Duration.ofSeconds(30))));
    api = server.api();
    anna = api.register("Anna");
    boris = api.register("Boris");
    carl = api.register("Carl");
    // Invitations by address admit verified accounts only.
    server.markVerified(boris.email());
    server.markVerified(carl.email());
    scheduled = api.post("meetings/schedule", anna.token(), meeting().schedule(8))
        .as(ScheduleResult.class);
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  @Test
  void hostRemovesAParticipantWhoseCallEndsWhileTheOthersGoOn() throws Exception {
    TestClient annaCall = joined(anna, "Anna");
    TestClient borisCall = joined(boris, "Boris");
    TestClient carlCall = joined(carl, "Carl");
    String borisPeer = peerOf(annaCall, "Boris");
    String carlPeer = peerOf(annaCall, "Carl");
    assertThat(api.get(room() + "/participants", anna.token()).as(Peer[].class))
        .extracting(Peer::name).containsExactly("Anna", "Boris", "Carl");

    Api.Answer removed = api.delete(room() + "/participants/" + borisPeer, anna.token());

    assertThat(removed.status()).isEqualTo(204);
    assertThat(borisCall.awaitMessage(Removed.class, r -> true))
        .isEqualTo(new Removed(scheduled.room().id(), Removed.Reason.REMOVED_BY_HOST));
    assertThat(annaCall.awaitMessage(PeerLeft.class, p -> p.peerId().equals(borisPeer)).reason())
        .isEqualTo(PeerLeft.Reason.LEFT);
    carlCall.awaitMessage(PeerLeft.class, p -> p.peerId().equals(borisPeer));
    annaCall.send(new Offer(carlPeer, "v=0"));
    assertThat(carlCall.awaitMessage(Offer.class, o -> true).sdp()).isEqualTo("v=0");
    assertThat(api.delete(room() + "/participants/" + borisPeer, anna.token()).status())
        .as("a second removal finds nobody").isEqualTo(404);
  }

  @Test
  void participantAwayWhenRemovedCannotComeBackWithItsResumeToken() throws Exception {
    TestClient annaCall = joined(anna, "Anna");
    TestClient borisCall = server.connect(boris.token());
    Joined boris = (Joined) borisCall.joinRoom(roomId(), "Boris", null);
    borisCall.drop();
    Thread.sleep(500); // the server notices the drop and holds Boris's place

    Api.Answer removed = api.delete(room() + "/participants/" + boris.peerId(), anna.token());
    annaCall.awaitMessage(PeerLeft.class, p -> p.peerId().equals(boris.peerId()));
    TestClient back = server.connect(this.boris.token());
    back.send(new Join(roomId(), "Boris").resuming(boris.resumeToken()));

    assertThat(removed.status()).isEqualTo(204);
    back.expectError(ErrorCode.RESUME_REFUSED);
  }

  @Test
  void lockedRoomRefusesANewcomerButNotTheHost() throws Exception {
    TestClient borisCall = joined(boris, "Boris");

    RoomView locked = api.post(room() + "/lock", anna.token(), null).as(RoomView.class);
    ErrorMessage refused =
        (ErrorMessage) server.connect(carl.token()).joinRoom(roomId(), "Carl", null);
    SignalingReply host = reply(server.connect(anna.token()), "Anna");

    assertThat(locked.locked()).isTrue();
    assertThat(refused.code()).isEqualTo(ErrorCode.ROOM_LOCKED);
    assertThat(refused.message()).contains("locked");
    assertThat(host.message()).isInstanceOf(Joined.class);
    assertThat(borisCall.awaitMessage(PeerJoined.class, p -> true).peer().name())
        .isEqualTo("Anna");

    RoomView unlocked = api.delete(room() + "/lock", anna.token()).as(RoomView.class);
    assertThat(unlocked.locked()).isFalse();
    assertThat(server.connect(carl.token()).joinRoom(roomId(), "Carl", null))
        .isInstanceOf(Joined.class);
  }

  @Test
  void renewedInviteLinkRefusesTheOldToken() throws Exception {
    Api.User guest = api.register("Guest");
    String old = scheduled.room().inviteToken();

    RoomView renewed = api.post(room() + "/invite", anna.token(), null).as(RoomView.class);
    ErrorMessage refused =
        (ErrorMessage) server.connect(guest.token()).joinRoom(roomId(), "Guest", old);

    assertThat(renewed.inviteToken()).isNotBlank().isNotEqualTo(old);
    assertThat(refused.code()).isEqualTo(ErrorCode.ROOM_NOT_FOUND);
    assertThat(server.connect(guest.token()).joinRoom(roomId(), "Guest", renewed.inviteToken()))
        .isInstanceOf(Joined.class);
  }

  @Test
  void endForAllEndsEveryParticipantsCall() throws Exception {
    List<TestClient> calls =
        List.of(joined(anna, "Anna"), joined(boris, "Boris"), joined(carl, "Carl"));

    assertThat(api.post(room() + "/end", anna.token(), null).status()).isEqualTo(204);

    for (TestClient call : calls) {
      assertThat(call.awaitMessage(Removed.class, r -> true).reason())
          .isEqualTo(Removed.Reason.ENDED_BY_HOST);
    }
    assertThat(membersSeenBy(calls.get(0))).as("the socket stays open; the room is empty")
        .isEmpty();
  }

  @Test
  void nobodyButTheHostMayUseTheControls() throws Exception {
    Api.User stranger = api.register("Stranger");
    String annaPeer =
        ((Joined) server.connect(anna.token()).joinRoom(roomId(), "Anna", null)).peerId();
    joined(boris, "Boris");
    String old = scheduled.room().inviteToken();

    for (Api.User who : List.of(carl, stranger)) {
      int expected = who == carl ? 403 : 404;
      assertThat(api.post(room() + "/lock", who.token(), null).status()).isEqualTo(expected);
      assertThat(api.delete(room() + "/lock", who.token()).status()).isEqualTo(expected);
      assertThat(api.post(room() + "/invite", who.token(), null).status()).isEqualTo(expected);
      assertThat(api.delete(room() + "/participants/" + annaPeer, who.token()).status())
          .isEqualTo(expected);
      assertThat(api.post(room() + "/end", who.token(), null).status()).isEqualTo(expected);
      assertThat(api.get(room() + "/participants", who.token()).status()).isEqualTo(expected);
    }

    assertThat(membersSeenBy(server.connect(anna.token()))).hasSize(2);
    RoomView room = api.get(room(), anna.token()).as(RoomView.class);
    assertThat(room.locked()).isFalse();
    assertThat(room.inviteToken()).isEqualTo(old);
  }

  @Test
  void attendeeRemovedFromTheMeetingLeavesTheCallWithinASecond() throws Exception {
    TestClient annaCall = joined(anna, "Anna");
    TestClient carlCall = joined(carl, "Carl");
    joined(boris, "Boris");

    long before = System.nanoTime();
    Api.Answer updated = api.put("events/" + scheduled.event().id(), anna.token(),
        meeting().inviting(boris.email()).request());
    Removed removed = carlCall.awaitMessage(Removed.class, r -> true);
    Duration took = Duration.ofNanos(System.nanoTime() - before);

    assertThat(updated.status()).isEqualTo(200);
    assertThat(removed.reason()).isEqualTo(Removed.Reason.UNINVITED);
    assertThat(took).isLessThan(Duration.ofSeconds(1));
    annaCall.awaitMessage(PeerLeft.class, p -> true);
    assertThat(membersSeenBy(server.connect(anna.token()))).as("Anna and Boris stay")
        .containsExactly("Anna", "Boris");
    assertThat(server.connect(carl.token()).joinRoom(roomId(), "Carl", null))
        .as("no longer invited").isInstanceOf(ErrorMessage.class);
  }

  @Test
  void cancellingTheMeetingEndsItsCallWithinASecond() throws Exception {
    List<TestClient> calls = List.of(joined(anna, "Anna"), joined(boris, "Boris"));

    long before = System.nanoTime();
    assertThat(api.delete("events/" + scheduled.event().id(), anna.token()).status())
        .isIn(200, 204);
    for (TestClient call : calls) {
      assertThat(call.awaitMessage(Removed.class, r -> true).reason())
          .isEqualTo(Removed.Reason.MEETING_CANCELLED);
    }

    assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(1));
    assertThat(membersSeenBy(calls.get(0))).isEmpty();
  }

  private Meeting meeting() {
    return Meeting.titled("Planning")
        .at(server.clock().instant().plus(Duration.ofHours(1)))
        .inviting(boris.email(), carl.email());
  }

  private String roomId() {
    return scheduled.room().id();
  }

  private String room() {
    return "rooms/" + roomId();
  }

  private TestClient joined(Api.User who, String name) throws Exception {
    TestClient call = server.connect(who.token());
    assertThat(call.joinRoom(roomId(), name, null)).isInstanceOf(Joined.class);
    return call;
  }

  private static String peerOf(TestClient call, String name) throws InterruptedException {
    return call.awaitMessage(PeerJoined.class, p -> p.peer().name().equals(name)).peer().peerId();
  }

  /** Joins (as Anna) on this socket and returns the names of those already in the call. */
  private List<String> membersSeenBy(TestClient call) throws InterruptedException {
    Joined joined = (Joined) call.joinRoom(roomId(), "Anna", null);
    return joined.peers().stream().map(p -> p.name()).toList();
  }

  private SignalingReply reply(TestClient call, String name) throws InterruptedException {
    return new SignalingReply(call.joinRoom(roomId(), name, null));
  }

  private record SignalingReply(Object message) {}
}
