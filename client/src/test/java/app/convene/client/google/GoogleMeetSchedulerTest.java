package app.convene.client.google;

import static app.convene.client.google.GoogleTestSupport.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.convene.client.google.FakeGoogle.Request;
import app.convene.protocol.api.AttendeeView;
import app.convene.protocol.api.EventStatus;
import app.convene.protocol.api.EventView;
import app.convene.protocol.api.ServiceKind;
import app.convene.protocol.api.UserView;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.api.client.auth.oauth2.Credential;
import com.google.api.client.util.ExponentialBackOff;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Meet meetings through the real Calendar client against {@link FakeGoogle}. */
final class GoogleMeetSchedulerTest {
  static final String WORK = "me@example.com";

  @TempDir Path dataDir;
  FakeGoogle fake;
  GoogleTestSupport.FastRetry fast = new GoogleTestSupport.FastRetry();
  List<Long> pollSleeps = new CopyOnWriteArrayList<>();
  MeetScheduler scheduler;
  MeetingDraft draft =
      new MeetingDraft("Design review", "Agenda: the sync cache", NOW, NOW.plus(Duration.ofHours(1)),
          "Europe/Berlin", List.of("ana@example.com", "bo@example.com"));

  @BeforeEach
  void signIn() throws Exception {
    fake = FakeGoogle.start();
    fake.calendar.addCalendar(WORK, "Work", "#9fe1e7", true);
    fake.calendar.addCalendar("primary", "Primary alias", "#9fe1e7", false);
    Credential credential = GoogleTestSupport.signIn(fake, dataDir);
    scheduler = new MeetScheduler(GoogleTestSupport.calendar(fake, credential), fast.retry,
        () -> new ExponentialBackOff.Builder().setInitialIntervalMillis(5).setRandomizationFactor(0).build(),
        pollSleeps::add, 4, java.time.ZoneOffset.UTC);
    fake.clearRequests();
  }

  @AfterEach
  void stopFake() {
    fake.close();
  }

  @Test
  void createMeetAsksForAMeetConferenceInvitesAttendeesAndWaitsForTheLink() throws Exception {
    GoogleEvent event = scheduler.createMeet(WORK, draft);

    Request insert = fake.requests("POST", "/events").getFirst();
    assertThat(insert.param("conferenceDataVersion")).isEqualTo("1");
    assertThat(insert.param("sendUpdates")).isEqualTo("all");
    ObjectNode body = insert.json();
    JsonNode create = body.path("conferenceData").path("createRequest");
    assertThat(create.path("conferenceSolutionKey").path("type").asText()).isEqualTo("hangoutsMeet");
    assertThat(UUID.fromString(create.path("requestId").asText())).isNotNull();
    assertThat(body.path("summary").asText()).isEqualTo("Design review");
    assertThat(body.findValuesAsText("email")).containsExactly("ana@example.com", "bo@example.com");
    assertThat(body.path("start").path("timeZone").asText()).isEqualTo("Europe/Berlin");
    assertThat(Instant.parse(body.path("start").path("dateTime").asText())).isEqualTo(NOW);
    assertThat(body.path("extendedProperties").path("private").path("conveneService").asText()).isEqualTo("GOOGLE_MEET");

    assertThat(fake.requests("GET", "/events/" + event.id())).hasSize(1); // the poll after "pending"
    assertThat(pollSleeps).hasSize(1);
    String link = fake.calendar.eventJson(WORK, event.id()).path("hangoutLink").asText();
    assertThat(link).matches("https://meet\\.google\\.com/[a-z]{3}-[a-z]{4}-[a-z]{3}");
    assertThat(event.meetLink()).isEqualTo(link);
    assertThat(event.joinLink()).get().isEqualTo(
        new MeetingLink(new MeetingLink.Kind("meet", "Google Meet"), URI.create(link)));
  }

  @Test
  void conferenceThatGoogleCannotCreateGivesAClearError() {
    fake.calendar.conferenceOutcome("failure");

    assertThatThrownBy(() -> scheduler.createMeet(WORK, draft))
        .isExactlyInstanceOf(GoogleException.class)
        .hasMessageContaining("is in Google Calendar, but Google could not give it a Meet link");
  }

  @Test
  void insertWhoseAnswerWasLostIsNotDuplicatedOnRetry() throws Exception {
    fake.failNextAfterApplying(503);

    GoogleEvent event = scheduler.createMeet(WORK, draft);

    assertThat(fake.requests("POST", "/events")).hasSize(2);
    assertThat(fake.calendar.eventCount(WORK)).isEqualTo(1);
    assertThat(event.meetLink()).isNotNull();
  }

