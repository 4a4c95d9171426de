package app.convene.client.google;

import java.io.IOException;
import java.net.URI;
import java.util.Objects;

/**
 * "Move this meeting to Google Meet", offered by the call window when a native call cannot
 * connect: gives the meeting a Meet link and opens it in the browser. Blocks on the network: call
 * off the FX thread. The caller records the returned link and {@code GOOGLE_MEET} as the
 * meeting's service.
 */
public final class MeetFallback {
  private final MeetScheduler scheduler;
  private final BrowserOpener browser;

  public MeetFallback(MeetScheduler scheduler, BrowserOpener browser) {
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler == null");
    this.browser = Objects.requireNonNull(browser, "browser == null");
  }

  /**
   * A native meeting (not in Google Calendar): creates it in the user's primary Google calendar
   * with a Meet link, inviting its attendees, and opens the link.
   */
  public GoogleEvent moveToMeet(MeetingDraft meeting) throws GoogleException {
    return open(scheduler.createMeet("primary", meeting));
  }

  /** A Google event without a Meet link: adds one and opens it. */
  public GoogleEvent moveToMeet(String calendarId, String eventId) throws GoogleException {
    return open(scheduler.addMeetLink(calendarId, eventId));
  }

  private GoogleEvent open(GoogleEvent event) throws GoogleException {
    if (event.meetLink() == null) {
      throw new GoogleException(
          "Google is still preparing the Meet link of \""
              + event.summary()
              + "\". Try again in a moment.");
    }
    try {
      browser.open(URI.create(event.meetLink()));
    } catch (IOException | RuntimeException e) {
      throw new GoogleException(
          "Could not open the browser (" + e.getMessage() + "). The Meet link is " + event.meetLink(),
          e);
    }
    return event;
  }
}
