package app.convene.client.google;

import app.convene.client.google.EventCache.CalendarState;
import app.convene.client.google.EventPages.Page;
import app.convene.client.i18n.Messages;
import com.google.api.client.auth.oauth2.Credential;
import com.google.api.client.http.HttpResponseException;
import com.google.api.services.calendar.Calendar;
import com.google.api.services.calendar.model.Event;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Comparator;
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
  private final CalendarListReader list;

  /**
   * @param dataDir the user's data folder; the cache goes to its {@code google} subfolder
   * @param clock how far back to sync from; all-day events are kept as dates and handed out at
   *     the start of their days in the clock's zone
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
    this.list = new CalendarListReader(api, retry, clock);
  }

  /** The user's calendar list (all pages), primary first. Blocks. */
  public synchronized List<GoogleCalendarInfo> listCalendars() throws GoogleException {
    List<GoogleCalendarInfo> result;
    try {
      result = list.read();
    } catch (IOException e) {
      throw GoogleErrors.map(e, "list your calendars");
    }
    for (GoogleCalendarInfo info : result) {
      try {
        cache.rename(info);
      } catch (IOException e) {
        throw new GoogleException(
            "Could not save the calendar " + info.summary() + " on this computer: " + e.getMessage(),
            e);
      }
    }
    return result;
  }

  /**
   * Whether the user let Convene read the calendar list: without it (a box unticked on Google's
   * consent page) only the primary calendar is listed and synced. Any thread; does not wait for a
   * sync.
   */
  public boolean calendarListAllowed() {
    return list.allowed();
  }

  /**
   * Brings the cache of these calendars up to date with Google. Blocks. The calendar list is read
   * first when it is due ({@link CalendarListReader#EVERY}). Each calendar syncs on its own, in
   * the list's order: one that fails is reported in the result and the others go on; one that
   * Google no longer knows (404: deleted, or no longer shared) is removed from the cache and
   * reported as {@link SyncResult#gone()}. Throws when the failure is not one calendar's: the
   * sign-in is gone, Google cannot be reached, or every calendar failed (the first failure).
   */
  public synchronized SyncResult sync(Set<String> calendarIds) throws GoogleException {
    Objects.requireNonNull(calendarIds, "calendarIds == null");
    int attemptsBefore = retry.attempts();
    List<GoogleCalendarInfo> listed = null;
    if (list.due() && !calendarIds.isEmpty()) {
      try {
        listed = listCalendars(); // new, removed and recoloured calendars
      } catch (GoogleAuthException | GoogleUnavailableException e) {
        throw e;
      } catch (GoogleException e) {
        listed = null; // the names and colours known so far do; the next sync reads it again
      }
    }
    Counts counts = new Counts();
    Map<String, String> problems = new LinkedHashMap<>();
    Set<String> gone = new LinkedHashSet<>();
    GoogleException first = null;
    int failed = 0;
    for (String id : list.inOrder(calendarIds)) {
      try {
        syncOne(id, counts);
      } catch (GoogleAuthException e) {
        throw e;
      } catch (GoogleUnavailableException e) {
        if (e.reason() == GoogleUnavailableException.Reason.OFFLINE) {
          throw e;
        }
        failed++;
        first = first == null ? e : first;
        problems.put(id, Messages.format("google.calendarFailed", summaryOf(id), e.getMessage()));
      } catch (GoogleException e) {
        if (e.getCause() instanceof HttpResponseException http && http.getStatusCode() == 404) {
          String summary = summaryOf(id);
          forget(id);
          gone.add(id);
          problems.put(id, Messages.format("google.calendarGone", summary));
        } else {
          failed++;
          first = first == null ? e : first;
          problems.put(id, Messages.format("google.calendarFailed", summaryOf(id), e.getMessage()));
        }
      }
    }
    if (first != null && failed == calendarIds.size()) {
      throw first;
    }
    return new SyncResult(
        calendarIds.size(),
        counts.fetched,
        counts.changed,
        counts.removed,
        retry.attempts() - attemptsBefore,
        Set.copyOf(counts.full),
        problems,
        gone,
        listed);
  }

  /** The saved events of these calendars, sorted by start; works offline. Any thread. */
  public List<GoogleEvent> cachedEvents(Set<String> calendarIds) {
    return cache.events(Objects.requireNonNull(calendarIds, "calendarIds == null")).stream()
        .map(e -> e.inZone(zone))
        .sorted(Comparator.comparing(
            GoogleEvent::start, Comparator.nullsLast(Comparator.naturalOrder())))
        .toList();
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
    GoogleCalendarInfo info = list.get(id);
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

  private String summaryOf(String id) {
    GoogleCalendarInfo info = list.get(id);
    if (info != null) {
      return info.summary();
    }
    return cache.get(id).map(CalendarState::summary).orElse(id);
  }

  /** A calendar Google no longer knows: out of the list and the cache. */
  private void forget(String id) throws GoogleException {
    list.forget(id);
    save(() -> cache.remove(id), summaryOf(id));
  }

  private static final class Counts {
    int fetched;
    int changed;
    int removed;
    final Set<String> full = new LinkedHashSet<>();
  }
}
