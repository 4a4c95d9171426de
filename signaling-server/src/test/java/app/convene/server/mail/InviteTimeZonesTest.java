package app.convene.server.mail;

import static org.assertj.core.api.Assertions.assertThat;

import app.convene.protocol.api.EventStatus;
import app.convene.protocol.api.EventView;
import app.convene.protocol.api.Recurrence;
import app.convene.protocol.api.ServiceKind;
import app.convene.protocol.api.UserView;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.io.ICalTimeZone;
import biweekly.io.TimezoneAssignment;
import biweekly.io.text.ICalReader;
import biweekly.util.DateTimeComponents;
import biweekly.util.com.google.ical.compat.javautil.DateIterator;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.GregorianCalendar;
import java.util.Iterator;
import java.util.List;
import java.util.TimeZone;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The invitation states the meeting's instant in every time zone the JDK knows: each .ics is
 * read back with biweekly, an iCalendar reader independent of ical4j that wrote it, which turns
 * DTSTART and DTEND into instants through the VTIMEZONE in the file (TZIDs are not looked up in
 * any zone database: the reader is given none), and the result must be the instant the server
 * stored, computed from the local time by the JDK's rules; and DTSTART must state the local time
 * the JDK gives, which calendars that look TZID up in their own zone database show. Dates in
 * winter and summer at 23:00 (ending at 00:30 the next day), and weekly series through a year
 * and a half in every zone that changes its clocks in that time.
 *
 * <p>Also checked once by hand with Mozilla's ical.js 2.2.1 (each file's VTIMEZONE registered
 * alone): 50,132 instants in 2,416 files, none wrong.
 */
class InviteTimeZonesTest {
  private static final UserView OWNER = new UserView("u1", "anna@example.org", "Anna");
  private static final Duration LENGTH = Duration.ofMinutes(90);
  private static final List<LocalDateTime> STARTS = List.of(
      LocalDateTime.of(2027, 1, 13, 23, 0), LocalDateTime.of(2027, 7, 14, 23, 0),
      LocalDateTime.of(2026, 12, 1, 23, 0));
  private static final int WEEKS = 80;

  private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

  private final InviteCalendar calendars = new InviteCalendar();

  @Test
  void aMeetingAt2300InMoscowIsAt2300InTheInvitation() throws IOException {
    ZoneId moscow = ZoneId.of("Europe/Moscow");
    Instant stored = LocalDateTime.of(2026, 12, 1, 23, 0).atZone(moscow).toInstant();

    String ics = write(meeting(moscow, stored, null));

    assertThat(ics).contains("DTSTART;TZID=Europe/Moscow:20261201T230000");
    assertThat(read(ics).start()).isEqualTo(stored);
    assertThat(ics).doesNotContain("ical4j");
  }

  @Test
  void aMeetingInTheSecondPassOfTheRepeatedHourIsWrittenInUtc() throws IOException {
    ZoneId berlin = ZoneId.of("Europe/Berlin");
    Instant secondPass = LocalDateTime.of(2027, 10, 31, 2, 30).atZone(berlin)
        .withLaterOffsetAtOverlap().toInstant();
    Instant firstPass = secondPass.minus(Duration.ofHours(1));

    String second = write(meeting(berlin, secondPass, null));
    String first = write(meeting(berlin, firstPass, null));

    assertThat(second).contains("DTSTART:20271031T013000Z");
    assertThat(read(second).start()).isEqualTo(secondPass);
    assertThat(first).contains("DTSTART;TZID=Europe/Berlin:20271031T023000");
    assertThat(read(first).start()).isEqualTo(firstPass);
  }

