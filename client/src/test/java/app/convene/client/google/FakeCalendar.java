package app.convene.client.google;

import static app.convene.client.google.FakeGoogle.JSON;

import app.convene.client.google.FakeGoogle.Reply;
import app.convene.client.google.FakeGoogle.Request;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Calendar v3 in memory: calendarList.list, events.list (singleEvents, maxResults, pageToken,
 * timeMin, syncToken and 410 Gone), events.insert/get/patch/delete with conferenceData. Events
 * carry {@code reminders} (the calendar's defaults unless set otherwise), calendars their {@code
 * defaultReminders} (none unless set), in the calendar list and in every events.list answer. Every
 * change gets a sequence number; a sync token is the number it was issued at. A requested Meet
 * conference is "pending" on insert or patch and "success" on the next get. Events are organised by
 * their calendar ({@code organizer.self}) unless {@link #invite} makes them another's invitation
 * with attendees and the calendar's own entry ({@code self}, {@code responseStatus}); a patch of
 * {@code attendees} replaces the whole list, as Google's does. Thread-safe.
 */
final class FakeCalendar {
  private static final class Cal {
    final String id;
    final String summary;
    String color;
    final boolean primary;
    final Map<String, Stored> events = new LinkedHashMap<>();
    ArrayNode defaultReminders = JSON.createArrayNode();

    Cal(String id, String summary, String color, boolean primary) {
      this.id = id;
      this.summary = summary;
      this.color = color;
      this.primary = primary;
    }
  }

  private static final class Stored {
    ObjectNode json;
    long seq;

    Stored(ObjectNode json, long seq) {
      this.json = json;
      this.seq = seq;
    }
  }

  private final Map<String, Cal> calendars = new LinkedHashMap<>();
  private final Set<String> pendingConferences = new HashSet<>();
  private long seq;
  private long goneBefore;
  private int ids;
  private String conferenceOutcome = "success";

  synchronized void addCalendar(String id, String summary, String color, boolean primary) {
    calendars.put(id, new Cal(id, summary, color, primary));
  }

  /** The calendar is deleted or no longer shared: every request for it answers 404. */
  synchronized void removeCalendar(String id) {
    calendars.remove(id);
  }

  /** The user gives the calendar another colour in Google Calendar. */
  synchronized void recolor(String id, String color) {
    cal(id).color = color;
  }

  /**
   * The calendar's default reminders, e.g. {@code "popup:10", "email:30"}; as a user changing them
   * in Google Calendar, this does not change its events.
   */
  synchronized void defaultReminders(String calendarId, String... reminders) {
    cal(calendarId).defaultReminders = reminders(reminders);
  }

  synchronized String addEvent(String calendarId, String summary, Instant start, Duration length) {
    ObjectNode event = newEvent(summary);
    event.putObject("start").put("dateTime", start.toString());
    event.putObject("end").put("dateTime", start.plus(length).toString());
    return store(calendarId, event);
  }

  /** An event over the whole {@code day}. */
  synchronized String addAllDayEvent(String calendarId, String summary, LocalDate day) {
    ObjectNode event = newEvent(summary);
    event.putObject("start").put("date", day.toString());
    event.putObject("end").put("date", day.plusDays(1).toString());
    return store(calendarId, event);
  }

  /** Sets the event's own reminders, e.g. {@code "popup:15"}; with {@code useDefault} none. */
  synchronized void reminders(String calendarId, String eventId, boolean useDefault, String... overrides) {
    Stored stored = event(calendarId, eventId);
    ObjectNode reminders = JSON.createObjectNode().put("useDefault", useDefault);
    if (overrides.length > 0) {
      reminders.set("overrides", reminders(overrides));
    }
    stored.json.set("reminders", reminders);
    stored.seq = ++seq;
  }

  /** A series "RRULE:FREQ=WEEKLY;COUNT=count". */
  synchronized String addWeekly(String calendarId, String summary, Instant start, Duration length, int count) {
    String id = addEvent(calendarId, summary, start, length);
    event(calendarId, id).json.putArray("recurrence").add("RRULE:FREQ=WEEKLY;COUNT=" + count);
    return id;
  }

  /**
   * Makes the event an invitation from {@code organizer} to this calendar ({@code self}, answering
   * {@code responseStatus}) and {@code others} (who have not answered), as Google shows it in the
   * invitee's calendar.
   */
  synchronized void invite(String calendarId, String eventId, String organizer, String responseStatus, String... others) {
    Stored stored = event(calendarId, eventId);
    stored.json.putObject("organizer").put("email", organizer);
    ArrayNode attendees = stored.json.putArray("attendees");
    attendees.addObject().put("email", organizer).put("organizer", true).put("responseStatus", "accepted");
    attendees.addObject().put("email", calendarId).put("self", true).put("responseStatus", responseStatus);
    for (String other : others) {
      attendees.addObject().put("email", other).put("responseStatus", "needsAction");
    }
    stored.seq = ++seq;
  }

  /**
   * Gives the event a conference of a Workspace add-on (e.g. Zoom's or Teams'): its solution with
   * key type {@code addOn}, a video entry point {@code uri} and a phone one; no {@code hangoutLink}.
   */
  synchronized void addOnConference(String calendarId, String eventId, String solutionName, String uri) {
    Stored stored = event(calendarId, eventId);
    ObjectNode conference = stored.json.putObject("conferenceData");
    conference.putObject("conferenceSolution").put("name", solutionName).putObject("key").put("type", "addOn");
    ArrayNode entries = conference.putArray("entryPoints");
    entries.addObject().put("entryPointType", "phone").put("uri", "tel:+1-555-0100");
    entries.addObject().put("entryPointType", "video").put("uri", uri).put("label", uri);
    conference.put("conferenceId", "addon-" + eventId);
    stored.seq = ++seq;
  }

  /** Sets a field as a user editing in Google Calendar would. */
  synchronized void edit(String calendarId, String eventId, String field, String value) {
    Stored stored = event(calendarId, eventId);
    stored.json.put(field, value);
    stored.seq = ++seq;
  }

  synchronized void delete(String calendarId, String eventId) {
    Stored stored = event(calendarId, eventId);
    stored.json.put("status", "cancelled");
    stored.seq = ++seq;
  }

  /** Every sync token issued so far answers 410 Gone. */
  synchronized void expireSyncTokens() {
    goneBefore = ++seq;
  }

  synchronized void conferenceOutcome(String statusCode) {
    conferenceOutcome = statusCode;
  }

  synchronized ObjectNode eventJson(String calendarId, String eventId) {
    return event(calendarId, eventId).json.deepCopy();
  }

  synchronized int eventCount(String calendarId) {
    return cal(calendarId).events.size();
  }

  synchronized Reply handle(Request request) {
    List<String> parts =
        Arrays.stream(request.rawPath().substring("/calendar/v3/".length()).split("/"))
            .map(p -> URLDecoder.decode(p, StandardCharsets.UTF_8))
            .toList();
    if (parts.equals(List.of("users", "me", "calendarList")) && request.method().equals("GET")) {
      return calendarList(request);
    }
    if (parts.size() < 3 || !parts.get(0).equals("calendars") || !parts.get(2).equals("events")) {
      return Reply.error(404, "notFound", "Not Found");
    }
    Cal cal = calendars.get(parts.get(1));
    if (cal == null) {
      return Reply.error(404, "notFound", "Not Found");
    }
    if (parts.size() == 3) {
      return switch (request.method()) {
        case "GET" -> FakeEventLists.list(cal.summary, cal.defaultReminders, rows(cal), request, seq, goneBefore);
        case "POST" -> insert(cal, request);
        default -> Reply.error(405, "methodNotAllowed", request.method());
      };
    }
    Stored stored = cal.events.get(parts.get(3));
    if (stored == null) {
      return Reply.error(404, "notFound", "Not Found");
    }
    return switch (request.method()) {
      case "GET" -> get(cal, stored);
      case "PATCH" -> patch(cal, stored, request);
      case "DELETE" -> delete(stored);
      default -> Reply.error(405, "methodNotAllowed", request.method());
    };
  }

  private ObjectNode newEvent(String summary) {
    ObjectNode event = JSON.createObjectNode();
    event.put("status", "confirmed").put("summary", summary);
    event.putObject("reminders").put("useDefault", true);
    event.put("eventType", "default");
    return event;
  }

  private String store(String calendarId, ObjectNode event) {
    String id = "ev" + (++ids);
    event.put("id", id).put("htmlLink", "https://www.google.com/calendar/event?eid=" + id);
    event.putObject("organizer").put("email", calendarId).put("self", true);
    cal(calendarId).events.put(id, new Stored(event, ++seq));
    return id;
  }

  /** {@code "popup:10"} to {@code {"method": "popup", "minutes": 10}}. */
  private static ArrayNode reminders(String... reminders) {
    ArrayNode array = JSON.createArrayNode();
    for (String reminder : reminders) {
      String[] parts = reminder.split(":");
      array.addObject().put("method", parts[0]).put("minutes", Integer.parseInt(parts[1]));
    }
    return array;
  }

  private List<FakeEventLists.Row> rows(Cal cal) {
    return cal.events.values().stream().map(s -> new FakeEventLists.Row(s.json, s.seq)).toList();
  }

  private Reply calendarList(Request request) {
    int max = Integer.parseInt(request.query().getOrDefault("maxResults", "100"));
    int from = Integer.parseInt(request.query().getOrDefault("pageToken", "0"));
    List<Cal> all = new ArrayList<>(calendars.values());
    ObjectNode page = JSON.createObjectNode().put("kind", "calendar#calendarList");
    ArrayNode items = page.putArray("items");
    for (Cal cal : all.subList(from, Math.min(all.size(), from + max))) {
      ObjectNode item = items.addObject().put("kind", "calendar#calendarListEntry").put("id", cal.id);
      item.put("summary", cal.summary).put("backgroundColor", cal.color).put("foregroundColor", "#000000");
      item.put("selected", true).put("accessRole", "owner");
      item.set("defaultReminders", cal.defaultReminders.deepCopy());
      if (cal.primary) {
        item.put("primary", true);
      }
    }
    if (from + max < all.size()) {
      page.put("nextPageToken", String.valueOf(from + max));
    }
    return Reply.json(200, page);
  }

  private Reply insert(Cal cal, Request request) {
    ObjectNode event = request.json();
    String id = event.hasNonNull("id") ? event.get("id").asText() : "ev" + (++ids);
    if (cal.events.containsKey(id)) {
      return Reply.error(409, "duplicate", "The requested identifier already exists.");
    }
    event.put("id", id).put("status", "confirmed");
    event.put("htmlLink", "https://www.google.com/calendar/event?eid=" + id);
    if (!event.has("reminders")) {
      event.putObject("reminders").put("useDefault", true);
    }
    event.putObject("organizer").put("email", cal.id).put("self", true);
    if (!event.has("eventType")) {
      event.put("eventType", "default");
    }
    Reply refused = conference(cal, event, event.get("conferenceData"), request);
    if (refused != null) {
      return refused;
    }
    cal.events.put(id, new Stored(event, ++seq));
    return Reply.json(200, event);
  }

  private Reply get(Cal cal, Stored stored) {
    String key = cal.id + "/" + stored.json.get("id").asText();
    if (pendingConferences.remove(key)) {
      ObjectNode conference = (ObjectNode) stored.json.get("conferenceData");
      ((ObjectNode) conference.get("createRequest")).putObject("status").put("statusCode", conferenceOutcome);
      if (conferenceOutcome.equals("success")) {
        String link = "https://meet.google.com/" + meetCode();
        conference.putArray("entryPoints").addObject().put("entryPointType", "video").put("uri", link);
        conference.putObject("conferenceSolution").put("name", "Google Meet").putObject("key").put("type", "hangoutsMeet");
        conference.put("conferenceId", link.substring(link.lastIndexOf('/') + 1));
        stored.json.put("hangoutLink", link);
      }
      stored.seq = ++seq;
    }
    return Reply.json(200, stored.json);
  }

  private Reply patch(Cal cal, Stored stored, Request request) {
    ObjectNode changes = request.json();
    JsonNode conference = changes.remove("conferenceData");
    ObjectNode updated = stored.json.deepCopy();
    updated.setAll(changes);
    Reply refused = conference(cal, updated, conference, request);
    if (refused != null) {
      return refused;
    }
    stored.json = updated;
    stored.seq = ++seq;
    return Reply.json(200, updated);
  }

  private Reply delete(Stored stored) {
    if (stored.json.get("status").asText().equals("cancelled")) {
      return Reply.error(410, "deleted", "Resource has been deleted");
    }
    stored.json.put("status", "cancelled");
    stored.seq = ++seq;
    return Reply.noContent();
  }

  /** Google ignores conferenceData unless conferenceDataVersion=1. */
  private Reply conference(Cal cal, ObjectNode event, JsonNode conference, Request request) {
    event.remove("conferenceData");
    if (conference == null || !"1".equals(request.param("conferenceDataVersion"))) {
      return null;
    }
    JsonNode create = conference.get("createRequest");
    if (create == null
        || !create.path("conferenceSolutionKey").path("type").asText().equals("hangoutsMeet")
        || create.path("requestId").asText().isEmpty()) {
      return Reply.error(400, "invalid", "Invalid conference type value.");
    }
    ObjectNode stored = conference.deepCopy();
    ((ObjectNode) stored.get("createRequest")).putObject("status").put("statusCode", "pending");
    event.set("conferenceData", stored);
    pendingConferences.add(cal.id + "/" + event.get("id").asText());
    return null;
  }

  private Stored event(String calendarId, String eventId) {
    Stored stored = cal(calendarId).events.get(eventId);
    if (stored == null) {
      throw new IllegalArgumentException("no event " + eventId);
    }
    return stored;
  }

  private Cal cal(String calendarId) {
    Cal cal = calendars.get(calendarId);
    if (cal == null) {
      throw new IllegalArgumentException("no calendar " + calendarId);
    }
    return cal;
  }

  private String meetCode() {
    String letters = String.format("%010d", ++ids).chars().mapToObj(c -> String.valueOf((char) ('a' + c - '0'))).reduce("", String::concat);
    return letters.substring(0, 3) + "-" + letters.substring(3, 7) + "-" + letters.substring(7, 10);
  }

  /** A {@code dateTime}, or the start of a {@code date} in UTC (the fake's time zone). */
  static Instant instant(JsonNode time) {
    try {
      if (!time.has("dateTime") && time.has("date")) {
        return LocalDate.parse(time.get("date").asText()).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      return OffsetDateTime.parse(time.get("dateTime").asText()).toInstant();
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("bad time " + time, e);
    }
  }
}
