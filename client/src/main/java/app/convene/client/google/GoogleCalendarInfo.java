package app.convene.client.google;

import java.time.Duration;
import java.util.List;

/**
 * One calendar of the user's calendar list.
 *
 * @param colorHex the colour the user gave it in Google Calendar, e.g. {@code #9fe1e7}
 * @param selected whether it is ticked in Google Calendar (a sensible default for the pane)
 * @param accessRole {@code owner}, {@code writer}, {@code reader} or {@code freeBusyReader}
 * @param defaultReminders the popup reminders its events get unless they set their own, as lead
 *     times, longest first; empty when it has none
 */
public record GoogleCalendarInfo(
    String id,
    String summary,
    String colorHex,
    boolean primary,
    boolean selected,
    String accessRole,
    List<Duration> defaultReminders) {

  public GoogleCalendarInfo {
    defaultReminders = List.copyOf(defaultReminders);
  }

  /** Whether events can be created in it. */
  public boolean writable() {
    return "owner".equals(accessRole) || "writer".equals(accessRole);
  }
}
