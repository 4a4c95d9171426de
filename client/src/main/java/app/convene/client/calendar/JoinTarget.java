package app.convene.client.calendar;

import app.convene.client.call.InviteLink;
import app.convene.client.google.GoogleEvent;
import app.convene.client.google.MeetingLink;
import app.convene.client.google.MeetingLinks;
import app.convene.protocol.api.EventView;
import app.convene.protocol.api.ServiceKind;
import java.util.Objects;
import java.util.Optional;

/**
 * How a meeting is joined, decided once from what the meeting carries: a native call in a room of
 * our server, or a web meeting whose link opens in the browser. Double-click, the context menu,
 * reminders and the tray all join through it, so they cannot disagree.
 *
 * <p>Google Meet, Zoom and Teams links are one case: the app does the same with each (the browser
 * opens it), and {@link MeetingLink#kind()} names the service where the user sees it.
 */
public sealed interface JoinTarget {

  /** A native call in the room {@code room.roomId()}. */
  record NativeRoom(InviteLink room) implements JoinTarget {
    public NativeRoom {
      Objects.requireNonNull(room, "room == null");
    }
  }

  /** A web meeting: Google Meet, Zoom or Microsoft Teams. */
  record WebLink(MeetingLink link) implements JoinTarget {
    public WebLink {
      Objects.requireNonNull(link, "link == null");
    }
  }

  /**
   * A meeting of our calendar: its room when it is a native meeting with one; else the meeting
   * link in it (Meet link, or one in the description); empty when there is no way to join (a Google
   * Meet meeting whose link has not been made yet).
   */
  static Optional<JoinTarget> of(EventView event) {
    if (event.service() == ServiceKind.NATIVE && event.roomId() != null) {
      return Optional.of(new NativeRoom(new InviteLink(event.roomId(), null)));
    }
    return webLink(event).map(WebLink::new);
  }

  /** A Google calendar's event: its conference or a meeting link in its location or text. */
  static Optional<JoinTarget> of(GoogleEvent event) {
    return event.joinLink().map(WebLink::new);
  }

  /**
   * A web meeting link of a meeting of our calendar, also of a native one whose description
   * carries one (the context menu offers both).
   */
  static Optional<MeetingLink> webLink(EventView event) {
    return MeetingLinks.find(event.meetLink(), event.description());
  }
}
