package app.convene.client.calendar;

import com.calendarfx.model.Interval;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * CalendarFX intervals of our meetings. CalendarFX keeps an interval as wall-clock times and
 * refuses one that ends before it starts on the same day: on the night the clocks go back, a
 * meeting from 02:50 (summer time) to 02:35 (winter time) does. Such a meeting is shown for its real
 * length from its wall-clock start.
 */
public final class Intervals {
  private Intervals() {}

  public static Interval of(Instant start, Instant end, ZoneId zone) {
    LocalDateTime from = LocalDateTime.ofInstant(start, zone);
    LocalDateTime to = LocalDateTime.ofInstant(end, zone);
    if (to.isBefore(from)) {
      to = from.plus(Duration.between(start, end));
    }
    return new Interval(from, to, zone);
  }
}
