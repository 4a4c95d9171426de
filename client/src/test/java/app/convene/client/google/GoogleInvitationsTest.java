package app.convene.client.google;

import static app.convene.client.google.GoogleTestSupport.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.convene.client.google.FakeGoogle.Request;
import app.convene.client.notify.GoogleReminders;
import com.fasterxml.jackson.databind.JsonNode;
import com.google.api.client.auth.oauth2.Credential;
import com.google.api.client.util.ExponentialBackOff;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Other people's invitations, event types and add-on conferences as Google sends them, through
 * the real Calendar client against {@link FakeGoogle}: what reminds, what offers Join, who may
 * cancel, and answering an invitation.
 */
final class GoogleInvitationsTest {
  static final String WORK = "me@example.com";
  static final String BOSS = "boss@example.com";
  static final Duration HOUR = Duration.ofHours(1);

  @TempDir Path dataDir;
  FakeGoogle fake;
  GoogleTestSupport.FastRetry fast = new GoogleTestSupport.FastRetry();
  GoogleCalendarSync sync;
  MeetScheduler scheduler;

  @BeforeEach
  void signIn() throws Exception {
    fake = FakeGoogle.start();
    fake.calendar.addCalendar(WORK, "Work", "#9fe1e7", true);
    Credential credential = GoogleTestSupport.signIn(fake, dataDir);
    sync = GoogleTestSupport.sync(fake, credential, dataDir, fast.retry, 50);
    scheduler = new MeetScheduler(GoogleTestSupport.calendar(fake, credential), fast.retry,
        () -> new ExponentialBackOff.Builder().setInitialIntervalMillis(5).build(), ms -> {}, 4,
        ZoneOffset.UTC);
    fake.clearRequests();
  }

  @AfterEach
  void stopFake() {
    fake.close();
  }

  @Test
  void declinedInvitationIsShownButNeitherRemindsNorOffersJoin() throws Exception {
    String declined = meetingWithMeet("Budget review");
    fake.calendar.invite(WORK, declined, BOSS, "declined");
    String accepted = meetingWithMeet("Standup");
    fake.calendar.invite(WORK, accepted, BOSS, "accepted");
    String unanswered = meetingWithMeet("Offsite planning");
    fake.calendar.invite(WORK, unanswered, BOSS, "needsAction");

    List<GoogleEvent> events = synced();

    GoogleEvent no = byId(events, declined);
    assertThat(no.declined()).isTrue();
    assertThat(no.joinLink()).isEmpty();
    assertThat(GoogleReminders.meeting(no)).isEmpty();
    assertThat(GoogleReminders.meetings(events)).extracting(m -> m.title())
        .containsExactlyInAnyOrder("Standup", "Offsite planning");
    assertThat(byId(events, accepted).joinLink()).isPresent();
    assertThat(byId(events, unanswered).joinLink()).isPresent();
  }

  @Test
  void workingLocationFocusTimeAndOutOfOfficeNeitherRemindNorOfferJoin() throws Exception {
    for (String type : List.of("workingLocation", "focusTime", "outOfOffice")) {
      fake.calendar.edit(WORK, meetingWithMeet(type), "eventType", type);
    }
    fake.calendar.edit(WORK, meetingWithMeet("Flight to Berlin"), "eventType", "fromGmail");
    meetingWithMeet("Design review");

    List<GoogleEvent> events = synced();

    assertThat(events).hasSize(5);
    assertThat(events).filteredOn(e -> e.joinLink().isPresent()).extracting(GoogleEvent::summary)
        .containsExactlyInAnyOrder("Flight to Berlin", "Design review");
    assertThat(GoogleReminders.meetings(events)).extracting(m -> m.title())
        .containsExactlyInAnyOrder("Flight to Berlin", "Design review");
  }

  @Test
  void onlyTheOrganiserMayCancelAGuestMayAnswer() throws Exception {
    String mine = fake.calendar.addEvent(WORK, "My 1:1", NOW, HOUR);
    String theirs = fake.calendar.addEvent(WORK, "All hands", NOW, HOUR);
    fake.calendar.invite(WORK, theirs, BOSS, "needsAction", "ana@example.com");
    GoogleEvent created = scheduler.createMeet(WORK, new MeetingDraft("Retro", null, NOW,
        NOW.plus(HOUR), "UTC", List.of("ana@example.com")));

    List<GoogleEvent> events = synced();

    assertThat(byId(events, mine).organizer()).isTrue();
    assertThat(byId(events, mine).invited()).isFalse();
    assertThat(byId(events, created.id()).organizer()).isTrue();
    assertThat(byId(events, theirs).organizer()).isFalse();
    assertThat(byId(events, theirs).invited()).isTrue();
    assertThat(byId(events, theirs).responseStatus()).isEqualTo("needsAction");
  }

