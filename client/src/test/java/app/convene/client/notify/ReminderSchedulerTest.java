package app.convene.client.notify;

import static org.assertj.core.api.Assertions.assertThat;

import app.convene.client.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReminderSchedulerTest {
  private static final Instant T = Instant.parse("2026-11-27T09:00:00Z");

  @TempDir Path dir;
  private final MutableClock clock = new MutableClock(T);
  private final BlockingQueue<Reminder> due = new LinkedBlockingQueue<>();
  private final List<List<UpcomingMeeting>> listed = new CopyOnWriteArrayList<>();
  private ReminderScheduler scheduler;

  private ReminderScheduler start(List<Duration> leads) {
    ReminderEngine engine = new ReminderEngine(clock, leads, dir.resolve("fired.txt"));
    scheduler = new ReminderScheduler(clock, engine, Duration.ofMinutes(1),
        new ReminderScheduler.Listener() {
          @Override
          public void due(UpcomingMeeting meeting, Reminder reminder) {
            due.add(reminder);
          }

          @Override
          public void upcoming(List<UpcomingMeeting> next) {
            listed.add(next);
          }
        }, Runnable::run);
    scheduler.start(Duration.ofMillis(20));
    return scheduler;
  }

  @AfterEach
  void close() {
    if (scheduler != null) {
      scheduler.close();
    }
  }

  private static UpcomingMeeting meeting(String key, String title, Instant start) {
    return new UpcomingMeeting(key, title, start, start.plus(Duration.ofMinutes(30)), null, () -> {});
  }

  @Test
  void aFetchedMeetingIsRemindedAtItsLeadAndListedForTheTray() throws Exception {
    start(List.of(Duration.ofMinutes(5)));
    scheduler.addSource("server", () -> List.of(meeting("e1@1", "Design review", T.plus(Duration.ofMinutes(20)))));
    scheduler.refresh();
    awaitListed(1);
    assertThat(listed.getLast()).extracting(UpcomingMeeting::title).containsExactly("Design review");
    assertThat(due.poll(200, TimeUnit.MILLISECONDS)).isNull();

    clock.set(T.plus(Duration.ofMinutes(15)));
    Reminder reminder = due.poll(5, TimeUnit.SECONDS);
    assertThat(reminder).isNotNull();
    assertThat(reminder.meetingKey()).isEqualTo("e1@1");
    assertThat(reminder.lead()).isEqualTo(Duration.ofMinutes(5));
    assertThat(due.poll(200, TimeUnit.MILLISECONDS)).isNull();
  }

  @Test
  void snoozeBringsTheReminderBackAfterTheDelay() throws Exception {
    start(List.of(Duration.ofMinutes(10)));
    scheduler.offer("google", List.of(meeting("g@1", "Vendor call", T.plus(Duration.ofMinutes(30)))));
    clock.set(T.plus(Duration.ofMinutes(20)));
    assertThat(due.poll(5, TimeUnit.SECONDS)).isNotNull();

    scheduler.snooze("g@1", Duration.ofMinutes(5));
    clock.set(T.plus(Duration.ofMinutes(24)));
    assertThat(due.poll(300, TimeUnit.MILLISECONDS)).isNull();
    clock.set(T.plus(Duration.ofMinutes(25)));
    Reminder again = due.poll(5, TimeUnit.SECONDS);
    assertThat(again).isNotNull();
    assertThat(again.lead()).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void aCancelledMeetingDropsItsSnoozeAndLeavesTheTray() throws Exception {
    start(List.of(Duration.ofMinutes(10)));
    scheduler.offer("google", List.of(meeting("g@1", "Vendor call", T.plus(Duration.ofMinutes(30)))));
    clock.set(T.plus(Duration.ofMinutes(20)));
    assertThat(due.poll(5, TimeUnit.SECONDS)).isNotNull();
    scheduler.snooze("g@1", Duration.ofMinutes(5));
    scheduler.offer("google", List.of());
    awaitListed(2);
    assertThat(listed.getLast()).isEmpty();
    clock.set(T.plus(Duration.ofMinutes(26)));
    assertThat(due.poll(300, TimeUnit.MILLISECONDS)).isNull();
  }

  @Test
  void aClaimedReminderIsNotShownAgain() throws Exception {
    start(List.of(Duration.ofMinutes(5)));
    scheduler.offer("server", List.of(meeting("e1@1", "Design review", T.plus(Duration.ofMinutes(20)))));
    Instant start = T.plus(Duration.ofMinutes(20));
    // Ten minutes before: earlier than any local reminder, so the announcement is extra.
    clock.set(T.plus(Duration.ofMinutes(10)));
    assertThat(scheduler.claim("e1@1", start).get(5, TimeUnit.SECONDS)).isTrue();
    // Four minutes before (the server's job ran late): it stands for the five-minute reminder.
    clock.set(T.plus(Duration.ofMinutes(16)));
    assertThat(scheduler.claim("e1@1", start).get(5, TimeUnit.SECONDS)).isTrue();
    assertThat(scheduler.claim("e1@1", start).get(5, TimeUnit.SECONDS)).isFalse();
    assertThat(due.poll(300, TimeUnit.MILLISECONDS)).isNull();
  }

  @Test
  void noClaimForAMeetingWithoutReminders() throws Exception {
    start(List.of(Duration.ofMinutes(5)));
    Instant start = T.plus(Duration.ofMinutes(20));
    scheduler.offer("server", List.of(new UpcomingMeeting("e1@1", "Design review", start,
        start.plus(Duration.ofMinutes(30)), List.of(), () -> {})));
    clock.set(T.plus(Duration.ofMinutes(16)));
    assertThat(scheduler.claim("e1@1", start).get(5, TimeUnit.SECONDS)).isFalse();
  }

  @Test
  void aLocalReminderAlreadyShownIsNotAnnouncedAgain() throws Exception {
    start(List.of(Duration.ofMinutes(5)));
    Instant start = T.plus(Duration.ofMinutes(20));
    scheduler.offer("server", List.of(meeting("e1@1", "Design review", start)));
    clock.set(T.plus(Duration.ofMinutes(15)));
    assertThat(due.poll(5, TimeUnit.SECONDS)).isNotNull();
    assertThat(scheduler.claim("e1@1", start).get(5, TimeUnit.SECONDS)).isFalse();
  }

  @Test
  void aSourceThatFailsKeepsItsLastMeetings() throws Exception {
    start(List.of(Duration.ofMinutes(5)));
    java.util.concurrent.atomic.AtomicBoolean down = new java.util.concurrent.atomic.AtomicBoolean();
    scheduler.addSource("server", () -> {
      if (down.get()) {
        throw new IllegalStateException("offline");
      }
      return List.of(meeting("e1@1", "Design review", T.plus(Duration.ofMinutes(20))));
    });
    scheduler.refresh();
    awaitListed(1);
    down.set(true);
    scheduler.refresh();
    clock.set(T.plus(Duration.ofMinutes(15)));
    assertThat(due.poll(5, TimeUnit.SECONDS)).isNotNull();
  }

  private void awaitListed(int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (listed.size() < count && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(listed).hasSizeGreaterThanOrEqualTo(count);
  }
}
