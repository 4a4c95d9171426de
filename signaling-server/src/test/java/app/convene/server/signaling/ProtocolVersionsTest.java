package app.convene.server.signaling;

import static org.assertj.core.api.Assertions.assertThat;

import app.convene.protocol.Candidate;
import app.convene.protocol.ErrorMessage;
import app.convene.protocol.Joined;
import app.convene.protocol.ProtocolVersion;
import app.convene.protocol.Removed;
import app.convene.protocol.View;
import app.convene.server.testing.TestClient;
import app.convene.server.testing.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Clients of protocol version 1 (the room's id in {@code room}), version 2 ({@code roomId}) and
 * version 3 ({@code view}) on the same server, as the messages are on the wire.
 */
class ProtocolVersionsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

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
  void version1JoinWithRoomIsAdmittedAndItsJoinedCarriesRoom() throws Exception {
    String roomId = server.roomId("standup");
    TestClient v1 = server.connect();

    v1.sendText("{\"type\":\"join\",\"protocol\":1,\"room\":\"" + roomId + "\",\"name\":\"Anna\"}");

    JsonNode joined = JSON.readTree(v1.textOf(v1.expect(Joined.class)));
    assertThat(joined.get("room").asText()).as("what a version-1 client reads").isEqualTo(roomId);
    assertThat(joined.get("roomId").asText()).isEqualTo(roomId);
  }

  @Test
  void version2JoinWithRoomIdIsAdmitted() throws Exception {
    String roomId = server.roomId("standup");
    TestClient v2 = server.connect();

    v2.sendText("{\"type\":\"join\",\"protocol\":2,\"roomId\":\"" + roomId + "\",\"name\":\"Anna\"}");

    Joined joined = v2.expect(Joined.class);
    assertThat(joined.roomId()).isEqualTo(roomId);
    assertThat(joined.protocol()).isEqualTo(ProtocolVersion.CURRENT).isEqualTo(3);
  }

  @Test
  void version1AndVersion2ClientsShareARoom() throws Exception {
    String roomId = server.roomId("standup");
    TestClient v1 = server.connect();
    v1.sendText("{\"type\":\"join\",\"protocol\":1,\"room\":\"" + roomId + "\",\"name\":\"Anna\"}");
    String annaPeer = v1.expect(Joined.class).peerId();
    TestClient v2 = server.connect();

    v2.sendText("{\"type\":\"join\",\"protocol\":2,\"roomId\":\"" + roomId + "\",\"name\":\"Boris\"}");

    assertThat(v2.expect(Joined.class).peers()).singleElement()
        .satisfies(p -> assertThat(p.peerId()).isEqualTo(annaPeer));
  }

  @Test
  void aViewReachesAVersion3PeerAndNeverAVersion2OneWhoStillGetsEverythingElse() throws Exception {
    String roomId = server.roomId("standup");
    TestClient anna = server.connect();
    String annaPeer = joinWith(anna, 3, roomId, "Anna");
    TestClient boris = server.connect();
    String borisPeer = joinWith(boris, 3, roomId, "Boris");
    TestClient old = server.connect();
    String oldPeer = joinWith(old, 2, roomId, "Vera");

    anna.send(new View(borisPeer, 480, 270));
    anna.send(View.hidden(oldPeer));
    anna.send(new Candidate(oldPeer, "0", 0, "candidate:1 1 udp 1 127.0.0.1 9 typ host"));

    View heard = boris.awaitMessage(View.class, v -> true);
    assertThat(heard).isEqualTo(new View(borisPeer, 480, 270).withFrom(annaPeer));
    // The candidate sent after the view arrives; the view before it never does.
    old.awaitMessage(Candidate.class, c -> c.from().equals(annaPeer));
    assertThat(old.hasReceived(m -> m instanceof View)).isFalse();
    assertThat(anna.hasReceived(m -> m instanceof ErrorMessage)).as("the sender hears no error")
        .isFalse();
  }

  @Test
  void aVersion1ParticipantEndedByTheHostReadsRoomInRemoved() throws Exception {
    String roomId = server.roomId("standup");
    TestClient v1 = server.connect();
    v1.sendText("{\"type\":\"join\",\"protocol\":1,\"room\":\"" + roomId + "\",\"name\":\"Anna\"}");
    v1.expect(Joined.class);

    assertThat(server.api().post("rooms/" + roomId + "/end", server.host().token(), null)
        .status()).isEqualTo(204);

    JsonNode removed = JSON.readTree(v1.textOf(v1.awaitMessage(Removed.class, r -> true)));
    assertThat(removed.get("room").asText()).isEqualTo(roomId);
    assertThat(removed.get("roomId").asText()).isEqualTo(roomId);
  }

  /** Joins with {@code version} as its join is on the wire; returns the peer id given. */
  private static String joinWith(TestClient client, int version, String roomId, String name)
      throws InterruptedException {
    client.sendText("{\"type\":\"join\",\"protocol\":" + version + ",\"roomId\":\"" + roomId
        + "\",\"name\":\"" + name + "\"}");
    return client.expect(Joined.class).peerId();
  }
}