  @Test
  void everyZoneReadsBackAsTheStoredInstantInWinterAndSummer() throws IOException {
    List<String> wrong = new ArrayList<>();
    for (String id : jdkZones()) {
      ZoneId zone = ZoneId.of(id);
      for (LocalDateTime local : STARTS) {
        Instant start = local.atZone(zone).toInstant();
        Read read = read(write(meeting(zone, start, null)));
        Instant readStart = read.start();
        Instant readEnd = read.end();
        if (!read.localStart().equals(local)) {
          wrong.add(id + " " + local + ": the invitation says " + read.localStart());
        }
        if (!start.equals(readStart) || !start.plus(LENGTH).equals(readEnd)) {
          wrong.add(id + " " + local + ": stored " + start + ", read " + readStart + " to "
              + readEnd);
        }
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void everyZoneThatChangesItsClocksKeepsAWeeklySeriesAtItsLocalTime() throws IOException {
    List<String> wrong = new ArrayList<>();
    int checked = 0;
    for (String id : jdkZones()) {
      ZoneId zone = ZoneId.of(id);
      LocalDateTime first = STARTS.getFirst();
      // zones whose offset stays the same through the series are the single meetings' case
      var change = zone.getRules().nextTransition(first.atZone(zone).toInstant());
      if (change == null
          || change.getDateTimeAfter().isAfter(first.plusWeeks(WEEKS).plusDays(1))) {
        continue;
      }
      checked++;
      EventView series = meeting(zone, first.atZone(zone).toInstant(),
          new Recurrence(Recurrence.Frequency.WEEKLY, 1, null, WEEKS));
      Iterator<Instant> occurrences = read(write(series)).occurrences();
      for (int week = 0; week < WEEKS; week++) {
        Instant expected = first.plusWeeks(week).atZone(zone).toInstant();
        Instant actual = occurrences.hasNext() ? occurrences.next() : null;
        if (!expected.equals(actual)) {
          wrong.add(id + " week " + week + ": expected " + expected + ", read " + actual);
          break;
        }
      }
    }
    assertThat(checked).as("zones that change their clocks in the series").isGreaterThan(100);
    assertThat(wrong).isEmpty();
  }

  @Test
  void anEndlessSeriesFollowsTheYearlyRulesFarAhead() throws IOException {
    for (String id : List.of("Europe/Berlin", "America/New_York", "America/Santiago",
        "Australia/Sydney", "Asia/Jerusalem", "Africa/Cairo", "Pacific/Auckland",
        "America/Asuncion", "Europe/Moscow", "Asia/Almaty")) {
      ZoneId zone = ZoneId.of(id);
      LocalDateTime first = LocalDateTime.of(2027, 3, 1, 9, 30);
      EventView series = meeting(zone, first.atZone(zone).toInstant(),
          new Recurrence(Recurrence.Frequency.DAILY, 7, null, null));
      Iterator<Instant> occurrences = read(write(series)).occurrences();
      for (int week = 0; week < 52 * 20; week++) {
        assertThat(occurrences.next()).as("%s week %d", id, week)
            .isEqualTo(first.plusWeeks(week).atZone(zone).toInstant());
      }
    }
  }

  /** The JDK's zone ids, without those ical4j adds to the list once loaded (which have no rules). */
  private static TreeSet<String> jdkZones() {
    TreeSet<String> ids = new TreeSet<>(ZoneId.getAvailableZoneIds());
    ids.removeIf(id -> id.startsWith("ical4j"));
    assertThat(ids).hasSizeGreaterThan(500).contains("Europe/Moscow", "Asia/Almaty");
    return ids;
  }

  private String write(EventView meeting) {
    return calendars.write(InviteKind.INVITATION, meeting, List.of(), "", null);
  }

  /**
   * The VEVENT as read, and the zone its DTSTART names as biweekly built it from the VTIMEZONE
   * (UTC for no TZID, null for a TZID that names no VTIMEZONE in the file). A wall time becomes an instant through that zone's
   * {@code getOffset(era, year, month, day, weekday, millis)}, which is biweekly's reading of
   * the observances for that wall time; biweekly's own conversion through java.util.Calendar
   * approximates every offset as the standard offset of today plus one hour of DST, wrong for
   * Lord Howe's half hour, Troll's two hours or a zone whose standard offset changed.
   */
  private record Read(VEvent event, TimeZone zone) {
    Instant start() {
      return instant(event.getDateStart().getValue().getRawComponents());
    }

    /**
     * DTSTART's local time as written: what a calendar that takes TZID from its own zone
     * database (Gmail, Outlook) shows.
     */
    LocalDateTime localStart() {
      return wall(event.getDateStart().getValue().getRawComponents());
    }

    Instant end() {
      return instant(event.getDateEnd().getValue().getRawComponents());
    }

    /** The RRULE expanded in wall time by biweekly, each occurrence through the VTIMEZONE. */
    Iterator<Instant> occurrences() {
      LocalDateTime first = wall(event.getDateStart().getValue().getRawComponents());
      DateIterator walls = event.getRecurrenceRule().getValue().getDateIterator(
          Date.from(first.toInstant(ZoneOffset.UTC)), UTC);
      return new Iterator<>() {
        @Override
        public boolean hasNext() {
          return walls.hasNext();
        }

        @Override
        public Instant next() {
          return at(LocalDateTime.ofInstant(walls.next().toInstant(), ZoneOffset.UTC));
        }
      };
    }

    private Instant instant(DateTimeComponents value) {
      return value.isUtc() ? wall(value).toInstant(ZoneOffset.UTC) : at(wall(value));
    }

    /** Null when the TZID named no VTIMEZONE of the file. */
    private Instant at(LocalDateTime wall) {
      if (zone == null) {
        return null;
      }
      int offset = zone.getOffset(GregorianCalendar.AD, wall.getYear(), wall.getMonthValue() - 1,
          wall.getDayOfMonth(), wall.getDayOfWeek().getValue() % 7 + 1,
          wall.toLocalTime().toSecondOfDay() * 1000);
      return wall.toInstant(ZoneOffset.ofTotalSeconds(offset / 1000));
    }

    private static LocalDateTime wall(DateTimeComponents value) {
      return LocalDateTime.of(value.getYear(), value.getMonth(), value.getDate(), value.getHour(),
          value.getMinute(), value.getSecond());
    }
  }

  /** The VEVENT, with TZIDs resolved only against the file's own VTIMEZONE components. */
  private static Read read(String ics) throws IOException {
    try (ICalReader reader = new ICalReader(ics)) {
      reader.setGlobalTimezoneIdResolver(id -> null);
      ICalendar calendar = reader.readNext();
      VEvent event = calendar.getEvents().getFirst();
      TimezoneAssignment zone = calendar.getTimezoneInfo().getTimezone(event.getDateStart());
      if (zone == null && !ics.contains("TZID=")) {
        return new Read(event, UTC);
      }
      boolean fromVtimezone = zone != null && zone.getComponent() != null
          && zone.getTimeZone() instanceof ICalTimeZone;
      return new Read(event, fromVtimezone ? zone.getTimeZone() : null);
    }
  }

  private static EventView meeting(ZoneId zone, Instant start, Recurrence recurrence) {
    return new EventView("m1", "Review", null, start, start.plus(LENGTH), zone.getId(), OWNER,
        List.of(), ServiceKind.NATIVE, "r1", null, EventStatus.SCHEDULED, recurrence, 0, start);
  }
}
