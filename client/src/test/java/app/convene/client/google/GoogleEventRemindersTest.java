package app.convene.client.google;

import static app.convene.client.google.GoogleTestSupport.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.client.auth.oauth2.Credential;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Google's reminder settings, through the real Calendar client against {@link FakeGoogle}. */
final class GoogleEventRemindersTest {
  static final String WORK = "me@example.com";
  static final Duration HOUR = Duration.ofHours(1);

  @TempDir Path dataDir;
  FakeGoogle fake;
  Credential credential;
  GoogleCalendarSync sync;

  @BeforeEach
  void signIn() throws Exception {
    fake = FakeGoogle.start();
    fake.calendar.addCalendar(WORK, "Work", "#9fe1e7", true);
    fake.calendar.defaultReminders(WORK, "popup:10", "email:30");
    credential = GoogleTestSupport.signIn(fake, dataDir);
    sync = restart();
  }

  @AfterEach
  void stopFake() {
    fake.close();
  }

  @Test
  void calendarListCarriesTheDefaultPopupReminders() throws Exception {
    assertThat(sync.listCalendars().getFirst().defaultReminders()).containsExactly(minutes(10));
  }

  @Test
  void eventUsingTheDefaultsGetsTheCalendarsPopupDefaults() throws Exception {
    fake.calendar.addEvent(WORK, "Planning", NOW, HOUR);

    sync.sync(Set.of(WORK));

    GoogleEvent event = only(sync);
    assertThat(event.reminderLeads()).containsExactly(minutes(10));
    assertThat(event.calendarReminders()).isTrue();
  }

  @Test
  void eventOverridesCountOnlyPopupReminders() throws Exception {
    String id = fake.calendar.addEvent(WORK, "Planning", NOW, HOUR);
    fake.calendar.reminders(WORK, id, false, "popup:15", "popup:0", "email:60");

    sync.sync(Set.of(WORK));

    GoogleEvent event = only(sync);
    assertThat(event.reminderLeads()).containsExactly(minutes(15), Duration.ZERO);
    assertThat(event.calendarReminders()).isFalse();
  }

  @Test
  void eventWithoutDefaultsOrOverridesGetsNoReminders() throws Exception {
    String id = fake.calendar.addEvent(WORK, "Focus time", NOW, HOUR);
    fake.calendar.reminders(WORK, id, false);

    sync.sync(Set.of(WORK));

    assertThat(only(sync).reminderLeads()).isNotNull().isEmpty();
  }

  @Test
  void changedCalendarDefaultsReachUnchangedEventsOnTheNextSync() throws Exception {
    fake.calendar.addEvent(WORK, "Planning", NOW, HOUR);
    String own = fake.calendar.addEvent(WORK, "Own reminders", NOW, HOUR);
    fake.calendar.reminders(WORK, own, false, "popup:1");
    sync.sync(Set.of(WORK));
    fake.calendar.defaultReminders(WORK, "popup:5", "popup:30");

    SyncResult result = sync.sync(Set.of(WORK));

    assertThat(result.fullSyncs()).isEmpty();
    for (GoogleCalendarSync reader : List.of(sync, restart())) {
      assertThat(reader.cachedEvents(Set.of(WORK)))
          .extracting(GoogleEvent::summary, GoogleEvent::reminderLeads)
          .containsExactlyInAnyOrder(
              org.assertj.core.groups.Tuple.tuple("Planning", List.of(minutes(30), minutes(5))),
              org.assertj.core.groups.Tuple.tuple("Own reminders", List.of(minutes(1))));
    }
  }

  @Test
  void cacheKeepsTheLeadsInSnapshotAndJournalAcrossARestart() throws Exception {
    fake.calendar.addEvent(WORK, "Defaults", NOW, HOUR);
    String none = fake.calendar.addEvent(WORK, "None", NOW, HOUR);
    fake.calendar.reminders(WORK, none, false);
    sync.sync(Set.of(WORK));
    String own = fake.calendar.addEvent(WORK, "Own", NOW, HOUR);
    fake.calendar.reminders(WORK, own, false, "popup:15", "popup:0");
    sync.sync(Set.of(WORK)); // to the journal
    List<GoogleEvent> before = sync.cachedEvents(Set.of(WORK));
    fake.close();

    List<GoogleEvent> after = restart().cachedEvents(Set.of(WORK));

    assertThat(after).containsExactlyInAnyOrderElementsOf(before);
    assertThat(after).extracting(GoogleEvent::summary, GoogleEvent::reminderLeads)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("Defaults", List.of(minutes(10))),
            org.assertj.core.groups.Tuple.tuple("None", List.of()),
            org.assertj.core.groups.Tuple.tuple("Own", List.of(minutes(15), Duration.ZERO)));
  }

  @Test
  void cacheOfThePreviousFormatLoadsWithUnknownLeadsAndIsReadAgain() throws Exception {
    fake.calendar.addEvent(WORK, "Planning", NOW, HOUR);
    sync.sync(Set.of(WORK));
    Path snapshot = snapshot();
    try (InputStream old = getClass().getResourceAsStream("calendar-cache-format1.json")) {
      Files.write(snapshot, old.readAllBytes());
    }

    GoogleCalendarSync restarted = restart();

    assertThat(restarted.cachedEvents(Set.of(WORK))).singleElement().satisfies(e -> {
      assertThat(e.summary()).isEqualTo("Planning (saved)");
      assertThat(e.reminderLeads()).isNull();
    });
    SyncResult result = restarted.sync(Set.of(WORK));
    assertThat(result.fullSyncs()).containsExactly(WORK);
    assertThat(only(restarted).reminderLeads()).containsExactly(minutes(10));
    assertThat(Files.readString(snapshot)).contains("\"format\":" + EventCache.FORMAT);
  }

  private GoogleCalendarSync restart() {
    return GoogleTestSupport.sync(fake, credential, dataDir, new GoogleTestSupport.FastRetry().retry, 250);
  }

  private static GoogleEvent only(GoogleCalendarSync reader) {
    List<GoogleEvent> events = reader.cachedEvents(Set.of(WORK));
    assertThat(events).hasSize(1);
    return events.getFirst();
  }

  private Path snapshot() throws Exception {
    try (Stream<Path> files = Files.list(dataDir.resolve("google/calendars"))) {
      return files.filter(p -> p.getFileName().toString().endsWith(".json")).findFirst().orElseThrow();
    }
  }

  private static Duration minutes(long minutes) {
    return Duration.ofMinutes(minutes);
  }
}
