package app.convene.server.signaling;

import static org.assertj.core.api.Assertions.assertThat;

import app.convene.protocol.ErrorCode;
import app.convene.protocol.ErrorMessage;
import app.convene.protocol.Join;
import app.convene.protocol.Joined;
import app.convene.protocol.PeerJoined;
import app.convene.protocol.api.RoomRequest;
import app.convene.protocol.api.RoomView;
import app.convene.server.testing.Api;
import app.convene.server.testing.TestClient;
import app.convene.server.testing.TestServer;
import java.net.URI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The WebSocket upgrade needs an access token; a join needs a room the user may enter. */
class AuthenticatedJoinTest {
  private TestServer server;

  @BeforeEach
  void start() throws Exception {
    server = TestServer.start();
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  @Test
  void browserMayPassTheTokenAsAQueryParameter() throws Exception {
    URI uri = URI.create(server.server().signalingUri() + "?access_token=" + server.host().token());

    try (TestClient browser = TestClient.connect(uri, null, server::roomId)) {
      assertThat(browser.join("standup", "Anna").roomId()).isEqualTo(server.roomId("standup"));
    }
  }

  @Test
  void upgradeWithoutTokenIsRefusedWith401() throws Exception {
    TestClient.Failed refused =
        TestClient.connectLater(server.server().signalingUri(), null).awaitFailure();

    assertThat(refused.httpStatus()).isEqualTo(401);
  }

  @Test
  void roomsOwnMaximumReplacesTheServersDefault() throws Exception {
    String pair = server.api().post("rooms", server.host().token(), new RoomRequest("Pair", 2))
        .as(RoomView.class).id();
    TestClient anna = server.connect();
    TestClient boris = server.connect();
    TestClient carl = server.connect();

    Joined joined = (Joined) anna.joinRoom(pair, "Anna", null);
    assertThat(boris.joinRoom(pair, "Boris", null)).isInstanceOf(Joined.class);
    SignalMessageAssert.isError(carl.joinRoom(pair, "Carl", null), ErrorCode.ROOM_FULL);

    assertThat(joined.maxPeers()).isEqualTo(2);
    assertThat(anna.expect(PeerJoined.class).peer().name()).isEqualTo("Boris");
  }

  @Test
  void roomIdIsCanonicalised() throws Exception {
    String id = server.roomId("standup");
    TestClient anna = server.connect();

    anna.send(new Join(" " + id.toUpperCase() + " ", "Anna"));

    assertThat(anna.expect(Joined.class).roomId()).isEqualTo(id);
  }

  @Test
  void otherUsersNeedTheInviteTokenToJoinAStandaloneRoom() throws Exception {
    RoomView room = server.api().post("rooms", server.host().token(),
        new RoomRequest("Open house", null)).as(RoomView.class);
    Api.User guest = server.api().register("Guest");
    TestClient client = server.connect(guest.token());

    ErrorMessage refused = (ErrorMessage) client.joinRoom(room.id(), "Guest", null);
    Joined joined = (Joined) client.joinRoom(room.id(), "Guest", room.inviteToken());

    assertThat(refused.code()).isEqualTo(ErrorCode.ROOM_NOT_FOUND);
    assertThat(refused.ref()).isEqualTo("join");
    assertThat(refused.message()).doesNotContain("Open house");
    assertThat(joined.roomId()).isEqualTo(room.id());
    assertThat(joined.maxPeers()).isEqualTo(8);
  }

  /** Assertions on a reply that may be an error. */
  private static final class SignalMessageAssert {
    static void isError(Object reply, ErrorCode code) {
      assertThat(reply).isInstanceOfSatisfying(ErrorMessage.class,
          error -> assertThat(error.code()).isEqualTo(code));
    }
  }
}
