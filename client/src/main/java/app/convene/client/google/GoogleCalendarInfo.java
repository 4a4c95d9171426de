package app.convene.client.google;

/**
 * One calendar of the user's calendar list.
 *
 * @param colorHex the colour the user gave it in Google Calendar, e.g. {@code #9fe1e7}
 * @param selected whether it is ticked in Google Calendar (a sensible default for the pane)
 * @param accessRole {@code owner}, {@code writer}, {@code reader} or {@code freeBusyReader}
 */
public record GoogleCalendarInfo(
    String id, String summary, String colorHex, boolean primary, boolean selected, String accessRole) {

  /** Whether events can be created in it. */
  public boolean writable() {
    return "owner".equals(accessRole) || "writer".equals(accessRole);
  }
}
