package app.convene.client.google.ui;

import app.convene.client.google.BrowserOpener;
import app.convene.client.google.GoogleEvent;
import app.convene.client.google.GoogleException;
import app.convene.client.google.MeetFallback;
import app.convene.client.google.MeetScheduler;
import app.convene.client.google.MeetingDraft;
import app.convene.client.google.Rsvp;
import app.convene.client.google.ui.GoogleSignIn.Account;
import app.convene.client.i18n.Failures;
import app.convene.client.i18n.Messages;
import java.net.URI;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.property.StringProperty;

/**
 * What the calendar does with Google's meetings once signed in: open a meeting's link, create a
 * Meet meeting, cancel an event (its organiser) or answer an invitation (a guest), move a native
 * meeting to Meet. Made by its {@link GoogleModel}
 * (which knows the account and the calendars). FX thread unless a method says otherwise; Google I/O
 * runs on {@code background} and results come back through {@code fx}. Messages go to the pane's
 * status line.
 */
public final class GoogleMeetings {
  private final GoogleModel google;
  private final BrowserOpener browser;
  private final Executor background;
  private final Executor fx;
  private final StringProperty status;

  GoogleMeetings(GoogleModel google, BrowserOpener browser, Executor background, Executor fx,
      StringProperty status) {
    this.google = Objects.requireNonNull(google, "google == null");
    this.browser = Objects.requireNonNull(browser, "browser == null");
    this.background = Objects.requireNonNull(background, "background == null");
    this.fx = Objects.requireNonNull(fx, "fx == null");
    this.status = Objects.requireNonNull(status, "status == null");
  }

  /** An event with no meeting link was asked to join: the status line says so. */
  public void noLink(GoogleEvent event) {
    status.set(Messages.format("google.noLink", event.summary()));
  }

  /** Opens a meeting address in the browser; failures go to the status line. */
  public void openLink(URI uri) {
    GoogleIo.run(background, () -> {
      browser.open(uri);
      return null;
    }).whenCompleteAsync((v, e) -> status.set(e == null
        ? Messages.format("google.opened", uri.getHost())
        : Messages.format("google.browserFailed", Failures.rootMessage(e), uri)), fx);
  }

  /** Creates the meeting in the primary Google calendar with a Meet link (signed in only). */
  public CompletableFuture<GoogleEvent> createMeet(MeetingDraft draft) {
    MeetScheduler scheduler = requireAccount().scheduler();
    return GoogleIo.run(background, () -> scheduler.createMeet("primary", draft))
        .whenCompleteAsync((event, e) -> {
          if (e == null) {
            status.set(Messages.format("google.created", event.summary()));
            google.refresh();
          }
        }, fx);
  }

  /** Whether the event's calendar lets this account change it. */
  public boolean canChange(GoogleEvent event) {
    return google.isSignedIn() && google.calendars().stream()
        .anyMatch(c -> c.id().equals(event.calendarId()) && c.writable());
  }

  /**
   * Whether "Cancel for everyone" applies: the event's calendar is writable and organises it. A
   * guest's delete would only remove their own copy, so guests answer instead ({@link #canRespond}).
   */
  public boolean canCancel(GoogleEvent event) {
    return event.organizer() && canChange(event);
  }

  /** Whether the user may accept, decline or answer "maybe": a guest in a writable calendar. */
  public boolean canRespond(GoogleEvent event) {
    return event.invited() && canChange(event);
  }

  /** Answers the invitation (the organiser is told by Google), then syncs. */
  public CompletableFuture<GoogleEvent> respond(GoogleEvent event, Rsvp answer) {
    MeetScheduler scheduler = requireAccount().scheduler();
    return GoogleIo.run(background, () -> scheduler.respond(event.calendarId(), event.id(), answer))
        .whenCompleteAsync((answered, e) -> {
          if (e == null) {
            status.set(Messages.format("google.answered", event.summary()));
            google.refresh();
          } else {
            status.set(Messages.format("calendar.error", Failures.rootMessage(e)));
          }
        }, fx);
  }

  /** Cancels a Google event (its attendees are told by Google), then syncs. */
  public CompletableFuture<Void> cancel(GoogleEvent event) {
    MeetScheduler scheduler = requireAccount().scheduler();
    return GoogleIo.<Void>run(background, () -> {
      scheduler.cancel(event.calendarId(), event.id());
      return null;
    }).whenCompleteAsync((v, e) -> {
      if (e == null) {
        status.set(Messages.get("calendar.cancelled"));
        google.refresh();
      } else {
        status.set(Messages.format("calendar.error", Failures.rootMessage(e)));
      }
    }, fx);
  }

  /** Gives a native meeting a Meet event in the primary calendar and opens its link. Any thread. */
  public CompletableFuture<GoogleEvent> moveToMeet(MeetingDraft draft) {
    Account current = google.account();
    if (current == null) {
      return CompletableFuture.failedFuture(new GoogleException(Messages.get("google.signInFirst")));
    }
    return GoogleIo.run(background, () -> new MeetFallback(current.scheduler(), browser).moveToMeet(draft));
  }

  private Account requireAccount() {
    Account current = google.account();
    if (current == null) {
      throw new IllegalStateException("not signed in to Google");
    }
    return current;
  }
}
