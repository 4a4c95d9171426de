package app.convene.client.call.ui;

import app.convene.client.api.ApiClient;
import app.convene.client.api.ApiException;
import app.convene.client.google.ui.GoogleModel;
import app.convene.client.google.GoogleEvent;
import app.convene.client.google.MeetingDraft;
import app.convene.protocol.api.AttendeeView;
import app.convene.protocol.api.EventRequest;
import app.convene.protocol.api.EventView;
import app.convene.protocol.api.OccurrenceView;
import app.convene.protocol.api.ServiceKind;
import app.convene.protocol.api.UserView;
import java.util.concurrent.Executor;

/**
 * The call window's way out when a native call does not connect: the meeting moved to Google
 * Meet, and our server told so when we own the meeting.
 */
final class MeetMove {
  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(MeetMove.class);

  private MeetMove() {}

  /** The meeting as a Google Meet draft, for the call window's fallback; null if it cannot be one. */
  static MeetingDraft draft(OccurrenceView occurrence) {
    try {
      MeetingDraft event = MeetingDraft.of(occurrence.event());
      return new MeetingDraft(event.title(), event.description() == null ? "" : event.description(),
          occurrence.start(), occurrence.end(), event.timeZone(), event.attendees());
    } catch (RuntimeException e) {
      return null;
    }
  }

  /**
   * FX thread. Offers "Move this meeting to Google Meet" in the call window while signed in to
   * Google. After the move, the owner's copy on our server records the service and the link, so
   * every attendee's calendar opens Meet from then on.
   */
  static void offer(CallModel call, GoogleModel current, ApiClient api, UserView user,
      OccurrenceView occurrence, Executor background) {
    MeetingDraft draft = occurrence == null ? null : draft(occurrence);
    if (draft == null || current == null) {
      return;
    }
    call.fallback().offer(current.stateProperty().isEqualTo(GoogleModel.State.SIGNED_IN),
        () -> current.meetings().moveToMeet(draft).thenApply(GoogleEvent::meetLink)
            .thenApplyAsync(link -> {
              recordMove(api, user, occurrence.event(), link);
              return link;
            }, background));
  }

  /** Background thread: marks our meeting as moved to Google Meet, when we own it. */
  static void recordMove(ApiClient api, UserView user, EventView event, String link) {
    if (link == null || event.owner() == null || !user.id().equals(event.owner().id())) {
      return;
    }
    try {
      api.update(event.id(), new EventRequest(event.title(), event.description(), event.start(),
          event.end(), event.timeZone(),
          event.attendees().stream().map(AttendeeView::email).toList(), ServiceKind.GOOGLE_MEET,
          event.recurrence(), link));
    } catch (ApiException e) {
      log.warn("the meeting moved to Google Meet, but our server did not record it: {}", e.getMessage());
    }
  }
}
