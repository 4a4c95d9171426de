package app.convene.client.google;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link FakeGoogle} for tests outside this package (the whole app): calendars and events to
 * show, a browser that consents on Google's page and records every other page it is asked to
 * open, and the bodies of the events the app created.
 */
public final class GoogleFixture implements AutoCloseable {
  private final FakeGoogle fake;
  private final PlayingBrowser consent = new PlayingBrowser();
  private final List<URI> opened = new CopyOnWriteArrayList<>();

  private GoogleFixture(FakeGoogle fake) {
    this.fake = fake;
  }

  public static GoogleFixture start() throws IOException {
    return new GoogleFixture(FakeGoogle.start());
  }

  public GoogleConfig config() {
    return fake.config();
  }

  /** Consents on the fake's OAuth page; records (does not load) every other address. */
  public BrowserOpener browser() {
    return uri -> {
      if (uri.getPath() != null && uri.getPath().startsWith("/o/oauth2/")) {
        consent.open(uri);
      } else {
        BrowserOpener.requireWebAddress(uri);
        opened.add(uri);
      }
    };
  }

  /** Pages other than Google's consent page that the app opened, oldest first. */
  public List<URI> opened() {
    return List.copyOf(opened);
  }

  public void addCalendar(String id, String summary, String colorHex, boolean primary) {
    fake.calendar.addCalendar(id, summary, colorHex, primary);
  }

  /** An event; {@code meetLink} (may be null) becomes its {@code hangoutLink}. */
  public String addEvent(String calendarId, String summary, Instant start, Duration length, String meetLink) {
    String id = fake.calendar.addEvent(calendarId, summary, start, length);
    if (meetLink != null) {
      fake.calendar.edit(calendarId, id, "hangoutLink", meetLink);
    }
    return id;
  }

  /** The calendar's default reminders, e.g. {@code "popup:10", "email:30"}. */
  public void defaultReminders(String calendarId, String... reminders) {
    fake.calendar.defaultReminders(calendarId, reminders);
  }

  /** Sets an event's own reminders, e.g. {@code "popup:15"}; with {@code useDefault} none. */
  public void reminders(String calendarId, String eventId, boolean useDefault, String... overrides) {
    fake.calendar.reminders(calendarId, eventId, useDefault, overrides);
  }

  /** Makes the event an invitation from {@code organizer}, this calendar not having answered. */
  public void invite(String calendarId, String eventId, String organizer) {
    fake.calendar.invite(calendarId, eventId, organizer, "needsAction");
  }

  /** JSON bodies of the patches sent to the event (an invitation's answer patches attendees). */
  public List<String> patched(String calendarId, String eventId) {
    return fake.requests("PATCH", "/calendars/" + calendarId + "/events/" + eventId).stream()
        .map(FakeGoogle.Request::body).toList();
  }

  public void describe(String calendarId, String eventId, String description) {
    fake.calendar.edit(calendarId, eventId, "description", description);
  }

  /** JSON bodies of the events inserted into {@code calendarId}. */
  public List<String> inserted(String calendarId) {
    return fake.requests("POST", "/calendars/" + calendarId + "/events").stream()
        .map(FakeGoogle.Request::body).toList();
  }

  /** The paths of the events deleted (cancelled) in {@code calendarId}. */
  public List<String> deleted(String calendarId) {
    return fake.requests().stream()
        .filter(r -> r.method().equals("DELETE") && r.rawPath().contains("/calendars/" + calendarId + "/events/"))
        .map(FakeGoogle.Request::rawPath).toList();
  }

  @Override
  public void close() {
    fake.close();
  }
}
