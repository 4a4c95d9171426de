package app.convene.client.google;

import java.util.Set;

/**
 * What one {@link GoogleCalendarSync#sync} did.
 *
 * @param fetched events received from Google (deleted ones included)
 * @param changed events added to or changed in the cache
 * @param removed events removed from the cache
 * @param requests HTTP requests sent, retries included
 * @param fullSyncs calendars that were read in full (first sync, or Google answered 410 Gone)
 */
public record SyncResult(
    int calendars, int fetched, int changed, int removed, int requests, Set<String> fullSyncs) {

  /** Whether the calendar pane has anything to redraw. */
  public boolean anyChange() {
    return changed > 0 || removed > 0;
  }
}
