package app.convene.client.google;

import app.convene.client.i18n.Messages;
import com.google.api.client.googleapis.json.GoogleJsonError;
import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.services.calendar.Calendar;
import com.google.api.services.calendar.model.CalendarList;
import com.google.api.services.calendar.model.CalendarListEntry;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The user's calendar list for {@link GoogleCalendarSync}: read in full, again every {@link
 * #EVERY} (so new, removed and recoloured calendars are seen), and the order calendars sync in.
 *
 * <p>When the user unticked the calendar-list box on Google's consent page, Google answers 403
 * {@code insufficientPermissions}: the list is then only the primary calendar, which events.list
 * reads as {@code primary} with the events scope alone, and {@link #allowed()} is false. Not
 * thread-safe: {@link GoogleCalendarSync} calls it under its own lock, except {@link #allowed()},
 * which any thread may read.
 */
final class CalendarListReader {
  /** How often {@link GoogleCalendarSync#sync} reads the calendar list again. */
  static final Duration EVERY = Duration.ofMinutes(30);
  /** The id Google accepts for the user's primary calendar. */
  static final String PRIMARY = "primary";

  private final Calendar api;
  private final Retry retry;
  private final Clock clock;
  private final Map<String, GoogleCalendarInfo> known = new HashMap<>();
  private final List<String> order = new ArrayList<>();
  private Instant readAt;
  private volatile boolean allowed = true;

  CalendarListReader(Calendar api, Retry retry, Clock clock) {
    this.api = Objects.requireNonNull(api, "api == null");
    this.retry = Objects.requireNonNull(retry, "retry == null");
    this.clock = Objects.requireNonNull(clock, "clock == null");
  }

  /** All pages, primary first. Blocks. */
  List<GoogleCalendarInfo> read() throws IOException {
    List<GoogleCalendarInfo> result = new ArrayList<>();
    String pageToken = null;
    try {
      do {
        Calendar.CalendarList.List request =
            api.calendarList().list().setMaxResults(250).setPageToken(pageToken);
        CalendarList page = retry.run(request::execute);
        if (page.getItems() != null) {
          for (CalendarListEntry entry : page.getItems()) {
            result.add(info(entry));
          }
        }
        pageToken = page.getNextPageToken();
      } while (pageToken != null);
      allowed = true;
    } catch (GoogleJsonResponseException e) {
      if (!scopeMissing(e)) {
        throw e;
      }
      allowed = false;
      result = List.of(new GoogleCalendarInfo(
          PRIMARY, Messages.get("google.primary"), null, true, true, "owner", List.of()));
    }
    readAt = clock.instant();
    known.clear();
    order.clear();
    result = new ArrayList<>(result);
    result.sort((a, b) -> Boolean.compare(b.primary(), a.primary()));
    for (GoogleCalendarInfo info : result) {
      known.put(info.id(), info);
      order.add(info.id());
    }
    return List.copyOf(result);
  }

  /** Whether the list is unread, or older than {@link #EVERY}. */
  boolean due() {
    return readAt == null || !clock.instant().isBefore(readAt.plus(EVERY));
  }

  /** Whether the user allowed Convene to read the calendar list (as of the last read). */
  boolean allowed() {
    return allowed;
  }

  /** The calendar as last listed, else {@code null}. */
  GoogleCalendarInfo get(String id) {
    return known.get(id);
  }

  /** Forgets a calendar that Google no longer knows (404). */
  void forget(String id) {
    known.remove(id);
    order.remove(id);
  }

  /** {@code ids} in the calendar list's order (primary first), then the unlisted ones by id. */
  List<String> inOrder(Set<String> ids) {
    List<String> sorted = new ArrayList<>(ids);
    sorted.sort(Comparator.comparingInt((String id) -> {
      int at = order.indexOf(id);
      return at < 0 ? Integer.MAX_VALUE : at;
    }).thenComparing(Comparator.naturalOrder()));
    return sorted;
  }

  /** Google's answer when the token lacks the scope the request needs. */
  private static boolean scopeMissing(GoogleJsonResponseException e) {
    if (e.getStatusCode() != 403 || e.getDetails() == null || e.getDetails().getErrors() == null) {
      return false;
    }
    for (GoogleJsonError.ErrorInfo info : e.getDetails().getErrors()) {
      if ("insufficientPermissions".equals(info.getReason())) {
        return true;
      }
    }
    return false;
  }

  /** An entry without {@code defaultReminders} has none (JSON leaves empty lists out). */
  private static GoogleCalendarInfo info(CalendarListEntry entry) {
    return new GoogleCalendarInfo(
        entry.getId(),
        entry.getSummaryOverride() != null ? entry.getSummaryOverride() : entry.getSummary(),
        entry.getBackgroundColor(),
        Boolean.TRUE.equals(entry.getPrimary()),
        Boolean.TRUE.equals(entry.getSelected()),
        entry.getAccessRole(),
        ReminderLeads.popups(entry.getDefaultReminders()));
  }
}
