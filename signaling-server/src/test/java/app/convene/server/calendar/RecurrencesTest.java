package app.convene.server.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import app.convene.protocol.api.Recurrence;
import app.convene.protocol.api.Recurrence.Frequency;
import app.convene.server.calendar.Recurrences.Occurrence;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class RecurrencesTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  @Test
  void startInTheSpringGapMovesForwardByTheGap() {
    // 02:30 does not exist in Berlin on 28 March 2027; it becomes 03:30 summer time (01:30 UTC).
    Instant start = Instant.parse("2027-03-26T01:30:00Z"); // 02:30 CET
    Recurrence daily = new Recurrence(Frequency.DAILY, 1, null, null);

    assertThat(Recurrences.between(start, start.plusSeconds(600), BERLIN, daily,
            Instant.parse("2027-03-27T00:00:00Z"), Instant.parse("2027-03-30T00:00:00Z")))
        .extracting(Occurrence::start).containsExactly(
            Instant.parse("2027-03-27T01:30:00Z"), Instant.parse("2027-03-28T01:30:00Z"),
            Instant.parse("2027-03-29T00:30:00Z"));
  }

  @Test
  void seriesEndIsTheEndOfTheLastOccurrence() {
    Instant start = Instant.parse("2026-10-20T07:00:00Z");
    Instant end = start.plusSeconds(1800);

    assertThat(Recurrences.seriesEnd(start, end, BERLIN,
        new Recurrence(Frequency.WEEKLY, 1, null, 2)))
        .contains(Instant.parse("2026-10-27T08:30:00Z"));
    assertThat(Recurrences.seriesEnd(start, end, BERLIN,
        new Recurrence(Frequency.WEEKLY, 1, LocalDate.parse("2026-11-02"), null)))
        .contains(Instant.parse("2026-10-27T08:30:00Z"));
    assertThat(Recurrences.seriesEnd(start, end, BERLIN,
        new Recurrence(Frequency.DAILY, 2, null, null))).isEmpty();
    assertThat(Recurrences.seriesEnd(start, end, BERLIN, null)).contains(end);
  }

  @Test
  void singleMeetingOverlapsOnlyAHalfOpenRange() {
    Instant start = Instant.parse("2027-01-01T10:00:00Z");
    Instant end = Instant.parse("2027-01-01T11:00:00Z");

    assertThat(Recurrences.between(start, end, BERLIN, null, end, end.plusSeconds(60))).isEmpty();
    assertThat(Recurrences.between(start, end, BERLIN, null, start.minusSeconds(60), start))
        .isEmpty();
    assertThat(Recurrences.between(start, end, BERLIN, null, start.plusSeconds(1),
        start.plusSeconds(2))).containsExactly(new Occurrence(start, end));
  }
}
