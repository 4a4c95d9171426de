package app.convene.client.google;

import static app.convene.client.google.GoogleTestSupport.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import app.convene.client.google.FakeGoogle.Request;
import com.google.api.client.auth.oauth2.Credential;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One bad calendar among good ones, and a calendar list that changes, against {@link FakeGoogle}. */
final class GoogleCalendarFailuresTest {
  static final String WORK = "me@example.com";
  static final String TEAM = "team@group.calendar.google.com";
  static final String HOLIDAYS = "en.usa#holiday@group.v.calendar.google.com";
  static final Duration HOUR = Duration.ofHours(1);

  /** A clock the test moves. */
  static final class MovingClock extends Clock {
    Instant now = NOW;

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @TempDir Path dataDir;
  FakeGoogle fake;
  GoogleTestSupport.FastRetry fast = new GoogleTestSupport.FastRetry();
  MovingClock clock = new MovingClock();
  Credential credential;
  GoogleCalendarSync sync;

  @BeforeEach
  void signIn() throws Exception {
    fake = FakeGoogle.start();
    fake.calendar.addCalendar(WORK, "Work", "#9fe1e7", true);
    fake.calendar.addCalendar(TEAM, "Team", "#f83a22", false);
    fake.calendar.addCalendar(HOLIDAYS, "Holidays", "#16a765", false);
    fake.calendar.addEvent(WORK, "Planning", NOW, HOUR);
    fake.calendar.addEvent(TEAM, "Retro", NOW, HOUR);
    fake.calendar.addEvent(HOLIDAYS, "New Year", NOW, HOUR);
    credential = GoogleTestSupport.signIn(fake, dataDir);
    sync = new GoogleCalendarSync(GoogleTestSupport.calendar(fake, credential), fast.retry,
        new EventCache(GoogleAuth.googleDir(dataDir)), 250, Duration.ofDays(365), clock,
        ZoneOffset.UTC);
    fake.clearRequests();
  }

  @AfterEach
  void stopFake() {
    fake.close();
  }

  @Test
  void calendarsSyncInTheOrderOfTheListPrimaryFirst() throws Exception {
    sync.sync(Set.of(HOLIDAYS, TEAM, WORK));

    assertThat(fake.requests("GET", "/events")).extracting(Request::rawPath).containsExactly(
        "/calendar/v3/calendars/me@example.com/events",
        "/calendar/v3/calendars/team@group.calendar.google.com/events",
        "/calendar/v3/calendars/en.usa%23holiday@group.v.calendar.google.com/events");
  }

  @Test
  void deletedOrUnsharedCalendarIsDroppedAndTheOthersStillSync() throws Exception {
    sync.sync(Set.of(WORK, TEAM, HOLIDAYS));
    fake.calendar.removeCalendar(TEAM);
    fake.calendar.addEvent(HOLIDAYS, "Labor Day", NOW.plus(HOUR), HOUR);

    SyncResult result = sync.sync(Set.of(WORK, TEAM, HOLIDAYS));

    assertThat(result.gone()).containsExactly(TEAM);
    assertThat(result.problems()).containsOnlyKeys(TEAM);
    assertThat(result.problems().get(TEAM)).contains("\"Team\"").contains("no longer shared");
    assertThat(sync.cachedEvents(Set.of(TEAM))).isEmpty();
    assertThat(sync.cachedEvents(Set.of(HOLIDAYS))).extracting(GoogleEvent::summary)
        .containsExactly("New Year", "Labor Day");
    try (Stream<Path> files = Files.list(dataDir.resolve("google/calendars"))) {
      assertThat(files.filter(f -> f.toString().endsWith(".json"))).hasSize(2);
    }
  }

