package app.convene.server.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import app.convene.protocol.ErrorCode;
import app.convene.protocol.ErrorMessage;
import app.convene.protocol.Joined;
import app.convene.protocol.api.RoomRequest;
import app.convene.protocol.api.RoomView;
import app.convene.server.testing.Api;
import app.convene.server.testing.TestClient;
import app.convene.server.testing.TestClock;
import app.convene.server.testing.TestServer;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Guessing invite tokens over the socket: after the free failures even the right one waits. */
class InviteThrottleTest {

  @Test
  void wrongInviteTokensMakeTheUserWaitBeforeTheRightOneWorks() throws Exception {
    TestClock clock = new TestClock(Instant.parse("2026-03-02T09:00:00Z"));
    ThrottleSettings throttle = ThrottleSettings.DEFAULT.withAccountFailures(2)
        .withAddressFailures(1_000_000).withAttemptsPerWindow(1_000_000);
    try (TestServer server = TestServer.start(TestServer.config().withThrottle(throttle), clock)) {
      Api.User host = server.api().register("Host");
      RoomView room = server.api().post("rooms", host.token(), new RoomRequest("Guarded", null))
          .as(RoomView.class);
      TestClient guesser = server.connect(server.api().register("Guesser").token());

      for (int i = 0; i < 3; i++) {
        assertThat(guesser.joinRoom(room.id(), "Guesser", "guess-" + i))
            .isInstanceOfSatisfying(ErrorMessage.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.ROOM_NOT_FOUND));
      }
      assertThat(guesser.joinRoom(room.id(), "Guesser", room.inviteToken()))
          .as("the right token while the user must wait").isInstanceOf(ErrorMessage.class);

      clock.advance(Duration.ofSeconds(1));
      assertThat(guesser.joinRoom(room.id(), "Guesser", room.inviteToken()))
          .isInstanceOf(Joined.class);
    }
  }
}
