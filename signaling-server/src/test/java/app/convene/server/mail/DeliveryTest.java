package app.convene.server.mail;

import static org.assertj.core.api.Assertions.assertThat;

import app.convene.protocol.api.AttendeeView;
import app.convene.protocol.api.EventStatus;
import app.convene.protocol.api.EventView;
import app.convene.protocol.api.ServiceKind;
import app.convene.protocol.api.UserView;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Who hears what about a change; the common cases run end to end in InvitationMailTest. */
class DeliveryTest {
  private static final AttendeeView CARL = new AttendeeView("carl@example.org", "Carl");
  private static final AttendeeView DORA = new AttendeeView("dora@example.org", null);
  private static final String ID = UUID.randomUUID().toString();
  private static final String ROOM = UUID.randomUUID().toString();

  @Test
  void meetingMovedToGoogleMeetIsCancelledForItsFormerAttendees() {
    EventView before = meeting(ServiceKind.NATIVE, ROOM, EventStatus.SCHEDULED, 0, CARL, DORA);
    EventView after = meeting(ServiceKind.GOOGLE_MEET, ROOM, EventStatus.SCHEDULED, 1, CARL);

    List<Delivery> deliveries = Delivery.updated(before, after);

    assertThat(deliveries).containsExactly(
        new Delivery(InviteKind.CANCELLATION, after, List.of(CARL, DORA), List.of(CARL, DORA)));
  }

  @Test
  void changingACancelledMeetingSendsNothingMore() {
    EventView before = meeting(ServiceKind.NATIVE, ROOM, EventStatus.CANCELLED, 1, CARL);
    EventView after = meeting(ServiceKind.NATIVE, ROOM, EventStatus.CANCELLED, 2, CARL, DORA);

    assertThat(Delivery.updated(before, after)).isEmpty();
  }

  @Test
  void meetingWithoutARoomOrAttendeesSendsNothing() {
    EventView roomless = meeting(ServiceKind.NATIVE, null, EventStatus.SCHEDULED, 0, CARL);
    EventView alone = meeting(ServiceKind.NATIVE, ROOM, EventStatus.SCHEDULED, 0);

    assertThat(Delivery.created(roomless)).isEmpty();
    assertThat(Delivery.cancelled(roomless)).isEmpty();
    assertThat(Delivery.created(alone)).isEmpty();
    assertThat(Delivery.updated(alone, alone)).isEmpty();
  }

  private static EventView meeting(ServiceKind service, String roomId, EventStatus status,
      int sequence, AttendeeView... attendees) {
    Instant start = Instant.parse("2026-12-01T09:00:00Z");
    return new EventView(ID, "Planning", null, start, start.plusSeconds(1800), "Europe/Berlin",
        new UserView(UUID.randomUUID().toString(), "anna@example.org", "Anna"), List.of(attendees),
        service, roomId, null, status, null, sequence, start);
  }
}
