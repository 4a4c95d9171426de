package app.convene.server.mail;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.Year;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.time.zone.ZoneOffsetTransitionRule;
import java.util.StringJoiner;

/**
 * A JDK {@link ZoneOffsetTransitionRule} ("last Sunday of March at 01:00 UTC") as the RRULE of a
 * VTIMEZONE observance, whose DTSTART is in the wall time before the transition: the rule's day
 * is moved by as many days as its time definition (UTC, standard or wall time, 24:00) moves it
 * in wall time, and the result is checked year by year against the JDK's own transitions, so
 * that a rule RRULE cannot state exactly is never written as one.
 *
 * <p>Stateless; any thread.
 */
final class YearlyRule {
  private static final String[] DAYS = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};

  private final Month month;
  /** The first day of the window (1 = the 1st), or its last counted from the end (-1 = last). */
  private final int edge;
  private final DayOfWeek dayOfWeek; // null: the day is edge itself

  private YearlyRule(Month month, int edge, DayOfWeek dayOfWeek) {
    this.month = month;
    this.edge = edge;
    this.dayOfWeek = dayOfWeek;
  }

  /**
   * The RRULE value for the rule's transitions from {@code year} on, or {@code null} when no
   * yearly RRULE by month, day of month and weekday gives exactly the JDK's wall times for
   * {@code years} years.
   */
  static String of(ZoneOffsetTransitionRule rule, int year, int years) {
    LocalDateTime wall = rule.createTransition(year).getDateTimeBefore();
    int shift = (int) ChronoUnit.DAYS.between(ruleDay(rule, year), wall.toLocalDate());
    int dom = rule.getDayOfMonthIndicator();
    int edge = dom + shift;
    if (dom > 0 ? edge < 1 : edge > -1) {
      return null; // moved into another month
    }
    DayOfWeek day = rule.getDayOfWeek() == null ? null : rule.getDayOfWeek().plus(shift);
    YearlyRule candidate = new YearlyRule(wall.getMonth(), edge, day);
    for (int y = year; y < year + years; y++) {
      if (!rule.createTransition(y).getDateTimeBefore()
          .equals(candidate.date(y).atTime(wall.toLocalTime()))) {
        return null;
      }
    }
    return candidate.recur();
  }

  /** The day the JDK's rule names, before its time definition moves it. */
  private static LocalDate ruleDay(ZoneOffsetTransitionRule rule, int year) {
    Month month = rule.getMonth();
    int dom = rule.getDayOfMonthIndicator();
    LocalDate date = dom < 0
        ? LocalDate.of(year, month, month.length(Year.isLeap(year)) + 1 + dom)
        : LocalDate.of(year, month, dom);
    if (rule.getDayOfWeek() != null) {
      date = date.with(dom < 0
          ? TemporalAdjusters.previousOrSame(rule.getDayOfWeek())
          : TemporalAdjusters.nextOrSame(rule.getDayOfWeek()));
    }
    return rule.isMidnightEndOfDay() ? date.plusDays(1) : date;
  }

  /** The day this RRULE picks in a year, as an RRULE reader computes it; a wrong day if none. */
  private LocalDate date(int year) {
    int length = month.length(Year.isLeap(year));
    int first = edge > 0 ? edge : length + 1 + edge - (dayOfWeek == null ? 0 : 6);
    int last = dayOfWeek == null ? first : first + 6;
    if (first < 1 || last > length) {
      return LocalDate.MIN;
    }
    for (int d = first; d <= last; d++) {
      LocalDate date = LocalDate.of(year, month, d);
      if (dayOfWeek == null || date.getDayOfWeek() == dayOfWeek) {
        return date;
      }
    }
    return LocalDate.MIN;
  }

  private String recur() {
    StringBuilder recur = new StringBuilder("FREQ=YEARLY;BYMONTH=").append(month.getValue());
    if (dayOfWeek == null) {
      return recur.append(";BYMONTHDAY=").append(edge).toString();
    }
    String day = DAYS[dayOfWeek.ordinal()];
    if (edge > 0 && edge % 7 == 1) {
      return recur.append(";BYDAY=").append(edge / 7 + 1).append(day).toString();
    }
    if (edge > 0 && month != Month.FEBRUARY && edge + 6 == month.maxLength()) {
      // "Sun>=25" of a 31-day month, as the JDK states "lastSun": the last one
      return recur.append(";BYDAY=-1").append(day).toString();
    }
    if (edge < 0 && -edge % 7 == 1) {
      return recur.append(";BYDAY=-").append(-edge / 7 + 1).append(day).toString();
    }
    StringJoiner days = new StringJoiner(",");
    for (int i = 0; i < 7; i++) {
      days.add(Integer.toString(edge > 0 ? edge + i : edge - i));
    }
    return recur.append(";BYDAY=").append(day).append(";BYMONTHDAY=").append(days).toString();
  }
}
