package app.convene.client.google;

import app.convene.client.i18n.Messages;
import com.google.api.client.auth.oauth2.Credential;
import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.http.HttpResponseException;
import com.google.api.client.util.BackOff;
import com.google.api.client.util.DateTime;
import com.google.api.client.util.ExponentialBackOff;
import com.google.api.client.util.Sleeper;
import com.google.api.services.calendar.Calendar;
import com.google.api.services.calendar.model.ConferenceData;
import com.google.api.services.calendar.model.ConferenceSolutionKey;
import com.google.api.services.calendar.model.CreateConferenceRequest;
import com.google.api.services.calendar.model.Event;
import com.google.api.services.calendar.model.EventAttendee;
import com.google.api.services.calendar.model.EventDateTime;
import java.io.IOException;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Creates, edits and cancels Google Calendar events with a Google Meet link. Attendees get Google's
 * invitation and update e-mails ({@code sendUpdates=all}). A change or cancellation is not sent
 * again after a 5xx (it may have been made, and the e-mails sent): the user is asked to check. An
 * insert is: it carries our own event id, so a repeat of one that was made gets 409 and no e-mail. Google creates the Meet conference
 * asynchronously: while it answers "pending", this class asks again after a back-off (about ten
 * seconds at most) before returning.
 *
 * <p>Every method blocks on the network: call it off the FX thread. Returned events carry no
 * calendar colour ({@code colorHex} is {@code null}); the next sync brings them into the cache.
 */
public final class MeetScheduler {
  static final String SERVICE_PROPERTY = "conveneService";

  private final Calendar api;
  private final Retry retry;
  private final Supplier<BackOff> pollBackOffs;
  private final Sleeper sleeper;
  private final int maxPolls;
  private final ZoneId zone;

  /** @param zone the user's zone, for all-day events */
  public MeetScheduler(GoogleConfig config, Credential credential, ZoneId zone) {
    this(
        GoogleHttp.calendar(GoogleHttp.transport(), config, credential),
        Retry.standard(),
        () ->
            new ExponentialBackOff.Builder()
                .setInitialIntervalMillis(500)
                .setMaxIntervalMillis(4_000)
                .setMaxElapsedTimeMillis(15_000)
                .build(),
        Sleeper.DEFAULT,
        8,
        zone);
  }

  MeetScheduler(Calendar api, Retry retry, Supplier<BackOff> pollBackOffs, Sleeper sleeper,
      int maxPolls, ZoneId zone) {
    this.zone = Objects.requireNonNull(zone, "zone == null");
    this.api = Objects.requireNonNull(api, "api == null");
    this.retry = Objects.requireNonNull(retry, "retry == null");
    this.pollBackOffs = Objects.requireNonNull(pollBackOffs, "pollBackOffs == null");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper == null");
    this.maxPolls = maxPolls;
  }

  /**
   * Creates the event with a new Meet conference and invites the attendees. The result's {@code
   * meetLink} is {@code null} only if Google was still preparing the conference after the polls.
   *
   * @param calendarId a writable calendar, or {@code "primary"}
   */
  public GoogleEvent createMeet(String calendarId, MeetingDraft draft) throws GoogleException {
    Objects.requireNonNull(calendarId, "calendarId == null");
    // Our own id makes a retried insert safe: a second insert gets 409 instead of a duplicate.
    String id = UUID.randomUUID().toString().replace("-", "");
    Event event =
        details(new Event(), draft)
            .setId(id)
            .setConferenceData(newConference())
            .setExtendedProperties(
                new Event.ExtendedProperties()
                    .setPrivate(Map.of(SERVICE_PROPERTY, "GOOGLE_MEET")));
    try {
      Event created;
      try {
        created =
            retry.run(
                () ->
                    api.events()
                        .insert(calendarId, event)
                        .setConferenceDataVersion(1)
                        .setSendUpdates("all")
                        .execute());
      } catch (GoogleJsonResponseException e) {
        if (e.getStatusCode() != 409) {
          throw e;
        }
        created = retry.run(() -> api.events().get(calendarId, id).execute());
      }
      return EventMapper.map(calendarId, awaitConference(calendarId, created), null, null, zone);
    } catch (IOException e) {
      throw GoogleErrors.map(e, "create the meeting");
    }
  }

  /** Replaces title, description, times and attendees; attendees are told of the change. */
  public GoogleEvent update(String calendarId, String eventId, MeetingDraft draft)
      throws GoogleException {
    Objects.requireNonNull(calendarId, "calendarId == null");
    Objects.requireNonNull(eventId, "eventId == null");
    Event changes = details(new Event(), draft);
    try {
      Event patched = patchSending(calendarId, eventId, changes);
      return EventMapper.map(calendarId, patched, null, null, zone);
    } catch (IOException e) {
      throw unsure(e, "google.unsureUpdate", "change the meeting");
    }
  }

  /** Deletes the event and e-mails the attendees a cancellation; done if already deleted. */
  public void cancel(String calendarId, String eventId) throws GoogleException {
    Objects.requireNonNull(calendarId, "calendarId == null");
    Objects.requireNonNull(eventId, "eventId == null");
    try {
      retry.runSending(
          () -> api.events().delete(calendarId, eventId).setSendUpdates("all").execute());
    } catch (GoogleJsonResponseException e) {
      if (e.getStatusCode() != 410) {
        throw unsure(e, "google.unsureCancel", "cancel the meeting");
      }
    } catch (IOException e) {
      throw unsure(e, "google.unsureCancel", "cancel the meeting");
    }
  }

