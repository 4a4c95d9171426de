package app.convene.client.google;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What one {@link GoogleCalendarSync#sync} did.
 *
 * @param fetched events received from Google (deleted ones included)
 * @param changed events added to or changed in the cache
 * @param removed events removed from the cache
 * @param requests HTTP requests sent, retries included
 * @param fullSyncs calendars that were read in full (first sync, or Google answered 410 Gone)
 * @param problems per calendar that failed or is gone, in sync order: what to tell the user
 * @param gone calendars Google no longer knows (404: deleted or no longer shared); their saved
 *     events were deleted, and they should no longer be chosen
 * @param calendarList the calendar list when this sync read it again, else {@code null}
 */
public record SyncResult(
    int calendars,
    int fetched,
    int changed,
    int removed,
    int requests,
    Set<String> fullSyncs,
    Map<String, String> problems,
    Set<String> gone,
    List<GoogleCalendarInfo> calendarList) {

  public SyncResult {
    fullSyncs = Set.copyOf(fullSyncs);
    problems = Collections.unmodifiableMap(new LinkedHashMap<>(problems));
    gone = Set.copyOf(gone);
    calendarList = calendarList == null ? null : List.copyOf(calendarList);
  }

  public SyncResult(
      int calendars, int fetched, int changed, int removed, int requests, Set<String> fullSyncs) {
    this(calendars, fetched, changed, removed, requests, fullSyncs, Map.of(), Set.of(), null);
  }

  /** Whether the calendar pane has anything to redraw. */
  public boolean anyChange() {
    return changed > 0 || removed > 0 || !gone.isEmpty();
  }

  /** The calendar list read with this sync, if it was. */
  public Optional<List<GoogleCalendarInfo>> relisted() {
    return Optional.ofNullable(calendarList);
  }
}