  @Test
  void zoomAndTeamsAddOnMeetingsJoinThroughTheirConferenceLink() throws Exception {
    String zoom = fake.calendar.addEvent(WORK, "Customer call", NOW, HOUR);
    fake.calendar.addOnConference(WORK, zoom, "Zoom Meeting", "https://us02web.zoom.us/j/81234567890?pwd=abc");
    String teams = fake.calendar.addEvent(WORK, "Partner sync", NOW, HOUR);
    fake.calendar.addOnConference(WORK, teams, "Microsoft Teams Meeting",
        "https://teams.microsoft.com/l/meetup-join/19%3ameeting_NjQ5%40thread.v2/0");
    String other = fake.calendar.addEvent(WORK, "Vendor demo", NOW, HOUR);
    fake.calendar.addOnConference(WORK, other, "Acme Meet", "https://join.acme-meet.example/r/42");

    List<GoogleEvent> events = synced();

    assertThat(byId(events, zoom).joinLink()).get().satisfies(link -> {
      assertThat(link.kind().id()).isEqualTo("zoom");
      assertThat(link.uri()).hasToString("https://us02web.zoom.us/j/81234567890?pwd=abc");
    });
    assertThat(byId(events, teams).joinLink()).get()
        .satisfies(link -> assertThat(link.kind().displayName()).isEqualTo("Microsoft Teams"));
    assertThat(byId(events, other).joinLink()).get().satisfies(link -> {
      assertThat(link.kind().displayName()).isEqualTo("Acme Meet");
      assertThat(link.uri()).hasToString("https://join.acme-meet.example/r/42");
    });
  }

  @Test
  void answeringPatchesTheWholeAttendeeListWithOnlyOwnAnswerChangedAndTellsTheOrganiser() throws Exception {
    String id = fake.calendar.addEvent(WORK, "All hands", NOW, HOUR);
    fake.calendar.invite(WORK, id, BOSS, "needsAction", "ana@example.com", "bo@example.com");
    JsonNode before = fake.calendar.eventJson(WORK, id).get("attendees");

    GoogleEvent answered = scheduler.respond(WORK, id, Rsvp.DECLINED);

    List<Request> patches = fake.requests("PATCH", "/events/" + id);
    assertThat(patches).hasSize(1);
    assertThat(patches.getFirst().param("sendUpdates")).isEqualTo("all");
    JsonNode body = patches.getFirst().json();
    assertThat(body.size()).isEqualTo(1); // attendees only: nothing else of the event is touched
    JsonNode sent = body.get("attendees");
    assertThat(sent).hasSize(before.size());
    for (int i = 0; i < before.size(); i++) {
      boolean self = before.get(i).path("self").asBoolean();
      assertThat(sent.get(i).path("email").asText()).isEqualTo(before.get(i).path("email").asText());
      assertThat(sent.get(i).path("responseStatus").asText())
          .isEqualTo(self ? "declined" : before.get(i).path("responseStatus").asText());
    }
    assertThat(fake.calendar.eventJson(WORK, id).get("attendees")).hasSize(4);
    assertThat(answered.declined()).isTrue();
    assertThat(byId(synced(), id).declined()).isTrue();
  }

  @Test
  void anAnswerIsNotSentAgainAfterAServerError() throws Exception {
    String id = fake.calendar.addEvent(WORK, "All hands", NOW, HOUR);
    fake.calendar.invite(WORK, id, BOSS, "needsAction");
    fake.clearRequests();
    fake.failNextAfterApplying("PATCH", 503); // Google changed it and mailed the organiser

    assertThatThrownBy(() -> scheduler.respond(WORK, id, Rsvp.ACCEPTED))
        .isInstanceOf(GoogleException.class);

    assertThat(fake.requests("PATCH", "/events/" + id)).hasSize(1);
    assertThat(fast.sleeps).isEmpty();
  }

  @Test
  void answeringAnEventWithoutGuestsFailsWithoutPatching() throws Exception {
    String id = fake.calendar.addEvent(WORK, "Focus", NOW, HOUR);

    assertThatThrownBy(() -> scheduler.respond(WORK, id, Rsvp.ACCEPTED))
        .isInstanceOf(GoogleException.class).hasMessageContaining("not a guest");
    assertThat(fake.requests("PATCH", "/events/")).isEmpty();
  }

  private String meetingWithMeet(String summary) {
    String id = fake.calendar.addEvent(WORK, summary, NOW.plus(Duration.ofDays(1)), HOUR);
    fake.calendar.edit(WORK, id, "hangoutLink", "https://meet.google.com/abc-defg-hij");
    return id;
  }

  private List<GoogleEvent> synced() throws GoogleException {
    sync.sync(Set.of(WORK));
    return sync.cachedEvents(Set.of(WORK));
  }

  private static GoogleEvent byId(List<GoogleEvent> events, String id) {
    return events.stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow();
  }
}