  /**
   * Answers an invitation as this calendar's guest and tells the organiser ({@code
   * sendUpdates=all}). Google's patch replaces an array field as a whole, so the attendees are read
   * first and sent back complete, with only this calendar's own entry ({@code self}) changed. The
   * patch is sent once: after a 5xx Google may have carried it out and mailed the organiser, and a
   * second answer would mail them again (the next sync shows what Google holds).
   *
   * @throws GoogleException also when this calendar is not among the event's guests
   */
  public GoogleEvent respond(String calendarId, String eventId, Rsvp answer) throws GoogleException {
    Objects.requireNonNull(calendarId, "calendarId == null");
    Objects.requireNonNull(eventId, "eventId == null");
    Objects.requireNonNull(answer, "answer == null");
    try {
      Event current = retry.run(() -> api.events().get(calendarId, eventId).execute());
      List<EventAttendee> attendees = current.getAttendees() == null ? List.of() : current.getAttendees();
      if (attendees.stream().noneMatch(a -> Boolean.TRUE.equals(a.getSelf()))) {
        throw new GoogleException(
            "You are not a guest of \"" + current.getSummary() + "\", so there is nothing to answer.");
      }
      List<EventAttendee> answered = attendees.stream()
          .map(a -> Boolean.TRUE.equals(a.getSelf())
              ? a.clone().setResponseStatus(answer.responseStatus()) : a)
          .toList();
      Event patched = api.events()
          .patch(calendarId, eventId, new Event().setAttendees(answered))
          .setSendUpdates("all")
          .execute();
      return EventMapper.map(calendarId, patched, null, null, zone);
    } catch (IOException e) {
      throw GoogleErrors.map(e, "answer the invitation");
    }
  }

  /**
   * Gives an existing event a Meet link (the fallback from a native call that could not connect).
   * An event that already has one is returned as it is.
   */
  public GoogleEvent addMeetLink(String calendarId, String eventId) throws GoogleException {
    Objects.requireNonNull(calendarId, "calendarId == null");
    Objects.requireNonNull(eventId, "eventId == null");
    try {
      Event current = retry.run(() -> api.events().get(calendarId, eventId).execute());
      if (EventMapper.meetLink(current) == null) {
        Event changes = new Event().setConferenceData(newConference());
        try {
          current = patchSending(calendarId, eventId, changes);
        } catch (IOException e) {
          throw unsure(e, "google.unsureMeetLink", "add a Google Meet link");
        }
        current = awaitConference(calendarId, current);
      }
      return EventMapper.map(calendarId, current, null, null, zone);
    } catch (IOException e) {
      throw GoogleErrors.map(e, "add a Google Meet link");
    }
  }

  /**
   * A request that e-mails attendees failed. After a 5xx Google may have carried it out and sent
   * the e-mails, so it was not sent again ({@link Retry#runSending}): the user is asked to check
   * before trying again. Other failures are told as usual.
   */
  private static GoogleException unsure(IOException e, String key, String action) {
    if (e instanceof HttpResponseException http && http.getStatusCode() >= 500) {
      return new GoogleException(Messages.format(key, http.getStatusCode()), e);
    }
    return GoogleErrors.map(e, action);
  }

  private Event awaitConference(String calendarId, Event event) throws IOException, GoogleException {
    BackOff backOff = pollBackOffs.get();
    for (int poll = 0;
        "pending".equals(EventMapper.conferenceStatus(event)) && poll < maxPolls;
        poll++) {
      long wait = backOff.nextBackOffMillis();
      if (wait == BackOff.STOP) {
        break;
      }
      try {
        sleeper.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new GoogleException("Cancelled while Google prepared the Meet link.", e);
      }
      String id = event.getId();
      event = retry.run(() -> api.events().get(calendarId, id).execute());
    }
    if ("failure".equals(EventMapper.conferenceStatus(event))) {
      throw new GoogleException(
          "The event \""
              + event.getSummary()
              + "\" is in Google Calendar, but Google could not give it a Meet link. Try adding"
              + " the link again later.");
    }
    return event;
  }

  private static Event details(Event event, MeetingDraft draft) {
    Objects.requireNonNull(draft, "draft == null");
    return event
        .setSummary(draft.title())
        .setDescription(draft.description())
        .setStart(time(draft.start().toEpochMilli(), draft.timeZone()))
        .setEnd(time(draft.end().toEpochMilli(), draft.timeZone()))
        .setAttendees(
            draft.attendees().stream().map(a -> new EventAttendee().setEmail(a)).toList());
  }

  private static EventDateTime time(long epochMillis, String zone) {
    return new EventDateTime().setDateTime(new DateTime(epochMillis)).setTimeZone(zone);
  }

  private static ConferenceData newConference() {
    return new ConferenceData()
        .setCreateRequest(
            new CreateConferenceRequest()
                .setRequestId(UUID.randomUUID().toString())
                .setConferenceSolutionKey(new ConferenceSolutionKey().setType("hangoutsMeet")));
  }

  /**
   * Patches the event and mails its attendees ({@code sendUpdates=all}); sent once, not again
   * after a 5xx (see {@link Retry#runSending}).
   */
  private Event patchSending(String calendarId, String eventId, Event changes)
      throws IOException {
    return retry.runSending(() -> api.events()
        .patch(calendarId, eventId, changes)
        .setConferenceDataVersion(1)
        .setSendUpdates("all")
        .execute());
  }
}
