package app.convene.server.mail;

import app.convene.protocol.api.AttendeeView;
import app.convene.protocol.api.EventView;
import app.convene.protocol.api.Recurrence;
import app.convene.protocol.api.UserView;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.Objects;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.parameter.Rsvp;
import net.fortuna.ical4j.model.parameter.TzId;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * Writes the iCalendar object (RFC 5545) of an invitation, an iTIP REQUEST or CANCEL (RFC 5546),
 * with ical4j: one VEVENT whose UID is {@code <meeting id>@convene}, so that calendars update and
 * cancel the entry they already have. Times are in the meeting's time zone (TZID with its
 * VTIMEZONE), so a weekly 09:00 meeting stays at 09:00 across daylight-saving changes. The local
 * times and the VTIMEZONE both come from the JDK's time-zone rules ({@link ZoneDefinition}), the
 * ones that computed the stored instants; ical4j's bundled zones are out of date. A zone the JDK
 * does not know is written in UTC instead.
 *
 * <p>Stateless; any thread.
 */
final class InviteCalendar {
  static final String PRODID = "-//Convene//Convene server//EN";
  private static final DateTimeFormatter UTC =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  /** The UID of a meeting's VEVENT. */
  static String uid(EventView meeting) {
    return meeting.id() + "@convene";
  }

  /**
   * @param listed the ATTENDEE lines
   * @param description the DESCRIPTION text (may have line breaks)
   * @param joinLink the URL and LOCATION, or {@code null} for none (cancellations)
   */
  String write(InviteKind kind, EventView meeting, List<AttendeeView> listed, String description,
      String joinLink) {
    Objects.requireNonNull(kind, "kind == null");
    ZoneId zone = zone(meeting.timeZone());
    VEvent event = new VEvent(false);
    event.add(new Uid(uid(meeting)));
    event.add(new Sequence(meeting.sequence()));
    event.add(new DtStamp(meeting.updatedAt()));
    boolean recurring = meeting.recurrence() != null;
    DtStart<Temporal> start = new DtStart<>(parameters(meeting.start(), zone, recurring),
        at(meeting.start(), zone, recurring));
    start.setTimeZoneRegistry(JdkZoneRegistry.INSTANCE);
    event.add(start);
    DtEnd<Temporal> end = new DtEnd<>(parameters(meeting.end(), zone, recurring),
        at(meeting.end(), zone, recurring));
    end.setTimeZoneRegistry(JdkZoneRegistry.INSTANCE);
    event.add(end);
    event.add(new Summary(SafeText.oneLine(meeting.title())));
    if (!description.isBlank()) {
      event.add(new Description(SafeText.lines(description)));
    }
    event.add(organizer(meeting.owner()));
    for (AttendeeView attendee : listed) {
      event.add(attendee(attendee));
    }
    event.add(kind.isRequest() ? ImmutableStatus.VEVENT_CONFIRMED
        : ImmutableStatus.VEVENT_CANCELLED);
    if (joinLink != null) {
      event.add(new Url(URI.create(joinLink)));
      event.add(new Location(joinLink));
    }
    if (recurring) {
      event.add(new RRule<>(rule(meeting.recurrence(), zone == null ? ZoneOffset.UTC : zone)));
    }
    Calendar calendar = new Calendar();
    calendar.add(new ProdId(PRODID));
    calendar.add(ImmutableVersion.VERSION_2_0);
    calendar.add(kind.isRequest() ? ImmutableMethod.REQUEST : ImmutableMethod.CANCEL);
    if (zone != null) {
      calendar.add(ZoneDefinition.of(zone, meeting.start(), lastEnd(meeting, zone)));
    }
    calendar.add(event);
    StringWriter out = new StringWriter();
    try {
      new CalendarOutputter(false).output(calendar, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** An RRULE value; UNTIL is the end of the last allowed day in the meeting's zone, in UTC. */
  static String rule(Recurrence recurrence, ZoneId zone) {
    StringBuilder rule = new StringBuilder("FREQ=").append(recurrence.frequency().name())
        .append(";INTERVAL=").append(recurrence.interval());
    if (recurrence.count() != null) {
      rule.append(";COUNT=").append(recurrence.count());
    }
    if (recurrence.until() != null) {
      Instant last = recurrence.until().plusDays(1).atStartOfDay(zone).toInstant().minusSeconds(1);
      rule.append(";UNTIL=").append(UTC.format(last));
    }
    return rule.toString();
  }

  /**
   * The meeting's zone, or {@code null} (UTC) for an id the JDK's tzdata does not know. (Once
   * ical4j has loaded its zones it adds "ical4j-local-N" ids, without rules, to the JDK's list.)
   */
  static ZoneId zone(String id) {
    return id != null && !id.startsWith("ical4j") && ZoneId.getAvailableZoneIds().contains(id)
        ? ZoneId.of(id) : null;
  }

  /**
   * The local time in the zone, as the JDK's rules give it, or the instant (UTC) where there is no
   * zone or a single meeting starts in the second pass of a repeated hour (a local time there
   * would be read as the first pass).
   */
  private static Temporal at(Instant instant, ZoneId zone, boolean recurring) {
    return inZone(instant, zone, recurring) ? instant.atZone(zone).toLocalDateTime() : instant;
  }

  /** TZID when {@link #at} gives a local time. */
  private static ParameterList parameters(Instant instant, ZoneId zone, boolean recurring) {
    return inZone(instant, zone, recurring)
        ? new ParameterList(List.of(new TzId(zone.getId()))) : new ParameterList();
  }

  private static boolean inZone(Instant instant, ZoneId zone, boolean recurring) {
    return zone != null && (recurring || ZoneDefinition.localTimeIsUnambiguous(instant, zone));
  }

  /**
   * The end of the last occurrence, a day to spare, or {@code null} for an endless series: how far
   * the VTIMEZONE must describe the zone.
   */
  static Instant lastEnd(EventView meeting, ZoneId zone) {
    Recurrence recurrence = meeting.recurrence();
    Duration spare = Duration.between(meeting.start(), meeting.end()).plusDays(1);
    if (recurrence == null) {
      return meeting.start().plus(spare);
    }
    if (recurrence.until() != null) {
      return recurrence.until().plusDays(1).atStartOfDay(zone).toInstant().plus(spare);
    }
    if (recurrence.count() != null) {
      long steps = (long) (recurrence.count() - 1) * recurrence.interval();
      ZonedDateTime first = meeting.start().atZone(zone);
      ZonedDateTime last = recurrence.frequency() == Recurrence.Frequency.DAILY
          ? first.plusDays(steps) : first.plusWeeks(steps);
      return last.toInstant().plus(spare);
    }
    return null;
  }

  private static Property organizer(UserView owner) {
    Organizer organizer = new Organizer(mailto(owner.email()));
    String name = SafeText.parameter(owner.displayName());
    if (!name.isEmpty()) {
      organizer.add(new Cn(name));
    }
    return organizer;
  }

  private static Property attendee(AttendeeView attendee) {
    Attendee line = new Attendee(mailto(attendee.email()));
    String name = SafeText.parameter(attendee.displayName());
    if (!name.isEmpty()) {
      line.add(new Cn(name));
    }
    line.add(Role.REQ_PARTICIPANT);
    line.add(PartStat.NEEDS_ACTION);
    line.add(Rsvp.TRUE);
    return line;
  }

  /** {@code mailto:} and the address, with what a URI may not hold percent-encoded. */
  private static URI mailto(String email) {
    try {
      return new URI("mailto", SafeText.oneLine(email), null);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not an address for mailto: " + email, e);
    }
  }
}