  @Test
  void updateChangesTitleTimesAndAttendeesAndNotifiesThem() throws Exception {
    GoogleEvent created = scheduler.createMeet(WORK, draft);
    fake.clearRequests();
    MeetingDraft moved = new MeetingDraft("Design review (moved)", "", NOW.plus(Duration.ofDays(1)),
        NOW.plus(Duration.ofDays(1)).plus(Duration.ofMinutes(30)), "Europe/Berlin", List.of("ana@example.com"));

    GoogleEvent updated = scheduler.update(WORK, created.id(), moved);

    Request patch = fake.requests("PATCH", "/events/" + created.id()).getFirst();
    assertThat(patch.param("sendUpdates")).isEqualTo("all");
    assertThat(patch.json().path("summary").asText()).isEqualTo("Design review (moved)");
    assertThat(patch.json().findValuesAsText("email")).containsExactly("ana@example.com");
    assertThat(updated.start()).isEqualTo(NOW.plus(Duration.ofDays(1)));
    assertThat(updated.meetLink()).isEqualTo(created.meetLink());
  }

  @Test
  void cancelDeletesAndNotifiesAndCancellingTwiceIsFine() throws Exception {
    GoogleEvent created = scheduler.createMeet(WORK, draft);

    scheduler.cancel(WORK, created.id());
    scheduler.cancel(WORK, created.id());

    List<Request> deletes = fake.requests("DELETE", "/events/" + created.id());
    assertThat(deletes).hasSize(2).allSatisfy(r -> assertThat(r.param("sendUpdates")).isEqualTo("all"));
    assertThat(fake.calendar.eventJson(WORK, created.id()).path("status").asText()).isEqualTo("cancelled");
  }

  @Test
  void addMeetLinkPatchesConferenceDataOntoAnExistingEvent() throws Exception {
    String id = fake.calendar.addEvent(WORK, "Native call", NOW, Duration.ofHours(1));

    GoogleEvent event = scheduler.addMeetLink(WORK, id);

    Request patch = fake.requests("PATCH", "/events/" + id).getFirst();
    assertThat(patch.param("conferenceDataVersion")).isEqualTo("1");
    assertThat(patch.json().path("conferenceData").path("createRequest").path("conferenceSolutionKey")
        .path("type").asText()).isEqualTo("hangoutsMeet");
    assertThat(patch.json().has("summary")).isFalse();
    assertThat(event.meetLink()).startsWith("https://meet.google.com/");

    fake.clearRequests();
    assertThat(scheduler.addMeetLink(WORK, id).meetLink()).isEqualTo(event.meetLink());
    assertThat(fake.requests("PATCH", "/events")).isEmpty();
  }

  @Test
  void failedNativeCallMovesToANewMeetEventAndOpensIt() throws Exception {
    List<URI> opened = new CopyOnWriteArrayList<>();
    MeetFallback fallback = new MeetFallback(scheduler, opened::add);
    EventView nativeMeeting = new EventView("m1", "Weekly 1:1", "", NOW, NOW.plus(Duration.ofMinutes(30)),
        "Europe/Berlin", new UserView("u1", "me@example.com", "Me"),
        List.of(new AttendeeView("ana@example.com", "Ana")), ServiceKind.NATIVE, "room-1", null,
        EventStatus.IN_PROGRESS, null, 1, NOW);

    GoogleEvent moved = fallback.moveToMeet(MeetingDraft.of(nativeMeeting));

    Request insert = fake.requests("POST", "/calendars/primary/events").getFirst();
    assertThat(insert.json().path("summary").asText()).isEqualTo("Weekly 1:1");
    assertThat(insert.json().findValuesAsText("email")).containsExactly("ana@example.com");
    assertThat(opened).containsExactly(URI.create(moved.meetLink()));
  }

  @Test
  void failedNativeCallOfAGoogleEventGetsAMeetLinkAndOpensIt() throws Exception {
    List<URI> opened = new CopyOnWriteArrayList<>();
    String id = fake.calendar.addEvent(WORK, "Planning", NOW, Duration.ofHours(1));

    GoogleEvent moved = new MeetFallback(scheduler, opened::add).moveToMeet(WORK, id);

    assertThat(opened).containsExactly(URI.create(moved.meetLink()));
    assertThat(fake.calendar.eventJson(WORK, id).path("hangoutLink").asText()).isEqualTo(moved.meetLink());
  }
}
