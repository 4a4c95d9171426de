package app.convene.server.calendar;

import app.convene.protocol.api.EventRequest;
import app.convene.protocol.api.Recurrence;
import app.convene.server.auth.EmailAddresses;
import app.convene.server.http.ApiException;
import app.convene.server.http.InputRules;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The rules an {@link EventRequest} must meet (docs/api.md, "Validation"); each broken rule is a
 * 400 {@code invalid_input} that names the field. Stateless.
 */
final class EventChecks {
  static final int MAX_TITLE = 200;
  static final int MAX_DESCRIPTION = 5000;
  static final Duration MAX_DURATION = Duration.ofDays(7);
  static final int MAX_ATTENDEES = 100;
  static final int MAX_INTERVAL = 99;
  static final int MAX_COUNT = 500;

  private EventChecks() {}

  /**
   * @param ownerEmail the owner's address; dropped from the attendees
   */
  static EventInput check(EventRequest request, String ownerEmail) {
    if (request == null) {
      throw ApiException.invalid("'event' is required");
    }
    String title = InputRules.line(request.title(), "title", MAX_TITLE);
    String description = InputRules.multiline(request.description(), "description",
        MAX_DESCRIPTION);
    Instant start = required(request.start(), "start").truncatedTo(ChronoUnit.MILLIS);
    Instant end = required(request.end(), "end").truncatedTo(ChronoUnit.MILLIS);
    if (!end.isAfter(start)) {
      throw ApiException.invalid("'end' must be after 'start'");
    }
    if (Duration.between(start, end).compareTo(MAX_DURATION) > 0) {
      throw ApiException.invalid("a meeting lasts at most 7 days");
    }
    ZoneId zone = zone(request.timeZone());
    List<String> attendees = attendees(request.attendees(), ownerEmail);
    required(request.service(), "service");
    Recurrence recurrence = recurrence(request.recurrence(), start, zone);
    return new EventInput(title, description, start, end, zone, attendees, request.service(),
        recurrence, meetLink(request.meetLink()));
  }

  /** An absolute https link of at most 2048 characters without spaces or control characters. */
  private static String meetLink(String link) {
    if (link == null || link.isBlank()) {
      return null;
    }
    String value = link.strip();
    boolean plain = value.length() <= 2048 && value.chars().noneMatch(c -> c <= ' ' || c == 0x7f);
    try {
      java.net.URI uri = new java.net.URI(value);
      if (plain && "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null) {
        return value;
      }
    } catch (java.net.URISyntaxException e) {
      // refused below
    }
    throw ApiException.invalid("'meetLink' must be an https:// link of at most 2048 characters");
  }

  private static <T> T required(T value, String field) {
    if (value == null) {
      throw ApiException.invalid("'" + field + "' is required");
    }
    return value;
  }

  private static ZoneId zone(String id) {
    if (id == null || id.isBlank()) {
      throw ApiException.invalid("'timeZone' is required: an IANA time zone such as Europe/Berlin");
    }
    // ical4j adds "ical4j-local-N" ids without rules to the JDK's list once it has loaded.
    if (!ZoneId.getAvailableZoneIds().contains(id.strip()) || id.strip().startsWith("ical4j")) {
      throw ApiException.invalid("'timeZone' is not an IANA time zone id (e.g. Europe/Berlin)");
    }
    return ZoneId.of(id.strip());
  }

  private static List<String> attendees(List<String> given, String ownerEmail) {
    if (given == null) {
      return List.of();
    }
    if (given.size() > MAX_ATTENDEES) {
      throw ApiException.invalid(
          "'attendees' has " + given.size() + " entries; at most " + MAX_ATTENDEES + " are allowed");
    }
    Set<String> unique = new LinkedHashSet<>();
    for (int i = 0; i < given.size(); i++) {
      unique.add(EmailAddresses.normalize(given.get(i), "attendees[" + i + "]"));
    }
    unique.remove(ownerEmail);
    return new ArrayList<>(unique);
  }

  private static Recurrence recurrence(Recurrence r, Instant start, ZoneId zone) {
    if (r == null) {
      return null;
    }
    required(r.frequency(), "recurrence.frequency");
    if (r.interval() < 1 || r.interval() > MAX_INTERVAL) {
      throw ApiException.invalid("'recurrence.interval' must be between 1 and " + MAX_INTERVAL);
    }
    if (r.until() != null && r.count() != null) {
      throw ApiException.invalid("give 'recurrence.until' or 'recurrence.count', not both");
    }
    if (r.count() != null && (r.count() < 1 || r.count() > MAX_COUNT)) {
      throw ApiException.invalid("'recurrence.count' must be between 1 and " + MAX_COUNT);
    }
    LocalDate startDate = start.atZone(zone).toLocalDate();
    if (r.until() != null && r.until().isBefore(startDate)) {
      throw ApiException.invalid("'recurrence.until' is before the start date " + startDate);
    }
    return r;
  }
}
