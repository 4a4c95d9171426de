package app.convene.client.google;

import app.convene.client.google.EventCache.CalendarState;
import app.convene.client.google.EventPages.Page;
import com.google.api.client.auth.oauth2.Credential;
import com.google.api.client.http.HttpResponseException;
import com.google.api.services.calendar.Calendar;
import com.google.api.services.calendar.model.CalendarList;
import com.google.api.services.calendar.model.CalendarListEntry;
import com.google.api.services.calendar.model.Event;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Keeps the chosen Google calendars in the local cache. The first sync of a calendar reads it in
 * full (recurring events as their instances, events from a year back on, page by page) and keeps
 * Google's sync token; later syncs send that token and receive only the changes, deletions
 * included. When Google answers 410 Gone the calendar is read in full again. The cache of a
 * calendar changes only once all of its pages arrived, so a failure midway loses nothing.
 *
 * <p>Reminders: an event that uses its calendar's default reminders gets the calendar's default
 * popup reminders as events.list sent them with this sync, else as the calendar list did, else as
 * last saved. The cache hands out such events with the defaults it knows last, so a change of the
 * defaults reaches events that did not change themselves.
 *
 * <p>{@link #listCalendars()} and {@link #sync(Set)} block on the network: call them off the FX
 * thread (or through {@link PeriodicSync}); they run one at a time. {@link #cachedEvents(Set)} only
 * reads memory (and the disk the first time) and may be called from any thread. The events come
 * page by page from {@link EventPages}.
 */
public final class GoogleCalendarSync {
  /** Google's largest page. */
  static final int MAX_PAGE = 2500;

  private final Calendar api;
  private final Retry retry;
  private final EventCache cache;
  private final EventPages pages;
  private final ZoneId zone;
  private final Map<String, GoogleCalendarInfo> known = new HashMap<>();
  private boolean listed;

  /**
   * @param dataDir the user's data folder; the cache goes to its {@code google} subfolder
   * @param clock how far back to sync from, and in its zone the dates of all-day events
   */
  public GoogleCalendarSync(GoogleConfig config, Credential credential, Path dataDir, Clock clock) {
    this(
        GoogleHttp.calendar(GoogleHttp.transport(), config, credential),
        Retry.standard(),
        new EventCache(GoogleAuth.googleDir(dataDir)),
        MAX_PAGE,
        Duration.ofDays(365),
        clock,
        clock.getZone());
  }

  GoogleCalendarSync(
      Calendar api,
      Retry retry,
      EventCache cache,
      int pageSize,
      Duration history,
      Clock clock,
      ZoneId zone) {
    this.api = Objects.requireNonNull(api, "api == null");
    this.retry = Objects.requireNonNull(retry, "retry == null");
    this.cache = Objects.requireNonNull(cache, "cache == null");
    this.pages = new EventPages(api, retry, Math.min(pageSize, MAX_PAGE),
        Objects.requireNonNull(history, "history == null"),
        Objects.requireNonNull(clock, "clock == null"));
    this.zone = Objects.requireNonNull(zone, "zone == null");
  }

  /** The user's calendar list (all pages), primary first. Blocks. */
  public synchronized List<GoogleCalendarInfo> listCalendars() throws GoogleException {
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
    } catch (IOException e) {
      throw GoogleErrors.map(e, "list your calendars");
    }
    listed = true;
    for (GoogleCalendarInfo info : result) {
      known.put(info.id(), info);
      try {
        cache.rename(info);
      } catch (IOException e) {
        throw new GoogleException(
            "Could not save the calendar " + info.summary() + " on this computer: " + e.getMessage(),
            e);
      }
    }
    result.sort((a, b) -> Boolean.compare(b.primary(), a.primary()));
    return List.copyOf(result);
  }

  /**
   * Brings the cache of these calendars up to date with Google. Blocks. Calendars are synced in
   * order; when one fails, those before it keep their new state and the exception is thrown.
   */
  public synchronized SyncResult sync(Set<String> calendarIds) throws GoogleException {
    Objects.requireNonNull(calendarIds, "calendarIds == null");
    int attemptsBefore = retry.attempts();
    if (!listed && !known.keySet().containsAll(calendarIds)) {
      listCalendars(); // colours and names of calendars not seen yet
    }
    Counts counts = new Counts();
    for (String id : new LinkedHashSet<>(calendarIds)) {
      syncOne(id, counts);
    }
    return new SyncResult(
        calendarIds.size(),
        counts.fetched,
        counts.changed,
        counts.removed,
        retry.attempts() - attemptsBefore,
        Set.copyOf(counts.full));
  }

  /** The saved events of these calendars, sorted by start; works offline. Any thread. */
  public List<GoogleEvent> cachedEvents(Set<String> calendarIds) {
    return cache.events(Objects.requireNonNull(calendarIds, "calendarIds == null"));
  }

  /** Deletes the saved events and sync tokens; the next sync reads everything again. */
  public synchronized void clearCache() throws GoogleException {
    try {
      cache.clear();
    } catch (IOException e) {
      throw new GoogleException("Could not delete the saved Google events: " + e.getMessage(), e);
    }
  }

  private void syncOne(String id, Counts counts) throws GoogleException {
    CalendarState old = cache.get(id).orElse(null);
    GoogleCalendarInfo info = known.get(id);
    String color = info != null ? info.colorHex() : old == null ? null : old.colorHex();
    String summary = info != null ? info.summary() : old == null ? id : old.summary();
    List<Duration> defaults =
        info != null ? info.defaultReminders() : old == null ? null : old.defaultReminders();
    try {
      if (old != null && old.syncToken() != null) {
        try {
          Page changes = pages.fetch(id, old.syncToken());
          counts.fetched += changes.items.size();
          applyChanges(old, new CalendarState(id, summary, color,
              changes.defaultReminders(defaults), changes.syncToken, Map.of()),
              changes.items, counts);
          return;
        } catch (HttpResponseException e) {
          if (e.getStatusCode() != 410) {
            throw e;
          }
          // Gone: the token expired or the calendar changed too much; read everything again.
        }
      }
      Page all = pages.fetch(id, null);
      List<Duration> current = all.defaultReminders(defaults);
      Map<String, GoogleEvent> events = new HashMap<>();
      for (Event event : all.items) {
        if (!EventMapper.isCancelled(event)) {
          events.put(event.getId(), EventMapper.map(id, event, color, current, zone));
        }
      }
      counts.fetched += all.items.size();
      counts.full.add(id);
      Map<String, GoogleEvent> before = old == null ? Map.of() : old.events();
      events.forEach((eventId, e) -> counts.changed += e.equals(before.get(eventId)) ? 0 : 1);
      before.keySet().forEach(eventId -> counts.removed += events.containsKey(eventId) ? 0 : 1);
      save(() -> cache.put(new CalendarState(id, summary, color, current, all.syncToken, events)),
          summary);
    } catch (IOException e) {
      throw GoogleErrors.map(e, "read the calendar " + summary);
    }
  }

  /** Applies an incremental page set to {@code old}; {@code next} has the new name and token. */
  private void applyChanges(CalendarState old, CalendarState next, List<Event> items, Counts counts)
      throws GoogleException {
    Map<String, GoogleEvent> events = new HashMap<>(old.events());
    Map<String, GoogleEvent> changed = new LinkedHashMap<>();
    Set<String> removed = new LinkedHashSet<>();
    for (Event event : items) {
      String eventId = event.getId();
      if (EventMapper.isCancelled(event)) {
        changed.remove(eventId);
        if (events.remove(eventId) != null) {
          removed.add(eventId);
        }
        // A deleted series: drop its instances too.
        List<String> instances = events.values().stream()
            .filter(e -> eventId.equals(e.recurringEventId())).map(GoogleEvent::id).toList();
        instances.forEach(events::remove);
        instances.forEach(changed::remove);
        removed.addAll(instances);
      } else {
        GoogleEvent mapped = EventMapper.map(
            next.calendarId(), event, next.colorHex(), next.defaultReminders(), zone);
        if (!mapped.equals(events.put(eventId, mapped))) {
          changed.put(eventId, mapped);
        }
        removed.remove(eventId);
      }
    }
    removed.removeIf(eventId -> !old.events().containsKey(eventId));
    counts.changed += changed.size();
    counts.removed += removed.size();
    boolean renamed = !Objects.equals(old.colorHex(), next.colorHex())
        || !Objects.equals(old.summary(), next.summary())
        || !Objects.equals(old.defaultReminders(), next.defaultReminders());
    if (changed.isEmpty() && removed.isEmpty() && !renamed
        && Objects.equals(old.syncToken(), next.syncToken())) {
      return; // nothing new: no write
    }
    CalendarState state = new CalendarState(next.calendarId(), next.summary(), next.colorHex(),
        next.defaultReminders(), next.syncToken(), events);
    save(() -> cache.update(state, List.copyOf(changed.values()), List.copyOf(removed)),
        next.summary());
  }

  private interface CacheWrite {
    void run() throws IOException;
  }

  private static void save(CacheWrite write, String summary) throws GoogleException {
    try {
      write.run();
    } catch (IOException e) {
      throw new GoogleException(
          "Could not save the events of " + summary + " on this computer: " + e.getMessage(), e);
    }
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

  private static final class Counts {
    int fetched;
    int changed;
    int removed;
    final Set<String> full = new LinkedHashSet<>();
  }
}
