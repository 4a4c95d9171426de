package app.convene.client.notify;

import static org.assertj.core.api.Assertions.assertThat;

import app.convene.client.google.GoogleEvent;
import app.convene.client.i18n.Messages;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GoogleRemindersTest {
  private static final Instant START = Instant.parse("2026-12-01T09:00:00Z");

  @BeforeAll
  static void english() {
    Messages.use(Locale.ENGLISH);
  }

  @Test
  void timedEventBecomesAMeetingKeyedByCalendarEventAndStart() {
    GoogleEvent event = event("Planning", false, List.of(Duration.ofMinutes(15), Duration.ZERO));

    ReminderEngine.Meeting meeting = GoogleReminders.meeting(event).orElseThrow();

    assertThat(meeting).isEqualTo(new ReminderEngine.Meeting(
        "google:team@group.calendar.google.com/ev1@" + START.toEpochMilli(), "Planning", START,
        List.of(Duration.ofMinutes(15), Duration.ZERO)));
  }

  @Test
  void unknownLeadsStayNullAndNoRemindersStayEmpty() {
    assertThat(GoogleReminders.meeting(event("A", false, null)).orElseThrow().leads()).isNull();
    assertThat(GoogleReminders.meeting(event("A", false, List.of())).orElseThrow().leads())
        .isNotNull().isEmpty();
  }

  @Test
  void eventWithoutTitleIsCalledSo() {
    assertThat(GoogleReminders.meeting(event(null, false, null)).orElseThrow().title())
        .isEqualTo("(no title)");
  }

  @Test
  void allDayEventGetsNoReminder() {
    GoogleEvent allDay = event("Holiday", true, List.of(Duration.ofMinutes(10)));

    assertThat(GoogleReminders.meeting(allDay)).isEmpty();
    assertThat(GoogleReminders.meetings(List.of(allDay, event("Planning", false, null))))
        .extracting(ReminderEngine.Meeting::title).containsExactly("Planning");
  }

  private static GoogleEvent event(String summary, boolean allDay, List<Duration> leads) {
    return new GoogleEvent("team@group.calendar.google.com", "ev1", null, summary, null, null,
        START, START.plus(Duration.ofHours(1)), allDay, null, null, null, leads, false);
  }
}
