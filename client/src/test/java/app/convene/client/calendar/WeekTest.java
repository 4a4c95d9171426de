package app.convene.client.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** "This week" in code: the first day from the locale, "today" from the clock in its zone. */
class WeekTest {
  private static final Locale RU = Locale.forLanguageTag("ru");

  @ParameterizedTest(name = "{0} {1} in {2}: week from {3}")
  @CsvSource({
      // Saturday 23:30, Sunday 00:30 and Monday 00:30, local time, around the zone's week-end.
      "en-US, 2026-12-12T23:30, Pacific/Kiritimati, 2026-12-06",
      "en-US, 2026-12-13T00:30, Pacific/Kiritimati, 2026-12-13",
      "en-US, 2026-12-14T00:30, Pacific/Kiritimati, 2026-12-13",
      "ru,    2026-12-12T23:30, Pacific/Kiritimati, 2026-12-07",
      "ru,    2026-12-13T00:30, Pacific/Kiritimati, 2026-12-07",
      "ru,    2026-12-14T00:30, Pacific/Kiritimati, 2026-12-14",
      "en-US, 2026-12-12T23:30, Pacific/Pago_Pago, 2026-12-06",
      "en-US, 2026-12-13T00:30, Pacific/Pago_Pago, 2026-12-13",
      "ru,    2026-12-13T00:30, Pacific/Pago_Pago, 2026-12-07",
      "ru,    2026-12-14T00:30, Pacific/Pago_Pago, 2026-12-14",
      // The weekend daylight-saving time starts in Berlin (Sunday 28 March 2027, 02:00 → 03:00).
      "en-US, 2027-03-27T23:30, Europe/Berlin, 2027-03-21",
      "en-US, 2027-03-28T00:30, Europe/Berlin, 2027-03-28",
      "ru,    2027-03-28T03:30, Europe/Berlin, 2027-03-22",
      "ru,    2027-03-29T00:30, Europe/Berlin, 2027-03-29",
  })
  void thisWeekStartsOnTheLocalesFirstDayOfTheClocksToday(String tag, LocalDateTime local,
      String zone, LocalDate first) {
    Clock clock = Clock.fixed(local.atZone(ZoneId.of(zone)).toInstant(), ZoneId.of(zone));
    Week week = Week.of(clock, Locale.forLanguageTag(tag), Locale.ROOT);

    assertThat(week.today()).isEqualTo(local.toLocalDate());
    assertThat(week.thisWeek()).isEqualTo(first);
    assertThat(week.start(first.plusDays(6))).isEqualTo(first);
    assertThat(week.start(first.plusDays(7))).isEqualTo(first.plusDays(7));
    assertThat(week.zone()).isEqualTo(ZoneId.of(zone));
  }

  @Test
  void aLanguageWithoutARegionTakesTheSystemsRegionOfTheSameLanguageElseItsUsualOne() {
    assertThat(Week.withRegion(RU, Locale.ROOT)).isEqualTo(Locale.of("ru", "RU"));
    assertThat(Week.withRegion(Locale.ENGLISH, Locale.ROOT)).isEqualTo(Locale.US);
    assertThat(Week.withRegion(Locale.ENGLISH, Locale.UK)).isEqualTo(Locale.UK);
    assertThat(Week.withRegion(Locale.ENGLISH, Locale.GERMANY)).isEqualTo(Locale.US);
    assertThat(Week.withRegion(Locale.CANADA_FRENCH, Locale.US)).isEqualTo(Locale.CANADA_FRENCH);
    Clock clock = Clock.systemUTC();
    assertThat(Week.of(clock, RU, Locale.US).fields().getFirstDayOfWeek())
        .isEqualTo(DayOfWeek.MONDAY);
    assertThat(Week.of(clock, Locale.ENGLISH, Locale.ROOT).fields().getFirstDayOfWeek())
        .isEqualTo(DayOfWeek.SUNDAY);
    assertThat(Week.of(clock, Locale.ENGLISH, Locale.UK).fields().getFirstDayOfWeek())
        .isEqualTo(DayOfWeek.MONDAY);
  }
}
