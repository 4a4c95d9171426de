package app.convene.client.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import app.convene.client.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReminderEngineTest {
  private static final Instant NINE = Instant.parse("2026-12-01T09:00:00Z");
  private static final List<Duration> DEFAULTS = List.of(Duration.ofMinutes(5), Duration.ZERO);

  @TempDir Path dir;
  private final MutableClock clock = new MutableClock(NINE.minus(Duration.ofMinutes(30)));

  private ReminderEngine engine() {
    return new ReminderEngine(clock, DEFAULTS, dir.resolve("reminders.txt"));
  }

  private static ReminderEngine.Meeting standup(Instant start) {
    return new ReminderEngine.Meeting("e-1@" + start.toEpochMilli(), "Standup", start, null);
  }

  @Test
  void defaultLeadsFireFiveMinutesBeforeAndAtTheStartOnceEach() {
    ReminderEngine engine = engine();
    engine.update(List.of(standup(NINE)));

    assertThat(engine.due()).isEmpty();
    clock.set(NINE.minus(Duration.ofMinutes(5)));
    assertThat(engine.due()).extracting(Reminder::lead).containsExactly(Duration.ofMinutes(5));
    assertThat(engine.due()).isEmpty();
    clock.set(NINE);
    assertThat(engine.due()).extracting(Reminder::lead).containsExactly(Duration.ZERO);
    assertThat(engine.due()).isEmpty();
  }

  @Test
  void aMeetingsOwnLeadTimesReplaceTheDefaults() {
    ReminderEngine engine = engine();
    engine.update(List.of(new ReminderEngine.Meeting("e-2", "Board", NINE, List.of(Duration.ofMinutes(15)))));

    clock.set(NINE.minus(Duration.ofMinutes(15)));
    assertThat(engine.due()).extracting(Reminder::title).containsExactly("Board");
    clock.set(NINE);
    assertThat(engine.due()).isEmpty();
  }

  @Test
  void aRestartDoesNotShowAReminderAgain() {
    ReminderEngine first = engine();
    first.update(List.of(standup(NINE)));
    clock.set(NINE.minus(Duration.ofMinutes(4)));
    assertThat(first.due()).hasSize(1);

    ReminderEngine afterRestart = engine();
    afterRestart.update(List.of(standup(NINE)));

    assertThat(afterRestart.due()).isEmpty();
  }

  @Test
  void aReminderMissedWhileClosedShowsOnceAtStartUpIfTheMeetingHasNotStarted() throws Exception {
    clock.set(NINE.minus(Duration.ofMinutes(2)));
    ReminderEngine engine = engine();
    engine.update(List.of(new ReminderEngine.Meeting("e-3", "Review", NINE,
        List.of(Duration.ofMinutes(15), Duration.ofMinutes(5), Duration.ZERO))));

    assertThat(engine.due()).extracting(Reminder::lead).containsExactly(Duration.ofMinutes(5));
    assertThat(engine.due()).isEmpty();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("reminders.txt"))))
        .isEqualTo("rw-------");

    ReminderEngine late = new ReminderEngine(new MutableClock(NINE.plus(Duration.ofMinutes(10))),
        DEFAULTS, dir.resolve("other.txt"));
    late.update(List.of(standup(NINE)));
    assertThat(late.due()).as("the meeting started ten minutes ago").isEmpty();
  }

  @Test
  void aRescheduledMeetingGetsNewRemindersAndACancelledOneNone() {
    ReminderEngine engine = engine();
    engine.update(List.of(standup(NINE)));
    clock.set(NINE.minus(Duration.ofMinutes(5)));
    assertThat(engine.due()).hasSize(1);

    Instant ten = NINE.plus(Duration.ofHours(1));
    engine.update(List.of(standup(ten)));
    clock.set(NINE);
    assertThat(engine.due()).as("the old time passes quietly").isEmpty();
    clock.set(ten.minus(Duration.ofMinutes(5)));
    assertThat(engine.due()).extracting(Reminder::meetingStart).containsExactly(ten);

    engine.update(List.of());
    clock.set(ten);
    assertThat(engine.due()).as("cancelled").isEmpty();
  }
}
