package app.convene.client.google;

import static app.convene.client.google.GoogleTestSupport.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.convene.client.google.FakeGoogle.Request;
import com.google.api.client.auth.oauth2.Credential;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Calendar sync through the real Calendar client against {@link FakeGoogle}. */
final class GoogleCalendarSyncTest {
  static final String WORK = "me@example.com";
  static final String TEAM = "team@group.calendar.google.com";
  static final Duration HOUR = Duration.ofHours(1);

  @TempDir Path dataDir;
  FakeGoogle fake;
  Credential credential;
  GoogleTestSupport.FastRetry fast = new GoogleTestSupport.FastRetry();
  GoogleCalendarSync sync;

  @BeforeEach
  void signIn() throws Exception {
    fake = FakeGoogle.start();
    fake.calendar.addCalendar(WORK, "Work", "#9fe1e7", true);
    fake.calendar.addCalendar(TEAM, "Team", "#f83a22", false);
    credential = GoogleTestSupport.signIn(fake, dataDir);
    sync = GoogleTestSupport.sync(fake, credential, dataDir, fast.retry, 3);
    fake.clearRequests();
  }

  @AfterEach
  void stopFake() {
    fake.close();
  }

  @Test
  void listsCalendarsWithTheirColoursPrimaryFirst() throws Exception {
    List<GoogleCalendarInfo> calendars = sync.listCalendars();

    assertThat(calendars).extracting(GoogleCalendarInfo::id, GoogleCalendarInfo::colorHex, GoogleCalendarInfo::primary)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(WORK, "#9fe1e7", true),
            org.assertj.core.groups.Tuple.tuple(TEAM, "#f83a22", false));
    assertThat(calendars.getFirst().writable()).isTrue();
  }

  @Test
  void firstSyncReadsEveryPageOfInstancesAndKeepsTheSyncToken() throws Exception {
    for (int i = 0; i < 7; i++) {
      fake.calendar.addEvent(WORK, "Meeting " + i, NOW.plus(Duration.ofDays(i)), HOUR);
    }
    String series = fake.calendar.addWeekly(WORK, "Weekly sync", NOW, HOUR, 4);
    fake.calendar.addEvent(WORK, "Two years ago", NOW.minus(Duration.ofDays(730)), HOUR);

    SyncResult result = sync.sync(Set.of(WORK));

    List<Request> lists = fake.requests("GET", "/events");
    assertThat(lists).hasSize(4); // 11 items, 3 a page
    assertThat(lists).allSatisfy(r -> {
      assertThat(r.param("singleEvents")).isEqualTo("true");
      assertThat(r.param("maxResults")).isEqualTo("3");
      assertThat(Instant.parse(r.param("timeMin"))).isEqualTo(NOW.minus(Duration.ofDays(365)));
      assertThat(r.param("syncToken")).isNull();
    });
    assertThat(lists.getFirst().param("pageToken")).isNull();
    assertThat(lists.subList(1, 4)).allSatisfy(r -> assertThat(r.param("pageToken")).isNotNull());
    assertThat(result.fullSyncs()).containsExactly(WORK);
    assertThat(result.fetched()).isEqualTo(11);
    assertThat(result.changed()).isEqualTo(11);

    List<GoogleEvent> events = sync.cachedEvents(Set.of(WORK));
    assertThat(events).hasSize(11).allSatisfy(e -> assertThat(e.colorHex()).isEqualTo("#9fe1e7"));
    assertThat(events).filteredOn(e -> series.equals(e.recurringEventId())).hasSize(4)
        .extracting(GoogleEvent::start).containsExactly(NOW, NOW.plus(Duration.ofDays(7)),
            NOW.plus(Duration.ofDays(14)), NOW.plus(Duration.ofDays(21)));
  }

  @Test
  void laterSyncSendsTheStoredSyncTokenAndAppliesOnlyTheChanges() throws Exception {
    String kept = fake.calendar.addEvent(WORK, "Kept", NOW, HOUR);
    String renamed = fake.calendar.addEvent(WORK, "Old name", NOW, HOUR);
    String deleted = fake.calendar.addEvent(WORK, "Deleted", NOW, HOUR);
    sync.sync(Set.of(WORK));
    fake.calendar.edit(WORK, renamed, "summary", "New name");
    fake.calendar.delete(WORK, deleted);
    fake.calendar.addEvent(WORK, "Added", NOW.plus(HOUR), HOUR);
    fake.clearRequests();

    SyncResult result = sync.sync(Set.of(WORK));

    Request incremental = fake.requests("GET", "/events").getFirst();
    assertThat(incremental.param("syncToken")).isEqualTo("sync-3"); // the fake's token after 3 changes
    assertThat(incremental.param("timeMin")).isNull();
    assertThat(incremental.param("singleEvents")).isEqualTo("true");
    assertThat(result.fullSyncs()).isEmpty();
    assertThat(result).extracting(SyncResult::fetched, SyncResult::changed, SyncResult::removed).containsExactly(3, 2, 1);
    assertThat(sync.cachedEvents(Set.of(WORK))).extracting(GoogleEvent::id, GoogleEvent::summary)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(kept, "Kept"),
            org.assertj.core.groups.Tuple.tuple(renamed, "New name"),
            org.assertj.core.groups.Tuple.tuple("ev4", "Added"));
  }

  @Test
  void deletingASeriesRemovesItsInstances() throws Exception {
    String series = fake.calendar.addWeekly(WORK, "Weekly", NOW, HOUR, 3);
    fake.calendar.addEvent(WORK, "Single", NOW, HOUR);
    sync.sync(Set.of(WORK));
    fake.calendar.delete(WORK, series);

    SyncResult result = sync.sync(Set.of(WORK));

    assertThat(result.removed()).isEqualTo(3);
    assertThat(sync.cachedEvents(Set.of(WORK))).extracting(GoogleEvent::summary).containsExactly("Single");
  }

  @Test
  void goneSyncTokenLeadsToAFullResync() throws Exception {
    fake.calendar.addEvent(WORK, "Before", NOW, HOUR);
    sync.sync(Set.of(WORK));
    fake.calendar.addEvent(WORK, "After", NOW, HOUR);
    fake.calendar.expireSyncTokens();
    fake.clearRequests();

    SyncResult result = sync.sync(Set.of(WORK));

    List<Request> lists = fake.requests("GET", "/events");
    assertThat(lists.getFirst().param("syncToken")).isNotNull();
    assertThat(lists.get(1).param("syncToken")).isNull();
    assertThat(lists.get(1).param("timeMin")).isNotNull();
    assertThat(result.fullSyncs()).containsExactly(WORK);
    assertThat(sync.cachedEvents(Set.of(WORK))).extracting(GoogleEvent::summary).containsExactlyInAnyOrder("Before", "After");

    fake.clearRequests();
    sync.sync(Set.of(WORK));
    assertThat(fake.requests("GET", "/events").getFirst().param("syncToken")).isNotNull();
  }

  @Test
  void cacheIsOwnerOnlyAndShowsEventsOfflineAfterARestart() throws Exception {
    fake.calendar.addEvent(WORK, "Planning", NOW, HOUR);
    fake.calendar.addEvent(TEAM, "Retro", NOW, HOUR);
    sync.sync(Set.of(WORK, TEAM));
    fake.close();

    GoogleCalendarSync restarted = GoogleTestSupport.sync(fake, credential, dataDir, fast.retry, 3);

    assertThat(restarted.cachedEvents(Set.of(WORK, TEAM))).extracting(GoogleEvent::summary, GoogleEvent::colorHex)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("Planning", "#9fe1e7"),
            org.assertj.core.groups.Tuple.tuple("Retro", "#f83a22"));
    try (Stream<Path> files = Files.list(dataDir.resolve("google/calendars"))) {
      assertThat(files.toList()).hasSize(2).allSatisfy(f ->
          assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-------"));
    }
  }

  @Test
  void networkDownGivesUnavailableAndKeepsTheCache() throws Exception {
    fake.calendar.addEvent(WORK, "Planning", NOW, HOUR);
    sync.sync(Set.of(WORK));
    fake.close();

    assertThatThrownBy(() -> sync.sync(Set.of(WORK)))
        .isInstanceOfSatisfying(GoogleUnavailableException.class, e -> assertThat(e.reason()).isEqualTo(GoogleUnavailableException.Reason.OFFLINE))
        .hasMessageContaining("Can't reach Google").hasMessageContaining("kept");
    assertThat(sync.cachedEvents(Set.of(WORK))).extracting(GoogleEvent::summary).containsExactly("Planning");
  }

  @Test
  void quotaAndServerErrorsAreRetriedWithGrowingBackOff() throws Exception {
    fake.calendar.addEvent(WORK, "Planning", NOW, HOUR);
    sync.listCalendars();
    fake.failNext(429, "rateLimitExceeded", 1);
    fake.failNext(403, "userRateLimitExceeded", 1);
    fake.failNext(503, "backendError", 1);

    SyncResult result = sync.sync(Set.of(WORK));

    assertThat(fast.sleeps).containsExactly(10L, 20L, 40L);
    assertThat(result.requests()).isEqualTo(4);
    assertThat(sync.cachedEvents(Set.of(WORK))).hasSize(1);
  }

  @Test
  void googleStayingBusyEndsInABusyErrorAndKeepsTheCache() throws Exception {
    fake.calendar.addEvent(WORK, "Planning", NOW, HOUR);
    sync.sync(Set.of(WORK));
    fake.failNext(503, "backendError", 10);

    assertThatThrownBy(() -> sync.sync(Set.of(WORK)))
        .isInstanceOfSatisfying(GoogleUnavailableException.class, e -> assertThat(e.reason()).isEqualTo(GoogleUnavailableException.Reason.BUSY))
        .hasMessageContaining("Try again in a few minutes");
    assertThat(fast.sleeps).hasSize(4);
    assertThat(sync.cachedEvents(Set.of(WORK))).hasSize(1);
  }

  @Test
  void forbiddenWithoutARateLimitReasonIsNotRetried() throws Exception {
    sync.listCalendars();
    fake.failNext(403, "forbidden", 1);

    assertThatThrownBy(() -> sync.sync(Set.of(WORK)))
        .isExactlyInstanceOf(GoogleException.class)
        .hasMessageContaining("HTTP 403");
    assertThat(fast.sleeps).isEmpty();
  }

  @Test
  void unreadableCacheFileIsSetAsideAndTheCalendarReadAgain() throws Exception {
    fake.calendar.addEvent(WORK, "Planning", NOW, HOUR);
    sync.sync(Set.of(WORK));
    Path file;
    try (Stream<Path> files = Files.list(dataDir.resolve("google/calendars"))) {
      file = files.findFirst().orElseThrow();
    }
    Files.writeString(file, "{not json");

    GoogleCalendarSync restarted = GoogleTestSupport.sync(fake, credential, dataDir, fast.retry, 3);
    SyncResult result = restarted.sync(Set.of(WORK));

    assertThat(result.fullSyncs()).containsExactly(WORK);
    assertThat(file.resolveSibling(file.getFileName() + ".corrupt")).exists();
    assertThat(restarted.cachedEvents(Set.of(WORK))).hasSize(1);
  }

  @Test
  void periodicSyncDeliversResultsAndRefreshNowSyncsAgain() throws Exception {
    fake.calendar.addEvent(WORK, "Planning", NOW, HOUR);
    java.util.concurrent.BlockingQueue<Object> outcomes = new java.util.concurrent.LinkedBlockingQueue<>();
    PeriodicSync.Listener listener = new PeriodicSync.Listener() {
      @Override
      public void synced(SyncResult result, List<GoogleEvent> events) {
        outcomes.add(events);
      }

      @Override
      public void failed(GoogleException error) {
        outcomes.add(error);
      }
    };
    try (PeriodicSync periodic = new PeriodicSync(sync, () -> Set.of(WORK), Duration.ofHours(1), listener, Runnable::run)) {
      assertThat(outcomes.poll(10, java.util.concurrent.TimeUnit.SECONDS)).asList().hasSize(1);
      fake.calendar.addEvent(WORK, "Added", NOW, HOUR);
      periodic.refreshNow();
      assertThat(outcomes.poll(10, java.util.concurrent.TimeUnit.SECONDS)).asList().hasSize(2);
      fake.close();
      periodic.refreshNow();
      assertThat(outcomes.poll(10, java.util.concurrent.TimeUnit.SECONDS)).isInstanceOf(GoogleUnavailableException.class);
    }
  }
}
