package app.convene.server.access;

import static org.assertj.core.api.Assertions.assertThat;

import app.convene.protocol.ErrorCode;
import app.convene.protocol.ErrorMessage;
import app.convene.protocol.Joined;
import app.convene.protocol.SignalMessage;
import app.convene.protocol.api.EventView;
import app.convene.protocol.api.OccurrenceView;
import app.convene.protocol.api.RoomView;
import app.convene.protocol.api.ScheduleResult;
import app.convene.server.testing.Api;
import app.convene.server.testing.Meeting;
import app.convene.server.testing.TestClient;
import app.convene.server.testing.DatabaseApiTest;
import app.convene.server.testing.TestDatabase;
import com.fasterxml.jackson.core.type.TypeReference;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Anna owns a native meeting and its room and invited Carl; Boris is a stranger to both. Nobody
 * but Anna and Carl learns anything of them, nobody but Anna changes them, and nothing at all
 * happens without a valid access token.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class AccessControlTest extends DatabaseApiTest {
  private Api.User anna;
  private Api.User boris;
  private Api.User carl;
  private EventView meeting;
  private RoomView room;

  @BeforeEach
  void annaSchedulesAMeetingWithCarl() throws Exception {
    anna = api.register("Anna");
    boris = api.register("Boris");
    carl = api.register("Carl");
    db.markVerified(carl.email()); // an invitation admits only a verified address
    ScheduleResult scheduled = api.post("meetings/schedule", anna.token(),
        Meeting.titled("Salaries").at(db.clock().instant().plus(Duration.ofHours(1)))
            .inviting(carl.email()).schedule(5)).as(ScheduleResult.class);
    meeting = scheduled.event();
    room = scheduled.room();
  }

  @Test
  void strangerCannotReadTheMeetingOrTheRoom() {
    assertNotFound(api.get("events/" + meeting.id(), boris.token()));
    assertNotFound(api.get("rooms/" + room.id(), boris.token()));
    assertThat(api.get("rooms", boris.token()).body()).isEqualTo("[]");
  }

  @Test
  void strangerDoesNotSeeTheMeetingInAList() {
    assertThat(week(boris)).isEmpty();
    assertThat(week(carl)).extracting(o -> o.event().id()).containsExactly(meeting.id());
    assertThat(week(anna)).extracting(o -> o.event().id()).containsExactly(meeting.id());
  }

  @Test
  void strangerCannotEditOrCancelAndLearnsNothing() {
    assertNotFound(api.put("events/" + meeting.id(), boris.token(),
        Meeting.titled("Mine now").request()));
    assertNotFound(api.delete("events/" + meeting.id(), boris.token()));

    assertThat(api.get("events/" + meeting.id(), anna.token()).as(EventView.class))
        .isEqualTo(meeting);
  }

  @Test
  void attendeeSeesButCannotEditOrCancel() {
    assertThat(api.get("events/" + meeting.id(), carl.token()).as(EventView.class))
        .isEqualTo(meeting);
    assertForbidden(api.put("events/" + meeting.id(), carl.token(),
        Meeting.titled("Carl's now").inviting(carl.email()).request()));
    assertForbidden(api.delete("events/" + meeting.id(), carl.token()));

    assertThat(api.get("events/" + meeting.id(), anna.token()).as(EventView.class))
        .isEqualTo(meeting);
  }

  @Test
  void attendeeSeesTheRoomWithoutItsInviteToken() {
    RoomView seenByCarl = api.get("rooms/" + room.id(), carl.token()).as(RoomView.class);

    assertThat(seenByCarl.inviteToken()).isNull();
    assertThat(seenByCarl.id()).isEqualTo(room.id());
    assertThat(api.get("rooms/" + room.id(), anna.token()).as(RoomView.class).inviteToken())
        .isEqualTo(room.inviteToken());
    assertThat(api.get("rooms", carl.token()).body()).isEqualTo("[]");
  }

  @Test
  void onlyHostAttendeesAndInviteHoldersJoinTheCall() throws Exception {
    assertThat(join(anna, room.id(), null)).isInstanceOf(Joined.class);
    assertThat(join(carl, room.id(), null)).isInstanceOf(Joined.class);
    assertRoomNotFound(join(boris, room.id(), null));
    assertRoomNotFound(join(boris, room.id(), "not-the-token"));
    assertThat(join(boris, room.id(), room.inviteToken())).isInstanceOf(Joined.class);
  }

  @Test
  void unknownOrMalformedRoomIdIsNotFoundEvenWithAToken() throws Exception {
    assertRoomNotFound(join(anna, "00000000-0000-0000-0000-000000000000", room.inviteToken()));
    assertRoomNotFound(join(anna, "standup", null));
  }

  @Test
  void cancellingTheMeetingShutsItsAttendeesOut() throws Exception {
    api.delete("events/" + meeting.id(), anna.token());

    assertNotFound(api.get("rooms/" + room.id(), carl.token()));
    assertRoomNotFound(join(carl, room.id(), null));
    assertThat(api.get("events/" + meeting.id(), carl.token()).status()).isEqualTo(200);
    assertThat(join(anna, room.id(), null)).isInstanceOf(Joined.class);
  }

  @Test
  void everyProtectedEndpointRefusesAMissingOrBadToken() {
    String expired = api.register("Dora").token();
    db.clock().advance(Duration.ofMinutes(15));
    for (String token : new String[] {null, "", "garbage", "a.b.c", tampered(anna.token()),
        expired, unsigned(anna.token())}) {
      for (Function<String, Api.Answer> call : protectedCalls()) {
        Api.Answer answer = call.apply(token);
        assertThat(answer.status()).as("token %s: %s", token, answer.body()).isEqualTo(401);
        assertThat(answer.error().code()).isEqualTo("unauthorized");
      }
    }
    assertThat(api.get("me", api.register("Eve").token()).status()).isEqualTo(200);
  }

  @Test
  void accessTokenIsValidForFifteenMinutes() {
    db.clock().advance(Duration.ofMinutes(15).minusSeconds(1));
    assertThat(api.get("me", anna.token()).status()).isEqualTo(200);

    db.clock().advance(Duration.ofSeconds(1));
    assertThat(api.get("me", anna.token()).status()).isEqualTo(401);
  }

  @Test
  void signalingUpgradeNeedsAValidToken() throws Exception {
    String expired = api.register("Dora").token();
    db.clock().advance(Duration.ofMinutes(16));
    for (String token : new String[] {null, "garbage", tampered(anna.token()), expired}) {
      TestClient.Failed refused =
          TestClient.connectLater(db.server().server().signalingUri(), token).awaitFailure();
      assertThat(refused.httpStatus()).as("token %s", token).isEqualTo(401);
    }
  }

  private List<Function<String, Api.Answer>> protectedCalls() {
    Instant now = db.clock().instant();
    return List.of(
        t -> api.get("me", t),
        t -> api.get("events?from=" + now + "&to=" + now.plus(Duration.ofDays(7)), t),
        t -> api.get("events/" + meeting.id(), t),
        t -> api.post("events", t, Meeting.titled("x").request()),
        t -> api.put("events/" + meeting.id(), t, Meeting.titled("x").request()),
        t -> api.delete("events/" + meeting.id(), t),
        t -> api.post("meetings/schedule", t, Meeting.titled("x").schedule(null)),
        t -> api.get("rooms", t),
        t -> api.get("rooms/" + room.id(), t),
        t -> api.post("rooms", t, "{\"name\":\"x\"}"),
        t -> api.get("preferences", t),
        t -> api.put("preferences", t, "{\"preferredService\":\"NATIVE\"}"));
  }

  /** The token with one character of its signature changed. */
  static String tampered(String token) {
    int at = token.lastIndexOf('.') + 5;
    char flipped = token.charAt(at) == 'A' ? 'B' : 'A';
    return token.substring(0, at) + flipped + token.substring(at + 1);
  }

  /** The token's header and claims with the algorithm "none" and no signature. */
  static String unsigned(String token) {
    String claims = token.split("\\.")[1];
    String header = java.util.Base64.getUrlEncoder().withoutPadding()
        .encodeToString("{\"alg\":\"none\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return header + "." + claims + ".";
  }

  private List<OccurrenceView> week(Api.User user) {
    Instant now = db.clock().instant();
    return api.get("events?from=" + now + "&to=" + now.plus(Duration.ofDays(7)), user.token())
        .as(new TypeReference<List<OccurrenceView>>() {});
  }

  private SignalMessage join(Api.User user, String roomId, String invite) throws Exception {
    TestClient client = db.server().connect(user.token());
    return client.joinRoom(roomId, user.session().user().displayName(), invite);
  }

  private static void assertRoomNotFound(SignalMessage reply) {
    assertThat(reply).isInstanceOfSatisfying(ErrorMessage.class,
        error -> assertThat(error.code()).isEqualTo(ErrorCode.ROOM_NOT_FOUND));
  }

  private static void assertNotFound(Api.Answer answer) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(404);
    assertThat(answer.error().code()).isEqualTo("not_found");
    assertThat(answer.body()).doesNotContain("Salaries");
  }

  private static void assertForbidden(Api.Answer answer) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(403);
    assertThat(answer.error().code()).isEqualTo("forbidden");
  }
}
