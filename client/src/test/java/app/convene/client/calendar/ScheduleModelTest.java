package app.convene.client.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import app.convene.client.i18n.Messages;
import app.convene.protocol.api.EventRequest;
import app.convene.protocol.api.Recurrence;
import app.convene.protocol.api.ServiceKind;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ScheduleModelTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  @BeforeAll
  static void english() {
    Messages.use(Locale.ENGLISH);
  }

  private static ScheduleModel form() {
    ScheduleModel form = new ScheduleModel(ZonedDateTime.of(2026, 12, 3, 10, 0, 0, 0, BERLIN), ServiceKind.NATIVE);
    form.titleProperty().set("  Design review ");
    return form;
  }

  @Test
  void validFormBecomesARequestInItsTimeZone() {
    ScheduleModel form = form();
    form.endTimeProperty().set("11:15");
    form.attendeesProperty().set("boris@example.com, Carla@Example.com;\nboris@EXAMPLE.com");

    EventRequest request = form.toRequest().orElseThrow();

    assertThat(request.title()).isEqualTo("Design review");
    assertThat(request.start()).isEqualTo(ZonedDateTime.of(2026, 12, 3, 10, 0, 0, 0, BERLIN).toInstant());
    assertThat(Duration.between(request.start(), request.end())).isEqualTo(Duration.ofMinutes(75));
    assertThat(request.timeZone()).isEqualTo("Europe/Berlin");
    assertThat(request.attendees()).containsExactly("boris@example.com", "Carla@Example.com");
    assertThat(request.service()).isEqualTo(ServiceKind.NATIVE);
    assertThat(request.recurrence()).isNull();
    assertThat(form.errorProperty().get()).isEmpty();
  }

  @Test
  void weeklyRepeatCarriesItsLastDate() {
    ScheduleModel form = form();
    form.repeatProperty().set(ScheduleModel.Repeat.WEEKLY);
    form.untilProperty().set(LocalDate.of(2027, 3, 1));

    Recurrence recurrence = form.toRequest().orElseThrow().recurrence();

    assertThat(recurrence).isEqualTo(new Recurrence(Recurrence.Frequency.WEEKLY, 1, LocalDate.of(2027, 3, 1), null));
  }

  @Test
  void meetingPastMidnightEndsTheNextDay() {
    ScheduleModel form = form();
    form.startTimeProperty().set("23:30");
    form.endTimeProperty().set("00:15");

    EventRequest request = form.toRequest().orElseThrow();

    assertThat(Duration.between(request.start(), request.end())).isEqualTo(Duration.ofMinutes(45));
  }

  @Test
  void anEndBeforeTheStartIsRefusedUnlessItIsAShortNightNotSavedAsADayLongMeeting() {
    ScheduleModel form = form();
    form.startTimeProperty().set("10:00");
    form.endTimeProperty().set("09:00");

    assertThat(form.toRequest()).isEmpty();
    assertThat(form.errorProperty().get()).startsWith("The meeting ends before it starts");
    assertThat(form.endTimeProperty().get()).isEqualTo("09:00");

    form.endTimeProperty().set("10:00"); // ends when it starts: not a 24-hour meeting either
    assertThat(form.toRequest()).isEmpty();

    form.startTimeProperty().set("20:00");
    form.endTimeProperty().set("08:00"); // a night shift
    assertThat(Duration.between(form.toRequest().orElseThrow().start(),
        form.toRequest().orElseThrow().end())).isEqualTo(Duration.ofHours(12));
    assertThat(form.errorProperty().get()).isEmpty();
  }

  @Test
  void badInputIsRefusedWithAClearMessageAndTheFormKept() {
    ScheduleModel form = form();
    form.attendeesProperty().set("boris@example.com, not-an-address");

    assertThat(form.toRequest()).isEmpty();
    assertThat(form.errorProperty().get()).isEqualTo("\"not-an-address\" is not an e-mail address.");
    assertThat(form.attendeesProperty().get()).isEqualTo("boris@example.com, not-an-address");

    form.attendeesProperty().set("boris@example.com");
    form.titleProperty().set("   ");
    assertThat(form.toRequest()).isEmpty();
    assertThat(form.errorProperty().get()).isEqualTo("Enter a title.");

    form.titleProperty().set("Retro");
    form.startTimeProperty().set("9h");
    assertThat(form.toRequest()).isEmpty();
    assertThat(form.errorProperty().get()).contains("9h").contains("is not a time");
  }

  @Test
  void headerInjectionInAnAttendeeIsRefused() {
    ScheduleModel form = form();
    form.attendeesProperty().set("boris@example.com\r\nBcc: all@example.com");

    assertThat(form.toRequest()).isEmpty();
    assertThat(form.errorProperty().get()).contains("Bcc:");
  }

  @Test
  void untilBeforeTheFirstDateIsRefused() {
    ScheduleModel form = form();
    form.repeatProperty().set(ScheduleModel.Repeat.DAILY);
    form.untilProperty().set(LocalDate.of(2026, 12, 1));

    assertThat(form.toRequest()).isEmpty();
    assertThat(form.errorProperty().get()).isEqualTo("The last date cannot be before the first.");
  }
}
