package app.convene.server.notify;

import static org.assertj.core.api.Assertions.assertThat;

import app.convene.protocol.ErrorCode;
import app.convene.protocol.Joined;
import app.convene.protocol.Leave;
import app.convene.protocol.Notice;
import app.convene.protocol.PeerJoined;
import app.convene.protocol.api.ScheduleResult;
import app.convene.server.testing.Api;
import app.convene.server.testing.DatabaseApiTest;
import app.convene.server.testing.Meeting;
import app.convene.server.testing.TestClient;
import app.convene.server.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Notices reach the open sockets of the users concerned, and nobody else: "starts in N minutes" by
 * the test clock, "participant joined", and invited / changed / cancelled after the owner's REST
 * calls. Every user here is signed in with a socket that never joins a room unless it says so.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class NoticesTest extends DatabaseApiTest {
  private Api.User anna;
  private Api.User boris;
  private Api.User carl;
  private Instant now;
  private final java.util.List<TestClient> open = new java.util.ArrayList<>();

  @BeforeEach
  void signIn() throws Exception {
    anna = api.register("Anna");
    boris = api.register("Boris");
    db.markVerified(boris.email()); // an invitation admits only a verified address to the call
    carl = api.register("Carl");
    now = db.clock().instant();
  }

  @Test
  void ownerAndAttendeeAreToldOnceThatTheMeetingStartsInFiveMinutes() throws Exception {
    ScheduleResult meeting = schedule(anna, Meeting.titled("Standup")
        .at(now.plus(Duration.ofMinutes(10))).inviting(boris.email()));
    TestClient owner = connect(anna);
    TestClient attendee = connect(boris);
    TestClient outsider = connect(carl);

    db.server().server().runReminderJob();
    assertNothingMore(owner, attendee, outsider); // ten minutes ahead: not yet
    db.clock().advance(Duration.ofMinutes(5));
    db.server().server().runReminderJob();

    Notice told = owner.expect(Notice.class);
    assertThat(attendee.expect(Notice.class)).isEqualTo(told);
    assertThat(told.kind()).isEqualTo(Notice.Kind.STARTING_SOON);
    assertThat(told.minutes()).isEqualTo(5);
    assertThat(told.eventId()).isEqualTo(meeting.event().id());
    assertThat(told.roomId()).isEqualTo(meeting.room().id());
    assertThat(told.title()).isEqualTo("Standup");
    assertThat(told.occurrenceStart()).isEqualTo(now.plus(Duration.ofMinutes(10)));
    assertThat(told.id()).isEqualTo("starting:" + told.occurrenceKey());
    assertThat(told.at()).isEqualTo(now.plus(Duration.ofMinutes(5)));

    db.clock().advance(Duration.ofMinutes(1));
    db.server().server().runReminderJob();
    assertNothingMore(owner, attendee, outsider);
  }

  @Test
  void cancelledMeetingIsNotAnnounced() throws Exception {
    ScheduleResult meeting = schedule(anna, Meeting.titled("Off")
        .at(now.plus(Duration.ofMinutes(3))).inviting(boris.email()));
    assertThat(api.delete("events/" + meeting.event().id(), token(anna)).status()).isEqualTo(200);
    TestClient owner = connect(anna);
    TestClient attendee = connect(boris);

    db.server().server().runReminderJob();

    assertNothingMore(owner, attendee);
  }

  @Test
  void recurringMeetingsNextOccurrenceIsAnnounced() throws Exception {
    Instant first = now.minus(Duration.ofDays(1)).plus(Duration.ofMinutes(4));
    ScheduleResult meeting = schedule(anna, Meeting.titled("Daily").at(first).daily(1, 3)
        .inviting(boris.email()));
    TestClient attendee = connect(boris);

    db.server().server().runReminderJob();

    Notice told = attendee.expect(Notice.class);
    assertThat(told.occurrenceStart()).isEqualTo(first.plus(Duration.ofDays(1)));
    assertThat(told.minutes()).isEqualTo(4);
    assertThat(told.occurrenceKey())
        .isEqualTo(meeting.event().id() + "@" + told.occurrenceStart().toEpochMilli());
  }

  @Test
  void ownerWhoIsNotInTheRoomIsToldWhoJoinedIt() throws Exception {
    ScheduleResult meeting = schedule(anna, Meeting.titled("Design review")
        .at(now.plus(Duration.ofHours(2))).inviting(boris.email()));
    TestClient owner = connect(anna);
    TestClient outsider = connect(carl);
    TestClient attendee = connect(boris);

    assertThat(attendee.joinRoom(meeting.room().id(), "Boris B.", null))
        .isInstanceOf(Joined.class);

    Notice told = owner.expect(Notice.class);
    assertThat(told.kind()).isEqualTo(Notice.Kind.PARTICIPANT_JOINED);
    assertThat(told.actor()).isEqualTo("Boris B.");
    assertThat(told.roomId()).isEqualTo(meeting.room().id());
    assertThat(told.eventId()).isEqualTo(meeting.event().id());
    assertThat(told.title()).isEqualTo("Design review");
    db.server().server().awaitJobs();
    assertNothingMore(outsider);
  }

  @Test
  void ownerInTheRoomIsNotToldOnAnyOfTheirSockets() throws Exception {
    ScheduleResult meeting = schedule(anna, Meeting.titled("Pairing")
        .at(now.plus(Duration.ofHours(2))).inviting(boris.email()));
    TestClient feed = connect(anna);
    TestClient call = connect(anna);
    assertThat(call.joinRoom(meeting.room().id(), "Anna", null)).isInstanceOf(Joined.class);
    db.server().server().awaitJobs();

    assertThat(connect(boris).joinRoom(meeting.room().id(), "Boris", null))
        .isInstanceOf(Joined.class);
    call.expect(PeerJoined.class);
    db.server().server().awaitJobs();

    assertNothingMore(feed);
  }

  @Test
  void attendeesHearOfInvitationChangeAndCancellationButTheOwnerDoesNot() throws Exception {
    Api.User dora = api.register("Dora");
    db.markVerified(dora.email());
    TestClient owner = connect(anna);
    TestClient attendee = connect(boris);
    TestClient outsider = connect(carl);
    TestClient added = connect(dora);
    Meeting draft = Meeting.titled("Planning").at(now.plus(Duration.ofDays(1)));

    ScheduleResult meeting = schedule(anna, draft.inviting(boris.email()));
    String id = meeting.event().id();
    Notice invited = attendee.expect(Notice.class);
    assertThat(invited.kind()).isEqualTo(Notice.Kind.INVITED);
    assertThat(invited.actor()).isEqualTo("Anna");
    assertThat(invited.eventId()).isEqualTo(id);
    assertThat(invited.occurrenceStart()).isEqualTo(now.plus(Duration.ofDays(1)));

    update(id, draft.describedAs("agenda").inviting(boris.email(), dora.email()));
    assertThat(attendee.expect(Notice.class).kind()).isEqualTo(Notice.Kind.CHANGED);
    assertThat(added.expect(Notice.class).kind()).isEqualTo(Notice.Kind.INVITED);

    update(id, draft.inviting(boris.email()));
    assertThat(attendee.expect(Notice.class).kind()).isEqualTo(Notice.Kind.CHANGED);
    assertThat(added.expect(Notice.class).kind()).isEqualTo(Notice.Kind.CANCELLED);

    assertThat(api.delete("events/" + id, token(anna)).status()).isEqualTo(200);
    Notice cancelled = attendee.expect(Notice.class);
    assertThat(cancelled.kind()).isEqualTo(Notice.Kind.CANCELLED);
    assertThat(cancelled.id()).isNotEqualTo(invited.id());

    assertNothingMore(owner, attendee, outsider, added);
  }

  @Test
  void anUnverifiedAccountHearsNothingOfItsAddressesInvitations() throws Exception {
    Api.User dora = api.register("Dora"); // someone registered Dora's address and never verified
    TestClient owner = connect(anna);
    TestClient unverified = connect(dora);
    Meeting draft = Meeting.titled("Board").at(now.plus(Duration.ofMinutes(4)));

    String id = schedule(anna, draft.inviting(dora.email())).event().id();
    update(id, draft.describedAs("agenda").inviting(dora.email()));
    db.server().server().runReminderJob();
    assertThat(owner.expect(Notice.class).kind()).isEqualTo(Notice.Kind.STARTING_SOON);
    assertNothingMore(owner, unverified);

    db.markVerified(dora.email());
    TestClient verified = connect(dora);
    update(id, draft.inviting(dora.email()));
    assertThat(verified.expect(Notice.class).kind()).isEqualTo(Notice.Kind.CHANGED);
  }

  private ScheduleResult schedule(Api.User owner, Meeting meeting) {
    Api.Answer answer = api.post("meetings/schedule", token(owner), meeting.schedule(null));
    assertThat(answer.status()).as(answer.body()).isEqualTo(201);
    return answer.as(ScheduleResult.class);
  }

  private void update(String id, Meeting meeting) {
    Api.Answer answer = api.put("events/" + id, token(anna), meeting.request());
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
  }

  /**
   * A signed-in socket the server has registered: it answers a {@code leave} outside a room only
   * after opening the connection, so the reminder job sees the user from then on.
   */
  private TestClient connect(Api.User user) throws Exception {
    TestClient client = db.server().connect(token(user));
    open.add(client);
    client.send(new Leave());
    client.expectError(ErrorCode.NOT_IN_ROOM);
    return client;
  }

  /** Each test's users go offline, so its meetings cannot reach the next test's job. */
  @AfterEach
  void disconnect() throws Exception {
    for (TestClient client : open) {
      client.close();
    }
    open.clear();
  }

  /**
   * Nothing was queued for these clients: the server answers a {@code leave} outside a room with
   * an error, and that error comes after anything queued before it.
   */
  private static void assertNothingMore(TestClient... clients) throws Exception {
    for (TestClient client : clients) {
      client.send(new Leave());
      client.expectError(ErrorCode.NOT_IN_ROOM);
    }
  }

  /** The user's token from {@link #signIn}: no test moves the clock past its 15 minutes. */
  private static String token(Api.User user) {
    return user.token();
  }
}
