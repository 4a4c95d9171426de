package app.convene.server.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import app.convene.protocol.ErrorCode;
import app.convene.protocol.Joined;
import app.convene.protocol.Leave;
import app.convene.protocol.PeerJoined;
import app.convene.protocol.PeerLeft;
import app.convene.protocol.api.AuthSession;
import app.convene.protocol.api.Credentials;
import app.convene.protocol.api.EventStatus;
import app.convene.protocol.api.EventView;
import app.convene.protocol.api.RoomView;
import app.convene.protocol.api.ScheduleResult;
import app.convene.server.testing.Api;
import app.convene.server.testing.Meeting;
import app.convene.server.testing.TestClient;
import app.convene.server.testing.DatabaseApiTest;
import app.convene.server.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Meeting status and room activity follow who is in the room, by the test clock. */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class LifecycleTest extends DatabaseApiTest {
  private Api.User anna;
  private Instant now;

  @BeforeEach
  void signIn() {
    anna = api.register("Anna");
    now = db.clock().instant();
  }

  @Test
  void firstJoinStartsTheMeetingAndTheRoomEmptyingAfterItsStartCompletesIt() throws Exception {
    ScheduleResult meeting = schedule(Meeting.titled("Standup").at(now.plus(Duration.ofMinutes(10))));

    TestClient first = joinAndWait(meeting);
    TestClient second = joinAndWait(meeting);
    first.expect(PeerJoined.class);
    assertThat(status(meeting)).isEqualTo(EventStatus.IN_PROGRESS);

    leaveAndWait(first);
    second.expect(PeerLeft.class);
    assertThat(status(meeting)).isEqualTo(EventStatus.IN_PROGRESS); // someone is still there

    db.clock().advance(Duration.ofMinutes(10));
    leaveAndWait(second);
    assertThat(status(meeting)).isEqualTo(EventStatus.COMPLETED);
  }

  @Test
  void roomEmptyingBeforeTheStartLeavesTheMeetingInProgress() throws Exception {
    ScheduleResult meeting = schedule(Meeting.titled("Early birds").at(now.plus(Duration.ofMinutes(5))));

    leaveAndWait(joinAndWait(meeting));

    assertThat(status(meeting)).isEqualTo(EventStatus.IN_PROGRESS);
  }

  @Test
  void joiningMoreThan15MinutesEarlyOrAfterTheEndChangesNothing() throws Exception {
    ScheduleResult early = schedule(Meeting.titled("Later").at(now.plus(Duration.ofMinutes(16))));
    ScheduleResult over = schedule(Meeting.titled("Over").at(now.minus(Duration.ofMinutes(31))));

    leaveAndWait(joinAndWait(early));
    leaveAndWait(joinAndWait(over));

    assertThat(status(early)).isEqualTo(EventStatus.SCHEDULED);
    assertThat(status(over)).isEqualTo(EventStatus.SCHEDULED);
  }

  @Test
  void cancelledMeetingStaysCancelled() throws Exception {
    ScheduleResult meeting = schedule(Meeting.titled("Off").at(now.plus(Duration.ofMinutes(1))));
    api.delete("events/" + meeting.event().id(), token());

    TestClient host = joinAndWait(meeting);
    db.clock().advance(Duration.ofMinutes(5));
    leaveAndWait(host);

    assertThat(status(meeting)).isEqualTo(EventStatus.CANCELLED);
  }

  @Test
  void recurringMeetingKeepsItsScheduledStatus() throws Exception {
    ScheduleResult meeting = schedule(Meeting.titled("Daily").at(now.plus(Duration.ofMinutes(1)))
        .daily(1, null));

    TestClient host = joinAndWait(meeting);
    db.clock().advance(Duration.ofMinutes(5));
    leaveAndWait(host);

    assertThat(status(meeting)).isEqualTo(EventStatus.SCHEDULED);
  }

  @Test
  void joinAndLeaveRecordTheRoomsLastUse() throws Exception {
    ScheduleResult meeting = schedule(Meeting.titled("Sync").at(now.plus(Duration.ofHours(3))));

    TestClient host = joinAndWait(meeting);
    assertThat(room(meeting).lastActiveAt()).isEqualTo(now);
    db.clock().advance(Duration.ofMinutes(7));
    leaveAndWait(host);

    assertThat(room(meeting).lastActiveAt()).isEqualTo(now.plus(Duration.ofMinutes(7)));
  }

  @Test
  void idleJobDeactivatesRoomsUnusedForADayAndAJoinReactivatesThem() throws Exception {
    ScheduleResult unused = schedule(Meeting.titled("Never used"));
    ScheduleResult used = schedule(Meeting.titled("Used"));
    db.clock().advance(Duration.ofHours(20));
    leaveAndWait(joinAndWait(used));

    db.clock().advance(Duration.ofHours(4).plusSeconds(1));
    db.server().server().runIdleRoomJob();
    assertThat(room(unused).active()).isFalse();
    assertThat(room(used).active()).isTrue();

    db.clock().advance(Duration.ofHours(20));
    db.server().server().runIdleRoomJob();
    assertThat(room(used).active()).isFalse();

    TestClient back = joinAndWait(used);
    assertThat(room(used).active()).isTrue();
    leaveAndWait(back);
  }

  @Test
  void idleJobLeavesOccupiedRoomsActive() throws Exception {
    ScheduleResult meeting = schedule(Meeting.titled("Marathon"));
    TestClient host = joinAndWait(meeting);

    db.clock().advance(Duration.ofDays(2));
    db.server().server().runIdleRoomJob();

    assertThat(room(meeting).active()).isTrue();
    leaveAndWait(host);
  }

  private ScheduleResult schedule(Meeting meeting) {
    Api.Answer answer = api.post("meetings/schedule", token(), meeting.schedule(null));
    assertThat(answer.status()).as(answer.body()).isEqualTo(201);
    return answer.as(ScheduleResult.class);
  }

  /** Anna joins the meeting's room; returns once the server has recorded it. */
  private TestClient joinAndWait(ScheduleResult meeting) throws Exception {
    TestClient client = db.server().connect(token());
    assertThat(client.joinRoom(meeting.room().id(), "Anna", null)).isInstanceOf(Joined.class);
    db.server().server().awaitJobs();
    return client;
  }

  /** Leaves; the error for a second leave proves the first was handled, then the jobs ran. */
  private static void leaveAndWait(TestClient client) throws Exception {
    client.send(new Leave());
    client.send(new Leave());
    client.expectError(ErrorCode.NOT_IN_ROOM);
    db.server().server().awaitJobs();
  }

  private EventStatus status(ScheduleResult meeting) {
    return api.get("events/" + meeting.event().id(), token()).as(EventView.class).status();
  }

  private RoomView room(ScheduleResult meeting) {
    return api.get("rooms/" + meeting.room().id(), token()).as(RoomView.class);
  }

  /** A new access token for Anna: the test clock moves past the old ones' expiry. */
  private String token() {
    return api.post("auth/login", null, new Credentials(anna.email(), anna.password()))
        .as(AuthSession.class).accessToken();
  }
}
