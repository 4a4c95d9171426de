package app.convene.protocol.api;

import java.time.LocalDate;

/**
 * How a meeting repeats, in the meeting's own time zone (a weekly 09:00 meeting stays at 09:00
 * across daylight-saving changes).
 *
 * @param frequency daily or weekly
 * @param interval every how many days or weeks, 1 or more
 * @param until the last date an occurrence may start on, inclusive, or {@code null}
 * @param count how many occurrences in all, or {@code null}; at most one of until and count
 */
public record Recurrence(Frequency frequency, int interval, LocalDate until, Integer count) {
  /** How often a meeting repeats. */
  public enum Frequency {
    DAILY,
    WEEKLY
  }
}