  @Test
  void forbiddenCalendarIsReportedAndTheOthersStillSync() throws Exception {
    sync.listCalendars();
    fake.clearRequests();
    fake.failNext(403, "forbidden", 1); // the first calendar synced: the primary one

    SyncResult result = sync.sync(Set.of(WORK, TEAM, HOLIDAYS));

    assertThat(result.problems()).containsOnlyKeys(WORK);
    assertThat(result.problems().get(WORK)).contains("\"Work\"").contains("HTTP 403");
    assertThat(result.gone()).isEmpty();
    assertThat(sync.cachedEvents(Set.of(TEAM, HOLIDAYS))).extracting(GoogleEvent::summary)
        .containsExactlyInAnyOrder("Retro", "New Year");
  }

  @Test
  void calendarListIsReadAgainEveryHalfHour() throws Exception {
    sync.sync(Set.of(WORK, TEAM));
    fake.calendar.recolor(TEAM, "#4986e7");
    fake.calendar.addCalendar("new@group.calendar.google.com", "New", "#000000", false);

    SyncResult soon = sync.sync(Set.of(WORK, TEAM));
    clock.now = NOW.plus(Duration.ofMinutes(31));
    SyncResult later = sync.sync(Set.of(WORK, TEAM));

    assertThat(soon.relisted()).isEmpty();
    assertThat(later.relisted()).get().asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
        .extracting("id").contains("new@group.calendar.google.com");
    assertThat(sync.cachedEvents(Set.of(TEAM))).extracting(GoogleEvent::colorHex)
        .containsExactly("#4986e7");
    assertThat(fake.requests("GET", "/calendarList")).hasSize(2);
  }

  @Test
  void allDayEventKeepsItsDayAfterAChangeOfZone() throws Exception {
    fake.calendar.addAllDayEvent(WORK, "Offsite", java.time.LocalDate.of(2026, 12, 2));
    sync.sync(Set.of(WORK));
    ZoneId losAngeles = ZoneId.of("America/Los_Angeles");

    GoogleCalendarSync moved = new GoogleCalendarSync(
        GoogleTestSupport.calendar(fake, credential), fast.retry,
        new EventCache(GoogleAuth.googleDir(dataDir)), 250, Duration.ofDays(365),
        Clock.fixed(NOW, losAngeles), losAngeles);
    GoogleEvent offsite = moved.cachedEvents(Set.of(WORK)).stream()
        .filter(GoogleEvent::allDay).findFirst().orElseThrow();

    assertThat(offsite.startDate()).isEqualTo(java.time.LocalDate.of(2026, 12, 2));
    assertThat(offsite.start()).isEqualTo(java.time.LocalDate.of(2026, 12, 2).atStartOfDay(losAngeles).toInstant());
    assertThat(offsite.end()).isEqualTo(java.time.LocalDate.of(2026, 12, 3).atStartOfDay(losAngeles).toInstant());
  }

  @Test
  void eventsSavedByTheVersionBeforeDatesStillShowAndTheCalendarIsReadAgain() throws Exception {
    fake.calendar.addAllDayEvent(WORK, "Offsite", java.time.LocalDate.of(2026, 12, 2));
    sync.sync(Set.of(WORK));
    Path snapshot;
    try (Stream<Path> files = Files.list(dataDir.resolve("google/calendars"))) {
      snapshot = files.filter(f -> f.toString().endsWith(".json")).findFirst().orElseThrow();
    }
    String older = Files.readString(snapshot).replace("\"format\":" + EventCache.FORMAT, "\"format\":2")
        .replaceAll(",\"startDate\":(null|\"[0-9-]+\"),\"endDate\":(null|\"[0-9-]+\")", "");
    assertThat(older).doesNotContain("startDate");
    Files.writeString(snapshot, older);

    GoogleCalendarSync restarted = GoogleTestSupport.sync(fake, credential, dataDir, fast.retry, 250);

    assertThat(restarted.cachedEvents(Set.of(WORK))).extracting(GoogleEvent::summary)
        .containsExactlyInAnyOrder("Planning", "Offsite");
    assertThat(restarted.sync(Set.of(WORK)).fullSyncs()).containsExactly(WORK);
    assertThat(restarted.cachedEvents(Set.of(WORK))).filteredOn(GoogleEvent::allDay)
        .extracting(GoogleEvent::startDate).containsExactly(java.time.LocalDate.of(2026, 12, 2));
  }
}
