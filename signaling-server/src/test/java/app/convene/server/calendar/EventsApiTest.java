package app.convene.server.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import app.convene.protocol.api.AttendeeView;
import app.convene.protocol.api.EventRequest;
import app.convene.protocol.api.EventStatus;
import app.convene.protocol.api.EventView;
import app.convene.protocol.api.OccurrenceView;
import app.convene.protocol.api.RoomView;
import app.convene.protocol.api.ServiceKind;
import app.convene.server.testing.Api;
import app.convene.server.testing.DatabaseServer;
import app.convene.server.testing.Meeting;
import app.convene.server.testing.TestDatabase;
import com.fasterxml.jackson.core.type.TypeReference;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Create, read, list, update and cancel meetings over HTTP. */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class EventsApiTest {
  static final TypeReference<List<OccurrenceView>> OCCURRENCES = new TypeReference<>() {};

  @Parameter TestDatabase database;

  private static DatabaseServer db;
  private static Api api;
  private Api.User anna;
  private Instant now;

  @BeforeParameterizedClassInvocation
  static void start(TestDatabase database) throws Exception {
    db = DatabaseServer.start(database);
    api = db.api();
    useServer(db);
  }

  @AfterParameterizedClassInvocation
  static void stop() throws Exception {
    if (db != null) {
      db.close();
      db = null; // a skipped invocation must not close the previous one's server again
    }
  }

  /** A new account whose address is verified, as invitations by address require. */
  private static Api.User verified(String name) throws Exception {
    Api.User user = api.register(name);
    db.markVerified(user.email());
    return user;
  }

  @BeforeEach
  void signIn() {
    anna = api.register("Anna");
    now = db.clock().instant();
  }

  @Test
  void createdMeetingIsReturnedAsTheOwnerSetIt() {
    Api.User boris = api.register("Boris");
    Instant start = now.plus(Duration.ofDays(1));
    EventRequest request = Meeting.titled("  Design review ").at(start)
        .lasting(Duration.ofMinutes(45)).describedAs("Bring\nsketches")
        .inviting(boris.email().toUpperCase(), "carl@example.org", boris.email(), anna.email())
        .on(ServiceKind.GOOGLE_MEET).request();

    Api.Answer created = api.post("events", anna.token(), request);

    assertThat(created.status()).isEqualTo(201);
    EventView event = created.as(EventView.class);
    assertThat(event.id()).isNotBlank();
    assertThat(event.title()).isEqualTo("Design review");
    assertThat(event.description()).isEqualTo("Bring\nsketches");
    assertThat(event.start()).isEqualTo(start);
    assertThat(event.end()).isEqualTo(start.plus(Duration.ofMinutes(45)));
    assertThat(event.timeZone()).isEqualTo("Europe/Berlin");
    assertThat(event.owner()).isEqualTo(anna.session().user());
    assertThat(event.attendees()).containsExactly(
        new AttendeeView(boris.email(), "Boris"), new AttendeeView("carl@example.org", null));
    assertThat(event.service()).isEqualTo(ServiceKind.GOOGLE_MEET);
    assertThat(event.roomId()).isNull();
    assertThat(event.status()).isEqualTo(EventStatus.SCHEDULED);
    assertThat(event.recurrence()).isNull();
    assertThat(event.sequence()).isZero();
    assertThat(event.updatedAt()).isEqualTo(now);
    assertThat(created.body()).contains("\"start\":\"" + start + "\"");
    assertThat(api.get("events/" + event.id(), anna.token()).as(EventView.class)).isEqualTo(event);
  }

  @Test
  void ownerAndAttendeeSeeTheMeeting() throws Exception {
    Api.User boris = verified("Boris");
    EventView event = create(anna, Meeting.titled("Sync").inviting(boris.email()).request());

    assertThat(api.get("events/" + event.id(), anna.token()).status()).isEqualTo(200);
    assertThat(api.get("events/" + event.id(), boris.token()).as(EventView.class))
        .isEqualTo(event);
  }

  @Test
  void anAccountSeesItsAddressesInvitationsOnlyOnceTheAddressIsVerified() throws Exception {
    Api.User boris = api.register("Boris"); // whoever registered it has not shown it is theirs
    Instant start = now.plus(Duration.ofHours(2));
    EventView event = create(anna, Meeting.titled("Board").at(start).inviting(boris.email())
        .request());
    String week = range(now, now.plus(Duration.ofDays(7)));

    assertThat(api.get("events/" + event.id(), boris.token()).status()).isEqualTo(404);
    assertThat(list(boris, week)).isEmpty();

    db.markVerified(boris.email());
    assertThat(api.get("events/" + event.id(), boris.token()).as(EventView.class))
        .isEqualTo(event);
    assertThat(list(boris, week)).extracting(o -> o.event().id()).containsExactly(event.id());
  }

  @Test
  void updateReplacesWhatTheOwnerSetsAndRaisesTheSequence() {
    EventView event = create(anna, Meeting.titled("Sync").inviting("old@example.org").request());
    db.clock().advance(Duration.ofMinutes(5));
    Instant later = now.plus(Duration.ofDays(2));

    Api.Answer updated = api.put("events/" + event.id(), anna.token(), Meeting.titled("Sync v2")
        .at(later).in("America/New_York").inviting("new@example.org").request());

    assertThat(updated.status()).isEqualTo(200);
    EventView after = updated.as(EventView.class);
    assertThat(after.id()).isEqualTo(event.id());
    assertThat(after.title()).isEqualTo("Sync v2");
    assertThat(after.start()).isEqualTo(later);
    assertThat(after.timeZone()).isEqualTo("America/New_York");
    assertThat(after.attendees()).extracting(AttendeeView::email).containsExactly("new@example.org");
    assertThat(after.sequence()).isEqualTo(1);
    assertThat(after.updatedAt()).isEqualTo(now.plus(Duration.ofMinutes(5)));
    assertThat(after.status()).isEqualTo(EventStatus.SCHEDULED);
    assertThat(api.get("events/" + event.id(), anna.token()).as(EventView.class)).isEqualTo(after);
  }

  @Test
  void aNativeMeetingMovedToGoogleMeetRecordsItsServiceAndLink() throws Exception {
    Api.User boris = verified("Boris");
    EventView event = create(anna, Meeting.titled("Sync").inviting(boris.email()).request());
    EventRequest base = Meeting.titled("Sync").inviting(boris.email()).on(ServiceKind.GOOGLE_MEET)
        .request();
    EventRequest moved = new EventRequest(base.title(), base.description(), base.start(),
        base.end(), base.timeZone(), base.attendees(), base.service(), base.recurrence(),
        "https://meet.google.com/abc-defg-hij");

    EventView after = api.put("events/" + event.id(), anna.token(), moved).as(EventView.class);

    assertThat(after.service()).isEqualTo(ServiceKind.GOOGLE_MEET);
    assertThat(after.meetLink()).isEqualTo("https://meet.google.com/abc-defg-hij");
    assertThat(api.get("events/" + event.id(), boris.token()).as(EventView.class).meetLink())
        .isEqualTo("https://meet.google.com/abc-defg-hij");
  }

  @Test
  void aGoogleMeetMeetingTurnedNativeGetsARoomItsAttendeesCanOpen() throws Exception {
    Api.User boris = verified("Boris");
    EventView google = create(anna, Meeting.titled("Vendor call").inviting(boris.email())
        .on(ServiceKind.GOOGLE_MEET).request());
    assertThat(google.roomId()).isNull();

    EventView after = api.put("events/" + google.id(), anna.token(),
        Meeting.titled("Vendor call").inviting(boris.email()).on(ServiceKind.NATIVE).request())
        .as(EventView.class);

    assertThat(after.service()).isEqualTo(ServiceKind.NATIVE);
    assertThat(after.roomId()).isNotNull();
    RoomView room = api.get("rooms/" + after.roomId(), anna.token()).as(RoomView.class);
    assertThat(room.name()).isEqualTo("Vendor call");
    assertThat(room.inviteToken()).as("the owner hosts it").isNotNull();
    assertThat(api.get("rooms/" + after.roomId(), boris.token()).status()).isEqualTo(200);

    EventView again = api.put("events/" + google.id(), anna.token(),
        Meeting.titled("Vendor call v2").inviting(boris.email()).on(ServiceKind.NATIVE).request())
        .as(EventView.class);
    assertThat(again.roomId()).as("the room stays the same").isEqualTo(after.roomId());
  }

  @Test
  void aMeetingLinkMustBeAnHttpsLink() {
    EventRequest base = Meeting.titled("Sync").request();
    for (String bad : new String[] {"javascript:alert(1)", "http://meet.google.com/abc",
        "https://meet.google.com/a b", "https://x.example/\r\nBcc: all"}) {
      EventRequest request = new EventRequest(base.title(), base.description(), base.start(),
          base.end(), base.timeZone(), base.attendees(), base.service(), base.recurrence(), bad);

      Api.Answer answer = api.post("events", anna.token(), request);

      assertThat(answer.status()).as(bad).isEqualTo(400);
      assertThat(answer.error().message()).contains("meetLink");
    }
    assertThat(api.get("events?from=2000-01-01T00:00:00Z&to=2000-12-31T00:00:00Z", anna.token())
        .status()).isEqualTo(200);
  }

  @Test
  void cancelMarksTheMeetingCancelledOnceAndHidesItFromTheList() {
    EventView event = create(anna, Meeting.titled("Retro").request());

    Api.Answer cancelled = api.delete("events/" + event.id(), anna.token());
    Api.Answer again = api.delete("events/" + event.id(), anna.token());

    assertThat(cancelled.status()).isEqualTo(200);
    assertThat(cancelled.as(EventView.class).status()).isEqualTo(EventStatus.CANCELLED);
    assertThat(cancelled.as(EventView.class).sequence()).isEqualTo(1);
    assertThat(again.as(EventView.class)).isEqualTo(cancelled.as(EventView.class));
    String range = range(now, now.plus(Duration.ofDays(1)));
    assertThat(list(anna, range)).isEmpty();
    assertThat(list(anna, range + "&includeCancelled=true"))
        .extracting(o -> o.event().status()).containsExactly(EventStatus.CANCELLED);
  }

  @Test
  void listHasTheOccurrencesOverlappingTheRangeByStart() throws Exception {
    Api.User boris = api.register("Boris");
    db.markVerified(anna.email()); // Anna is invited to one
    Instant from = now.plus(Duration.ofDays(10));
    Instant to = from.plus(Duration.ofDays(3));
    create(anna, Meeting.titled("before").at(from.minus(Duration.ofHours(1))).request());
    create(anna, Meeting.titled("straddles from").at(from.minus(Duration.ofMinutes(10))).request());
    create(anna, Meeting.titled("late").at(to.minus(Duration.ofHours(1))).request());
    create(anna, Meeting.titled("early").at(from.plus(Duration.ofHours(2))).request());
    create(anna, Meeting.titled("at to").at(to).request());
    create(anna, Meeting.titled("long, across the range").at(from.minus(Duration.ofDays(1)))
        .lasting(Duration.ofDays(6)).request());
    create(boris, Meeting.titled("invited").at(from.plus(Duration.ofHours(3)))
        .inviting(anna.email().toUpperCase()).request());
    create(boris, Meeting.titled("boris alone").at(from.plus(Duration.ofHours(4))).request());

    List<OccurrenceView> listed = list(anna, range(from, to));

    assertThat(listed).extracting(o -> o.event().title()).containsExactly(
        "long, across the range", "straddles from", "early", "invited", "late");
    assertThat(listed).allSatisfy(o -> {
      assertThat(o.start()).isEqualTo(o.event().start());
      assertThat(o.end()).isEqualTo(o.event().end());
    });
    assertThat(list(boris, range(from, to))).extracting(o -> o.event().title())
        .containsExactly("invited", "boris alone");
  }

  @Test
  void listRangeMustBeGivenOrderedAndAtMost366Days() {
    assertBadRange("events", "from");
    assertBadRange("events?from=" + now, "to");
    assertBadRange("events?from=yesterday&to=" + now, "from");
    assertBadRange("events?from=" + now + "&to=" + now, "after");
    assertBadRange(range(now, now.minusSeconds(1)), "after");
    assertBadRange(range(now, now.plus(Duration.ofDays(367))), "366");
    assertBadRange(range(now, now.plusSeconds(60)) + "&includeCancelled=yes", "includeCancelled");
    assertThat(api.get(range(now, now.plus(Duration.ofDays(366))), anna.token()).status())
        .isEqualTo(200);
  }

  @Test
  void unknownOrMalformedIdIsNotFound() {
    assertThat(api.get("events/00000000-0000-0000-0000-000000000000", anna.token()).error().code())
        .isEqualTo("not_found");
    assertThat(api.get("events/not-an-id", anna.token()).status()).isEqualTo(404);
    assertThat(api.put("events/not-an-id", anna.token(), Meeting.titled("x").request()).status())
        .isEqualTo(404);
    assertThat(api.delete("events/0000", anna.token()).status()).isEqualTo(404);
  }

  @Test
  void unknownEndpointIs404AndWrongMethodIs405() {
    assertThat(api.get("nothing-here", anna.token()).error().code()).isEqualTo("not_found");
    Api.Answer wrong = api.call("PATCH", "events", anna.token(), "{}");
    assertThat(wrong.status()).isEqualTo(405);
    assertThat(wrong.error().message()).contains("GET", "POST");
  }

  private void assertBadRange(String path, String mentioned) {
    Api.Answer answer = api.get(path, anna.token());
    assertThat(answer.status()).as(path).isEqualTo(400);
    assertThat(answer.error().code()).isEqualTo("invalid_input");
    assertThat(answer.error().message()).contains(mentioned);
  }

  /** Where {@link #create} and {@link #list} send their requests. */
  private static DatabaseServer target;

  static void useServer(DatabaseServer server) {
    target = server;
  }

  static EventView create(Api.User owner, EventRequest request) {
    return createOn(target, owner, request);
  }

  static EventView createOn(DatabaseServer server, Api.User owner, EventRequest request) {
    Api.Answer created = server.api().post("events", owner.token(), request);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.as(EventView.class);
  }

  static List<OccurrenceView> list(Api.User user, String path) {
    Api.Answer answer = target.api().get(path, user.token());
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.as(OCCURRENCES);
  }

  static String range(Instant from, Instant to) {
    return "events?from=" + from + "&to=" + to;
  }
}
