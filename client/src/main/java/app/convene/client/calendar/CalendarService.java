package app.convene.client.calendar;

import app.convene.client.api.ApiClient;
import app.convene.client.api.ApiException;
import app.convene.protocol.api.EventRequest;
import app.convene.protocol.api.EventView;
import app.convene.protocol.api.OccurrenceView;
import app.convene.protocol.api.Preferences;
import app.convene.protocol.api.ScheduleResult;
import app.convene.protocol.api.ServiceKind;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The calendar's I/O: meetings from the server, falling back to the local cache when the server
 * cannot be reached. No JavaFX; every method blocks, so call it from a background task.
 */
public final class CalendarService {
  /**
   * Meetings of a range, and whether they came from the cache because the server was away.
   *
   * @param early from the cache because the app's own server is still starting: not offline, and
   *     to be asked again once {@link #serverReady()} completes
   */
  public record Listing(List<OccurrenceView> occurrences, boolean offline, Instant fetchedAt,
      boolean early) {
    public Listing(List<OccurrenceView> occurrences, boolean offline, Instant fetchedAt) {
      this(occurrences, offline, fetchedAt, false);
    }
  }

  private final ApiClient api;
  private final MeetingCache cache;
  private final Clock clock;
  private final CompletableFuture<?> serverReady;

  public CalendarService(ApiClient api, MeetingCache cache, Clock clock) {
    this(api, cache, clock, CompletableFuture.completedFuture(null));
  }

  /**
   * @param serverReady completes when the app's embedded server is up; until then listings come
   *     from the cache at once, so the calendar shows without waiting for the server to start
   */
  public CalendarService(ApiClient api, MeetingCache cache, Clock clock,
      CompletableFuture<?> serverReady) {
    this.api = Objects.requireNonNull(api, "api == null");
    this.cache = Objects.requireNonNull(cache, "cache == null");
    this.clock = Objects.requireNonNull(clock, "clock == null");
    this.serverReady = Objects.requireNonNull(serverReady, "serverReady == null");
  }

  /** Completes (either way) when the server may be asked; see the constructor. */
  public CompletableFuture<?> serverReady() {
    return serverReady.handle((v, e) -> null);
  }

  /**
   * The occurrences of {@code [from, to)}: from the server (and then cached), or from the cache
   * when the server cannot be reached. Errors other than being offline are thrown.
   */
  public Listing list(Instant from, Instant to) throws ApiException {
    return fetch(from, to, true);
  }

  /**
   * Like {@link #list}, for a look at a short range now and then (the reminders): the answer is
   * not written to the cache, which keeps the calendar's longer range.
   */
  public Listing peek(Instant from, Instant to) throws ApiException {
    return fetch(from, to, false);
  }

  private Listing fetch(Instant from, Instant to, boolean store) throws ApiException {
    if (!serverReady.isDone()) {
      return cached(from, to, false, true);
    }
    try {
      List<OccurrenceView> fresh = api.events(from, to);
      Instant now = clock.instant();
      if (store) {
        cache.store(new MeetingCache.Snapshot(now, from, to, fresh));
      }
      return new Listing(fresh, false, now);
    } catch (ApiException e) {
      if (!e.isOffline()) {
        throw e;
      }
      return cached(from, to, true, false);
    }
  }

  private Listing cached(Instant from, Instant to, boolean offline, boolean early) {
    MeetingCache.Snapshot snapshot =
        cache.load().orElse(new MeetingCache.Snapshot(Instant.EPOCH, from, to, List.of()));
    return new Listing(inRange(snapshot, from, to), offline, snapshot.fetchedAt(), early);
  }

  private static List<OccurrenceView> inRange(MeetingCache.Snapshot snapshot, Instant from,
      Instant to) {
    return snapshot.occurrences().stream()
        .filter(o -> o.start().isBefore(to) && o.end().isAfter(from))
        .toList();
  }

  public ScheduleResult schedule(EventRequest request) throws ApiException {
    return api.schedule(request);
  }

  public EventView update(String eventId, EventRequest request) throws ApiException {
    return api.update(eventId, request);
  }

  public EventView cancel(String eventId) throws ApiException {
    return api.cancel(eventId);
  }

  /** The remembered default service; native when the server cannot say. */
  public ServiceKind preferredService() {
    try {
      Preferences preferences = api.preferences();
      return preferences.preferredService() != null ? preferences.preferredService() : ServiceKind.NATIVE;
    } catch (ApiException e) {
      return ServiceKind.NATIVE;
    }
  }

  public void rememberService(ServiceKind service) throws ApiException {
    Preferences current = api.preferences();
    Map<String, String> settings = current.settings() != null ? current.settings() : Map.of();
    api.savePreferences(new Preferences(service, settings));
  }

  public ApiClient api() {
    return api;
  }
}
