package app.convene.client.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import app.convene.protocol.api.EventStatus;
import app.convene.protocol.api.EventView;
import app.convene.protocol.api.ServiceKind;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class JoinTargetTest {
  private static final Instant NINE = Instant.parse("2026-12-07T09:00:00Z");

  private static EventView event(ServiceKind service, String roomId, String meetLink,
      String description) {
    return new EventView("e1", "Planning", description, NINE, NINE.plusSeconds(1800), "UTC", null,
        List.of(), service, roomId, meetLink, EventStatus.SCHEDULED, null, 0, NINE);
  }

  @Test
  void aNativeMeetingWithARoomJoinsItsCallEvenWithAZoomLinkInItsText() {
    EventView event = event(ServiceKind.NATIVE, "room-1", null, "or https://zoom.us/j/5551234567");

    assertThat(JoinTarget.of(event)).get().isInstanceOfSatisfying(JoinTarget.NativeRoom.class,
        target -> assertThat(target.room().roomId()).isEqualTo("room-1"));
    assertThat(JoinTarget.webLink(event)).get().extracting(link -> link.kind().id())
        .isEqualTo("zoom");
  }

  @Test
  void aGoogleMeetMeetingOpensItsLink() {
    EventView event = event(ServiceKind.GOOGLE_MEET, null, "https://meet.google.com/abc-defg-hij",
        "");

    assertThat(JoinTarget.of(event)).get().isInstanceOfSatisfying(JoinTarget.WebLink.class,
        target -> assertThat(target.link().uri())
            .isEqualTo(URI.create("https://meet.google.com/abc-defg-hij")));
  }

  @Test
  void aGoogleMeetMeetingWhoseLinkIsNotMadeYetHasNoWayToJoin() {
    assertThat(JoinTarget.of(event(ServiceKind.GOOGLE_MEET, null, null, "agenda"))).isEmpty();
  }

  @Test
  void aNativeMeetingWithoutARoomFallsBackToALinkInItsText() {
    EventView event = event(ServiceKind.NATIVE, null, null,
        "Teams: https://teams.microsoft.com/l/meetup-join/19%3ameeting_x");

    assertThat(JoinTarget.of(event)).get().isInstanceOfSatisfying(JoinTarget.WebLink.class,
        target -> assertThat(target.link().kind().id()).isEqualTo("teams"));
    assertThat(JoinTarget.of(event(ServiceKind.NATIVE, null, null, ""))).isEmpty();
  }
}
