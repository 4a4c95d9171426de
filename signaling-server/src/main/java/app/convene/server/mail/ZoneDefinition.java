package app.convene.server.mail;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneOffsetTransitionRule;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import net.fortuna.ical4j.model.ComponentList;
import net.fortuna.ical4j.model.PropertyList;
import net.fortuna.ical4j.model.component.Daylight;
import net.fortuna.ical4j.model.component.Observance;
import net.fortuna.ical4j.model.component.Standard;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.TzId;
import net.fortuna.ical4j.model.property.TzOffsetFrom;
import net.fortuna.ical4j.model.property.TzOffsetTo;

/**
 * The VTIMEZONE of a zone written from the JDK's own time-zone rules ({@link ZoneId#getRules()}),
 * the same tzdata that turned the meeting's local time into its stored instant, so that a
 * calendar reading the invitation finds the same local time. (ical4j's bundled zone registry is
 * years behind: Moscow there still has 2011's +04:00.)
 *
 * <p>It covers a span of instants, from the first occurrence of the meeting on:
 * <ul>
 *   <li>the observance in effect at the start (its onset is the zone's last transition before
 *       it; a zone without DST gets this single STANDARD observance),
 *   <li>each of the zone's historical transitions after it, as an observance of its own,
 *   <li>and, where the zone still changes its clocks every year, one observance with a yearly
 *       RRULE per current rule (so STANDARD and DAYLIGHT both), from the first transition those
 *       rules make after the history, or from the year before the span when it starts later;
 *       a rule that RRULE cannot state exactly (checked year by year against the JDK) is written
 *       out transition by transition instead, up to the end of the span or
 *       {@value #HORIZON_YEARS} years.
 * </ul>
 *
 * <p>Stateless; any thread.
 */
final class ZoneDefinition {
  /** How many years of transitions are written out for an unbounded span, and checked. */
  static final int HORIZON_YEARS = 60;
  private static final LocalDateTime EPOCH = LocalDateTime.of(1970, 1, 1, 0, 0);

  private ZoneDefinition() {}

  /**
   * @param zone the zone, written as the VTIMEZONE's TZID
   * @param from the first instant to describe (the meeting's first start)
   * @param to the last instant to describe, or {@code null} for no end (an endless series)
   */
  static VTimeZone of(ZoneId zone, Instant from, Instant to) {
    Objects.requireNonNull(zone, "zone == null");
    Objects.requireNonNull(from, "from == null");
    ZoneRules rules = zone.getRules();
    List<ZoneOffsetTransitionRule> yearly = rules.getTransitionRules();
    List<ZoneOffsetTransition> history = rules.getTransitions();
    Instant lastHistoric = history.isEmpty() ? Instant.MIN : history.getLast().getInstant();
    List<Observance> observances = new ArrayList<>();

    ZoneOffsetTransition next = rules.previousTransition(from.plusSeconds(1)); // at or before
    if (next == null) {
      ZoneOffset offset = rules.getOffset(from);
      LocalDateTime since = from.atOffset(offset).toLocalDateTime();
      observances.add(observance(rules.isDaylightSavings(from),
          since.isBefore(EPOCH) ? since : EPOCH, offset, offset, null));
      next = rules.nextTransition(from);
    }
    boolean historic = false;
    while (next != null && within(next, to)
        && (yearly.isEmpty() || !next.getInstant().isAfter(lastHistoric))) {
      observances.add(single(next, rules));
      historic = true;
      next = rules.nextTransition(next.getInstant());
    }
    if (next != null && within(next, to) && !yearly.isEmpty()) {
      // Every current rule, so that readers see both STANDARD and DAYLIGHT: each from its last
      // transition within the year before the span (while the rules were in force) or after.
      Instant since = next.getInstant();
      if (!historic) {
        Instant yearBefore = since.minus(Duration.ofDays(366));
        since = yearBefore.isAfter(lastHistoric) ? yearBefore : lastHistoric.plusSeconds(1);
      }
      for (ZoneOffsetTransitionRule rule : yearly) {
        addRule(observances, rule, since, to, rules);
      }
    }
    return new VTimeZone(new PropertyList(List.of(new TzId(zone.getId()))),
        new ComponentList<>(observances));
  }

  /**
   * The rule's transitions from {@code first} on: one RRULE observance, or one per year up to the
   * end of the span.
   */
  private static void addRule(List<Observance> observances, ZoneOffsetTransitionRule rule,
      Instant first, Instant to, ZoneRules rules) {
    int year = first.atOffset(ZoneOffset.UTC).getYear() - 1;
    ZoneOffsetTransition start = rule.createTransition(year);
    while (start.getInstant().isBefore(first)) {
      start = rule.createTransition(++year);
    }
    boolean daylight = !rule.getOffsetAfter().equals(rule.getStandardOffset());
    String recur = YearlyRule.of(rule, year, HORIZON_YEARS);
    if (recur != null) {
      observances.add(observance(daylight, start.getDateTimeBefore(), rule.getOffsetBefore(),
          rule.getOffsetAfter(), recur));
      return;
    }
    int last = to == null ? year + HORIZON_YEARS : to.atOffset(ZoneOffset.UTC).getYear() + 1;
    for (int y = year; y <= last; y++) {
      ZoneOffsetTransition transition = rule.createTransition(y);
      if (to != null && transition.getInstant().isAfter(to)) {
        break;
      }
      observances.add(single(transition, rules));
    }
  }

  private static boolean within(ZoneOffsetTransition transition, Instant to) {
    return to == null || !transition.getInstant().isAfter(to);
  }

  private static Observance single(ZoneOffsetTransition transition, ZoneRules rules) {
    return observance(rules.isDaylightSavings(transition.getInstant()),
        transition.getDateTimeBefore(), transition.getOffsetBefore(),
        transition.getOffsetAfter(), null);
  }

  /** DTSTART is the local time of the onset in the offset before it (RFC 5545 3.6.5). */
  private static Observance observance(boolean daylight, LocalDateTime onset, ZoneOffset before,
      ZoneOffset after, String recur) {
    Observance observance = daylight ? new Daylight() : new Standard();
    observance.add(new DtStart<>(onset));
    observance.add(new TzOffsetFrom(before));
    observance.add(new TzOffsetTo(after));
    if (recur != null) {
      observance.add(new RRule<>(recur));
    }
    return observance;
  }

  /**
   * Whether the instant's local time in the zone names that instant alone; false for the second
   * pass through the hour that is repeated when the clocks go back.
   */
  static boolean localTimeIsUnambiguous(Instant instant, ZoneId zone) {
    ZonedDateTime local = instant.atZone(zone);
    return local.toLocalDateTime().atZone(zone).toInstant().equals(instant);
  }
}
