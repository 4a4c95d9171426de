package app.convene.client.google;

import static app.convene.client.google.GoogleTestSupport.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

/** What is retried, how long it waits, and what is never sent twice, against {@link FakeGoogle}. */
final class GoogleRetryTest {
  static final String WORK = "me@example.com";

  @TempDir Path dataDir;
  FakeGoogle fake;
  GoogleTestSupport.FastRetry fast = new GoogleTestSupport.FastRetry();
  GoogleCalendarSync sync;
  MeetScheduler scheduler;
  MeetingDraft draft = new MeetingDraft("Design review", "", NOW, NOW.plus(Duration.ofHours(1)),
      "Europe/Berlin", List.of("ana@example.com"));

  @BeforeEach
  void signIn() throws Exception {
    fake = FakeGoogle.start();
    fake.calendar.addCalendar(WORK, "Work", "#9fe1e7", true);
    fake.calendar.addEvent(WORK, "Planning", NOW, Duration.ofHours(1));
    Credential credential = GoogleTestSupport.signIn(fake, dataDir);
    sync = GoogleTestSupport.sync(fake, credential, dataDir, fast.retry, 250);
    scheduler = new MeetScheduler(GoogleTestSupport.calendar(fake, credential), fast.retry,
        () -> new ExponentialBackOff.Builder().setInitialIntervalMillis(5).build(),
        millis -> {}, 4, ZoneOffset.UTC);
    sync.listCalendars();
    fake.clearRequests();
  }

  @AfterEach
  void stopFake() {
    fake.close();
  }

  @Test
  void quotaExceededIsNotRetriedAndSaysTheQuotaIsUsedUp() {
    fake.failNext(403, "quotaExceeded", 1);

    assertThatThrownBy(() -> sync.sync(Set.of(WORK)))
        .isInstanceOfSatisfying(GoogleUnavailableException.class,
            e -> assertThat(e.reason()).isEqualTo(GoogleUnavailableException.Reason.QUOTA))
        .hasMessageContaining("quota").hasMessageContaining("does not retry");
    assertThat(fast.sleeps).isEmpty();
    assertThat(fake.requests("GET", "/events")).hasSize(1);
  }

  @Test
  void dailyLimitExceededIsNotRetried() {
    fake.failNext(403, "dailyLimitExceeded", 1);

    assertThatThrownBy(() -> sync.sync(Set.of(WORK)))
        .isInstanceOfSatisfying(GoogleUnavailableException.class,
            e -> assertThat(e.reason()).isEqualTo(GoogleUnavailableException.Reason.QUOTA));
    assertThat(fast.sleeps).isEmpty();
  }

  @Test
  void retryAfterOfARateLimitOrA503IsWaitedFor() throws Exception {
    fake.failNextWithRetryAfter(429, "rateLimitExceeded", "3");
    fake.failNextWithRetryAfter(403, "userRateLimitExceeded", "2");
    fake.failNextWithRetryAfter(503, "backendError", "1");

    sync.sync(Set.of(WORK));

    assertThat(fast.sleeps).containsExactly(3_000L, 2_000L, 1_000L);
    assertThat(sync.cachedEvents(Set.of(WORK))).hasSize(1);
  }

  @Test
  void retryAfterBeyondAMinuteIsNotWaitedFor() {
    fake.failNextWithRetryAfter(503, "backendError", "3600");

    assertThatThrownBy(() -> sync.sync(Set.of(WORK)))
        .isInstanceOfSatisfying(GoogleUnavailableException.class,
            e -> assertThat(e.reason()).isEqualTo(GoogleUnavailableException.Reason.BUSY));
    assertThat(fast.sleeps).isEmpty();
  }

  @Test
  void changeAnsweredWithA5xxIsNotSentAgainAndTheUserIsAskedToCheck() throws Exception {
    GoogleEvent created = scheduler.createMeet(WORK, draft);
    fake.clearRequests();
    fake.failNextAfterApplying(503);

    assertThatThrownBy(() -> scheduler.update(WORK, created.id(), draft))
        .isExactlyInstanceOf(GoogleException.class)
        .hasMessageContaining("HTTP 503").hasMessageContaining("Check the meeting in Google Calendar");
    assertThat(fake.requests("PATCH", "/events/" + created.id())).hasSize(1);
  }

  @Test
  void cancellationAnsweredWithA5xxIsNotSentAgainAndTheUserIsAskedToCheck() throws Exception {
    GoogleEvent created = scheduler.createMeet(WORK, draft);
    fake.clearRequests();
    fake.failNext(500, "backendError", 1);

    assertThatThrownBy(() -> scheduler.cancel(WORK, created.id()))
        .hasMessageContaining("Check the meeting in Google Calendar");
    assertThat(fake.requests("DELETE", "/events/" + created.id())).hasSize(1);
  }

  @Test
  void changeRefusedForTheRateLimitIsRetried() throws Exception {
    GoogleEvent created = scheduler.createMeet(WORK, draft);
    fake.clearRequests();
    fake.failNext(429, "rateLimitExceeded", 1);

    scheduler.update(WORK, created.id(), draft);

    assertThat(fake.requests("PATCH", "/events/" + created.id())).hasSize(2);
  }
}
