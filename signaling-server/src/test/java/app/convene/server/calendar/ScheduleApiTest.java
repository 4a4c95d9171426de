package app.convene.server.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import app.convene.protocol.api.AttendeeView;
import app.convene.protocol.api.EventView;
import app.convene.protocol.api.RoomView;
import app.convene.protocol.api.ScheduleResult;
import app.convene.protocol.api.ServiceKind;
import app.convene.server.testing.Api;
import app.convene.server.testing.Meeting;
import app.convene.server.testing.DatabaseApiTest;
import app.convene.server.testing.TestDatabase;
import com.fasterxml.jackson.core.type.TypeReference;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code POST /api/meetings/schedule}, and writes that fail half-way leaving nothing behind. */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class ScheduleApiTest extends DatabaseApiTest {
  private Api.User anna;

  @BeforeEach
  void signIn() {
    anna = api.register("Anna");
  }

  @Test
  void nativeMeetingIsScheduledWithItsOwnRoom() {
    Api.Answer answer = api.post("meetings/schedule", anna.token(),
        Meeting.titled("Design review").inviting("carl@example.org").schedule(4));

    assertThat(answer.status()).isEqualTo(201);
    ScheduleResult result = answer.as(ScheduleResult.class);
    RoomView room = result.room();
    assertThat(room.name()).isEqualTo("Design review");
    assertThat(room.host()).isEqualTo(anna.session().user());
    assertThat(room.maxUsers()).isEqualTo(4);
    assertThat(room.active()).isTrue();
    assertThat(room.inviteToken()).matches("[\\w-]{32}");
    assertThat(room.lastActiveAt()).isNull();
    assertThat(result.event().roomId()).isEqualTo(room.id());
    assertThat(result.event().service()).isEqualTo(ServiceKind.NATIVE);
    assertThat(result.event().attendees()).containsExactly(
        new AttendeeView("carl@example.org", null));
    assertThat(api.get("rooms", anna.token()).as(new TypeReference<List<RoomView>>() {}))
        .containsExactly(room);
    assertThat(api.get("rooms/" + room.id(), anna.token()).as(RoomView.class)).isEqualTo(room);
    assertThat(api.get("events/" + result.event().id(), anna.token()).as(EventView.class))
        .isEqualTo(result.event());
  }

  @Test
  void roomAdmitsEightWhenNoMaximumIsGiven() {
    ScheduleResult result = api.post("meetings/schedule", anna.token(),
        Meeting.titled("Standup").schedule(null)).as(ScheduleResult.class);

    assertThat(result.room().maxUsers()).isEqualTo(8);
  }

  @Test
  void googleMeetMeetingIsScheduledWithoutARoom() throws Exception {
    Map<String, Long> before = db.rowCounts();

    ScheduleResult result = api.post("meetings/schedule", anna.token(),
        Meeting.titled("Offsite").on(ServiceKind.GOOGLE_MEET).schedule(4))
        .as(ScheduleResult.class);

    assertThat(result.room()).isNull();
    assertThat(result.event().roomId()).isNull();
    assertThat(result.event().service()).isEqualTo(ServiceKind.GOOGLE_MEET);
    assertThat(db.rowCounts().get("video_rooms")).isEqualTo(before.get("video_rooms"));
  }

  @Test
  void badMaximumOrMissingEventIsRefusedWithoutARoom() throws Exception {
    Map<String, Long> before = db.rowCounts();

    Api.Answer zero = api.post("meetings/schedule", anna.token(),
        Meeting.titled("Standup").schedule(0));
    Api.Answer tooMany = api.post("meetings/schedule", anna.token(),
        Meeting.titled("Standup").schedule(1001));
    Api.Answer noEvent = api.post("meetings/schedule", anna.token(), "{\"maxUsers\":3}");

    assertThat(zero.error().message()).contains("maxUsers");
    assertThat(tooMany.error().message()).contains("maxUsers");
    assertThat(noEvent.error().message()).contains("event");
    assertThat(db.rowCounts()).isEqualTo(before);
  }

  @Test
  void eventInsertFailingAfterTheRoomInsertLeavesNoRoom() throws Exception {
    // A real failure of the database, after the room is in: events with this title break a rule.
    db.execute("ALTER TABLE calendar_events ADD CONSTRAINT test_doomed"
        + " CHECK (title <> 'Doomed meeting')");
    try {
      Map<String, Long> before = db.rowCounts();

      Api.Answer answer = api.post("meetings/schedule", anna.token(),
          Meeting.titled("Doomed meeting").inviting("carl@example.org").schedule(4));

      assertThat(answer.status()).isEqualTo(500);
      assertThat(answer.error().code()).isEqualTo("internal_error");
      assertThat(answer.error().message()).doesNotContain("test_doomed", "SQL");
      assertThat(db.rowCounts()).isEqualTo(before);
      assertThat(api.get("rooms", anna.token()).body()).isEqualTo("[]");
    } finally {
      db.execute("ALTER TABLE calendar_events DROP CONSTRAINT test_doomed");
    }
    assertThat(api.post("meetings/schedule", anna.token(),
        Meeting.titled("Doomed meeting").schedule(4)).status()).isEqualTo(201);
  }

  @Test
  void updateFailingAfterTheEventRowChangedLeavesTheMeetingAsItWas() throws Exception {
    EventView event = api.post("meetings/schedule", anna.token(),
        Meeting.titled("Planning").inviting("carl@example.org").schedule(4))
        .as(ScheduleResult.class).event();
    // The attendees are rewritten after the event row: make that second step fail.
    db.execute("ALTER TABLE event_attendees ADD CONSTRAINT test_doomed"
        + " CHECK (email <> 'doomed@example.org')");
    try {
      Api.Answer answer = api.put("events/" + event.id(), anna.token(),
          Meeting.titled("Planning, moved").inviting("doomed@example.org").request());

      assertThat(answer.status()).isEqualTo(500);
      assertThat(api.get("events/" + event.id(), anna.token()).as(EventView.class))
          .isEqualTo(event);
    } finally {
      db.execute("ALTER TABLE event_attendees DROP CONSTRAINT test_doomed");
    }
  }
}
