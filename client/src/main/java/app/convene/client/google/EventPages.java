package app.convene.client.google;

import com.google.api.client.util.DateTime;
import com.google.api.services.calendar.Calendar;
import com.google.api.services.calendar.model.Event;
import com.google.api.services.calendar.model.Events;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads one calendar's events from Google, all pages of one events.list request, for {@link
 * GoogleCalendarSync}: in full (recurring events as their instances, from {@code history} back
 * on) or the changes since a sync token. Blocks on the network; the caller runs one at a time.
 */
final class EventPages {
  private final Calendar api;
  private final Retry retry;
  private final int pageSize;
  private final Duration history;
  private final Clock clock;

  EventPages(Calendar api, Retry retry, int pageSize, Duration history, Clock clock) {
    this.api = Objects.requireNonNull(api, "api == null");
    this.retry = Objects.requireNonNull(retry, "retry == null");
    this.pageSize = pageSize;
    this.history = Objects.requireNonNull(history, "history == null");
    this.clock = Objects.requireNonNull(clock, "clock == null");
  }

  /** All pages of one list request; a full read when {@code syncToken} is {@code null}. */
  Page fetch(String calendarId, String syncToken) throws IOException {
    Page result = new Page();
    String pageToken = null;
    do {
      Calendar.Events.List request =
          api.events()
              .list(calendarId)
              .setSingleEvents(true)
              .setMaxResults(pageSize)
              .setPageToken(pageToken);
      if (syncToken == null) {
        request.setTimeMin(new DateTime(clock.instant().minus(history).toEpochMilli()));
      } else {
        request.setSyncToken(syncToken);
      }
      Events page = retry.run(request::execute);
      if (page.getItems() != null) {
        result.items.addAll(page.getItems());
      }
      pageToken = page.getNextPageToken();
      result.syncToken = page.getNextSyncToken();
      if (page.getDefaultReminders() != null) {
        result.defaultReminders = ReminderLeads.popups(page.getDefaultReminders());
      }
    } while (pageToken != null);
    return result;
  }

  /** What one list request brought: its events, the next sync token, the default reminders. */
  static final class Page {
    final List<Event> items = new ArrayList<>();
    String syncToken;
    /** The calendar's default popup leads, as events.list tells them; {@code null} if it did not. */
    List<Duration> defaultReminders;

    List<Duration> defaultReminders(List<Duration> otherwise) {
      return defaultReminders != null ? defaultReminders : otherwise;
    }
  }
}
