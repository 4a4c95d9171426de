package app.convene.client.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.calendarfx.model.Interval;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class IntervalsTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  /** 02:50 summer time to 02:35 winter time, on the night the clocks go back (25 October 2026). */
  @Test
  void aMeetingAcrossTheRepeatedHourShowsForItsRealLength() {
    Instant start = Instant.parse("2026-10-25T00:50:00Z");
    Instant end = Instant.parse("2026-10-25T01:35:00Z");
    assertThatThrownBy(() -> new Interval(start, end, BERLIN)).as("CalendarFX alone")
        .isInstanceOf(IllegalArgumentException.class);

    Interval shown = Intervals.of(start, end, BERLIN);

    assertThat(shown.getStartDateTime()).isEqualTo(LocalDateTime.parse("2026-10-25T02:50"));
    assertThat(shown.getEndDateTime()).isEqualTo(LocalDateTime.parse("2026-10-25T03:35"));
    assertThat(shown.getZoneId()).isEqualTo(BERLIN);
  }

  @Test
  void otherMeetingsKeepTheirWallClockTimes() {
    // Across the hour the clocks skip in spring: 01:30 to 03:30 local, one hour.
    Interval spring = Intervals.of(Instant.parse("2027-03-28T00:30:00Z"),
        Instant.parse("2027-03-28T01:30:00Z"), BERLIN);
    assertThat(spring.getStartDateTime()).isEqualTo(LocalDateTime.parse("2027-03-28T01:30"));
    assertThat(spring.getEndDateTime()).isEqualTo(LocalDateTime.parse("2027-03-28T03:30"));
    Interval night = Intervals.of(Instant.parse("2026-12-12T22:00:00Z"),
        Instant.parse("2026-12-13T00:00:00Z"), ZoneId.of("UTC"));
    assertThat(night.getEndDateTime()).isEqualTo(LocalDateTime.parse("2026-12-13T00:00"));
  }
}
