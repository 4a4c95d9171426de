package app.convene.server.calendar;

import app.convene.protocol.api.Recurrence;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Expands recurring meetings. Occurrence {@code k} starts at the first start's wall-clock time in
 * the meeting's zone, {@code k × interval} days (DAILY) or weeks (WEEKLY) later, so a weekly 09:00
 * meeting stays at 09:00 across daylight-saving changes; it lasts as long as the first. A start
 * that falls into a gap (clocks jump forward) moves forward by the gap's length; in an overlap the
 * earlier offset is used. {@code until} is the last date an occurrence may start on, inclusive, in
 * the meeting's zone; {@code count} counts all occurrences, the first included. Stateless.
 */
final class Recurrences {
  /** One occurrence: [start, end). */
  record Occurrence(Instant start, Instant end) {}

  private Recurrences() {}

  /**
   * The occurrences that overlap [from, to), in order. A single meeting ({@code recurrence} null)
   * has at most one.
   */
  static List<Occurrence> between(Instant start, Instant end, ZoneId zone, Recurrence recurrence,
      Instant from, Instant to) {
    if (recurrence == null) {
      return start.isBefore(to) && end.isAfter(from) ? List.of(new Occurrence(start, end))
          : List.of();
    }
    Duration length = Duration.between(start, end);
    LocalDateTime first = start.atZone(zone).toLocalDateTime();
    long step = stepDays(recurrence);
    // The first index that may end after 'from', less one for offsets changing in between.
    LocalDate earliest = from.minus(length).atZone(zone).toLocalDate();
    long k = Math.max(0, ChronoUnit.DAYS.between(first.toLocalDate(), earliest) / step - 1);
    List<Occurrence> found = new ArrayList<>();
    for (; recurrence.count() == null || k < recurrence.count(); k++) {
      ZonedDateTime occurrence = ZonedDateTime.of(first.plusDays(k * step), zone);
      if (recurrence.until() != null && occurrence.toLocalDate().isAfter(recurrence.until())) {
        break;
      }
      Instant s = occurrence.toInstant();
      if (!s.isBefore(to)) {
        break;
      }
      Instant e = s.plus(length);
      if (e.isAfter(from)) {
        found.add(new Occurrence(s, e));
      }
    }
    return found;
  }

  /** The end of the last occurrence, or empty when the meeting repeats for ever. */
  static Optional<Instant> seriesEnd(Instant start, Instant end, ZoneId zone,
      Recurrence recurrence) {
    if (recurrence == null) {
      return Optional.of(end);
    }
    Duration length = Duration.between(start, end);
    LocalDateTime first = start.atZone(zone).toLocalDateTime();
    long step = stepDays(recurrence);
    long last;
    if (recurrence.count() != null) {
      last = recurrence.count() - 1L;
    } else if (recurrence.until() != null) {
      last = ChronoUnit.DAYS.between(first.toLocalDate(), recurrence.until()) / step;
    } else {
      return Optional.empty();
    }
    return Optional.of(ZonedDateTime.of(first.plusDays(last * step), zone).toInstant()
        .plus(length));
  }

  private static long stepDays(Recurrence recurrence) {
    return switch (recurrence.frequency()) {
      case DAILY -> recurrence.interval();
      case WEEKLY -> 7L * recurrence.interval();
    };
  }
}
