package app.convene.client.google;

import static app.convene.client.google.FakeGoogle.JSON;

import app.convene.client.google.FakeGoogle.Reply;
import app.convene.client.google.FakeGoogle.Request;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** events.list of {@link FakeCalendar}: filters, recurring expansion, pages and sync tokens. */
final class FakeEventLists {
  /** A stored event and the change number it was last changed at. */
  record Row(ObjectNode json, long seq) {}

  private static final List<String> NOT_WITH_SYNC_TOKEN =
      List.of("timeMin", "timeMax", "orderBy", "q", "updatedMin", "iCalUID");
  private static final Pattern RRULE = Pattern.compile("RRULE:FREQ=(WEEKLY|DAILY);COUNT=(\\d+)");
  private static final DateTimeFormatter INSTANCE_ID =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private FakeEventLists() {}

  static Reply list(
      String summary, ArrayNode defaultReminders, List<Row> rows, Request request, long seq, long goneBefore) {
    Map<String, String> q = request.query();
    String syncToken = q.get("syncToken");
    if (syncToken != null
        && (NOT_WITH_SYNC_TOKEN.stream().anyMatch(q::containsKey) || "false".equals(q.get("showDeleted")))) {
      return Reply.error(400, "invalid", "Sync token cannot be used with other request restrictions.");
    }
    long since = -1;
    if (syncToken != null) {
      since = syncToken.startsWith("sync-") ? Long.parseLong(syncToken.substring(5)) : -1;
      if (since < goneBefore) {
        return Reply.error(410, "fullSyncRequired", "Sync token is no longer valid, a full sync is required.");
      }
    }
    boolean single = "true".equals(q.get("singleEvents"));
    boolean showDeleted = syncToken != null || "true".equals(q.get("showDeleted"));
    Instant timeMin = q.containsKey("timeMin") ? OffsetDateTime.parse(q.get("timeMin")).toInstant() : null;
    int max = Math.max(1, Math.min(2500, Integer.parseInt(q.getOrDefault("maxResults", "250"))));
    int offset = 0;
    long snapshot = seq;
    if (q.get("pageToken") != null) {
      String[] parts = q.get("pageToken").split(":");
      offset = Integer.parseInt(parts[0]);
      snapshot = Long.parseLong(parts[1]);
    }
    List<ObjectNode> items = new ArrayList<>();
    for (Row row : rows) {
      if (syncToken != null && row.seq() <= since) {
        continue;
      }
      boolean cancelled = row.json().path("status").asText().equals("cancelled");
      if (cancelled && !showDeleted) {
        continue;
      }
      for (ObjectNode event : single ? expand(row.json()) : List.of(row.json())) {
        if (!cancelled && timeMin != null && !FakeCalendar.instant(event.get("end")).isAfter(timeMin)) {
          continue;
        }
        items.add(cancelled ? tombstone(event) : event);
      }
    }
    ObjectNode page = JSON.createObjectNode().put("kind", "calendar#events").put("summary", summary);
    page.put("timeZone", "UTC");
    page.set("defaultReminders", defaultReminders.deepCopy());
    ArrayNode out = page.putArray("items");
    items.subList(Math.min(offset, items.size()), Math.min(items.size(), offset + max)).forEach(out::add);
    if (offset + max < items.size()) {
      page.put("nextPageToken", (offset + max) + ":" + snapshot);
    } else {
      page.put("nextSyncToken", "sync-" + snapshot);
    }
    return Reply.json(200, page);
  }

  /** A series as its instances (ids like Google's: {@code <series>_20261201T100000Z}). */
  static List<ObjectNode> expand(ObjectNode event) {
    if (!event.has("recurrence")) {
      return List.of(event);
    }
    Matcher rule = RRULE.matcher(event.get("recurrence").get(0).asText());
    if (!rule.matches()) {
      throw new IllegalArgumentException("fake supports only WEEKLY/DAILY;COUNT rules");
    }
    Duration step = rule.group(1).equals("WEEKLY") ? Duration.ofDays(7) : Duration.ofDays(1);
    Instant start = FakeCalendar.instant(event.get("start"));
    Duration length = Duration.between(start, FakeCalendar.instant(event.get("end")));
    List<ObjectNode> instances = new ArrayList<>();
    for (int i = 0; i < Integer.parseInt(rule.group(2)); i++) {
      Instant at = start.plus(step.multipliedBy(i));
      ObjectNode instance = event.deepCopy();
      instance.remove("recurrence");
      String master = event.get("id").asText();
      instance.put("id", master + "_" + INSTANCE_ID.format(at)).put("recurringEventId", master);
      instance.putObject("originalStartTime").put("dateTime", at.toString());
      instance.putObject("start").put("dateTime", at.toString());
      instance.putObject("end").put("dateTime", at.plus(length).toString());
      instances.add(instance);
    }
    return instances;
  }

  private static ObjectNode tombstone(ObjectNode event) {
    ObjectNode gone = JSON.createObjectNode().put("kind", "calendar#event");
    gone.put("id", event.get("id").asText()).put("status", "cancelled");
    if (event.has("recurringEventId")) {
      gone.put("recurringEventId", event.get("recurringEventId").asText());
    }
    return gone;
  }
}
