package app.convene.server.mail;

import app.convene.protocol.api.AttendeeView;
import app.convene.protocol.api.EventStatus;
import app.convene.protocol.api.EventView;
import app.convene.protocol.api.ServiceKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One invitation e-mail to send, to each of its recipients: what it says about which meeting.
 * The static methods decide who hears what about a change; only native meetings (with a room)
 * are mailed: Google sends its own invitations for Google Meet ones, and the owner is the
 * organizer, never a recipient.
 *
 * @param meeting the meeting as it is now; its UID, SEQUENCE, times and title go into the message
 * @param recipients who gets the message, one e-mail each
 * @param listed the ATTENDEEs of the iCalendar object: all attendees, or for {@link
 *     InviteKind#REMOVAL} those removed
 */
record Delivery(InviteKind kind, EventView meeting, List<AttendeeView> recipients,
    List<AttendeeView> listed) {

  Delivery {
    Objects.requireNonNull(kind, "kind == null");
    Objects.requireNonNull(meeting, "meeting == null");
    recipients = List.copyOf(recipients);
    listed = List.copyOf(listed);
  }

  /** A new meeting: an invitation to every attendee. */
  static List<Delivery> created(EventView meeting) {
    if (!mailed(meeting) || meeting.status() == EventStatus.CANCELLED) {
      return List.of();
    }
    return nonEmpty(new Delivery(InviteKind.INVITATION, meeting, meeting.attendees(),
        meeting.attendees()));
  }

  /**
   * A changed meeting: an update to the attendees who were on it, an invitation to those just
   * added, a cancellation to those removed. A meeting moved from native to Google Meet is
   * cancelled for all of its former attendees. A cancelled meeting gets nothing more.
   */
  static List<Delivery> updated(EventView before, EventView after) {
    if (after.status() == EventStatus.CANCELLED) {
      return List.of();
    }
    if (!mailed(after)) {
      return mailed(before)
          ? nonEmpty(new Delivery(InviteKind.CANCELLATION, after, before.attendees(),
              before.attendees()))
          : List.of();
    }
    Set<String> had = mailed(before) ? emails(before.attendees()) : Set.of();
    Set<String> has = emails(after.attendees());
    List<AttendeeView> kept = after.attendees().stream().filter(a -> had.contains(a.email()))
        .toList();
    List<AttendeeView> added = after.attendees().stream().filter(a -> !had.contains(a.email()))
        .toList();
    List<AttendeeView> removed = mailed(before)
        ? before.attendees().stream().filter(a -> !has.contains(a.email())).toList()
        : List.of();
    List<Delivery> all = new ArrayList<>();
    all.addAll(nonEmpty(new Delivery(InviteKind.UPDATE, after, kept, after.attendees())));
    all.addAll(nonEmpty(new Delivery(InviteKind.INVITATION, after, added, after.attendees())));
    all.addAll(nonEmpty(new Delivery(InviteKind.REMOVAL, after, removed, removed)));
    return all;
  }

  /** A cancelled meeting: a cancellation to every attendee. */
  static List<Delivery> cancelled(EventView meeting) {
    if (!mailed(meeting)) {
      return List.of();
    }
    return nonEmpty(new Delivery(InviteKind.CANCELLATION, meeting, meeting.attendees(),
        meeting.attendees()));
  }

  /** The same message to fewer recipients, e.g. those to try again. */
  Delivery to(List<AttendeeView> fewer) {
    return new Delivery(kind, meeting, fewer, listed);
  }

  /** Whether we send invitations for this meeting: a native one with its room. */
  static boolean mailed(EventView meeting) {
    return meeting.service() == ServiceKind.NATIVE && meeting.roomId() != null;
  }

  private static List<Delivery> nonEmpty(Delivery delivery) {
    return delivery.recipients().isEmpty() ? List.of() : List.of(delivery);
  }

  private static Set<String> emails(List<AttendeeView> attendees) {
    return attendees.stream().map(AttendeeView::email).collect(Collectors.toSet());
  }
}
