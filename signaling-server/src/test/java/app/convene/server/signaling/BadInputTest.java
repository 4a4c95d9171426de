package app.convene.server.signaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import app.convene.protocol.Answer;
import app.convene.protocol.ErrorCode;
import app.convene.protocol.ErrorMessage;
import app.convene.protocol.Join;
import app.convene.protocol.Joined;
import app.convene.protocol.Offer;
import app.convene.protocol.Notice;
import app.convene.protocol.Removed;
import app.convene.protocol.Peer;
import app.convene.protocol.PeerJoined;
import app.convene.protocol.PeerLeft;
import app.convene.protocol.SignalCodec;
import app.convene.server.testing.TestClient;
import app.convene.server.testing.TestServer;
import app.convene.server.testing.TestServer.Joiner;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every bad message gets a typed error; the socket stays open and the room goes on. */
class BadInputTest {
  private TestServer server;
  private Joiner anna;
  private Joiner boris;
  private Joiner mallory;

  @BeforeEach
  void startACallOfThree() throws Exception {
    server = TestServer.start();
    anna = server.joined("standup", "Anna");
    boris = server.joined("standup", "Boris");
    mallory = server.joined("standup", "Mallory");
    anna.client().expect(PeerJoined.class);
    anna.client().expect(PeerJoined.class);
    boris.client().expect(PeerJoined.class);
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  static Stream<Arguments> badMessages() {
    return Stream.of(
        arguments("not json", ErrorCode.MALFORMED_MESSAGE),
        arguments("{\"type\":\"offer\",\"to\":", ErrorCode.MALFORMED_MESSAGE),
        arguments("[\"offer\"]", ErrorCode.MALFORMED_MESSAGE),
        arguments("{\"type\":\"dance\"}", ErrorCode.UNKNOWN_TYPE),
        arguments("{\"to\":\"p-1\",\"sdp\":\"v=0\"}", ErrorCode.MISSING_FIELD),
        arguments("{\"type\":\"offer\",\"sdp\":\"v=0\"}", ErrorCode.MISSING_FIELD),
        arguments("{\"type\":\"answer\",\"to\":\"p-1\",\"sdp\":\" \"}", ErrorCode.MISSING_FIELD),
        arguments("{\"type\":\"candidate\",\"to\":\"p-1\",\"sdpMLineIndex\":\"zero\",\"candidate\":\"c\"}",
            ErrorCode.INVALID_FIELD),
        arguments("{\"type\":\"join\",\"protocol\":1,\"room\":[],\"name\":\"M\"}", ErrorCode.INVALID_FIELD),
        arguments(SignalCodec.write(new Joined(1, "standup", "p-1", List.of(), List.of(), 10)),
            ErrorCode.INVALID_FIELD),
        arguments(SignalCodec.write(new PeerJoined(new Peer("p-1", "Eve"))), ErrorCode.INVALID_FIELD),
        arguments(SignalCodec.write(new PeerLeft("p-1", PeerLeft.Reason.LEFT)), ErrorCode.INVALID_FIELD),
        arguments(SignalCodec.write(new ErrorMessage(ErrorCode.ROOM_FULL, "full")),
            ErrorCode.INVALID_FIELD),
        arguments("{\"type\":\"offer\",\"to\":" + "[".repeat(1200) + "]".repeat(1200) + "}",
            ErrorCode.MALFORMED_MESSAGE),
        arguments("{\"type\":\"candidate\",\"to\":\"p-1\",\"sdpMLineIndex\":0.5,"
            + "\"candidate\":\"c\"}", ErrorCode.INVALID_FIELD),
        arguments("{\"type\":\"offer\",\"to\":{\"a\":1},\"sdp\":\"v=0\"}",
            ErrorCode.INVALID_FIELD));
  }

  @ParameterizedTest(name = "{1}: {0}")
  @MethodSource("badMessages")
  void badMessageGetsATypedErrorAndDisturbsNoOne(String text, ErrorCode code) throws Exception {
    mallory.client().sendText(text);

    ErrorMessage error = mallory.client().expectError(code);

    assertThat(error.message()).isNotBlank()
        .doesNotContain("com.", "java.", "Exception", "`", "app.convene");
    assertOthersStillTalk();
    assertStillServed(mallory.client());
  }

  @Test
  void serverOnlyMessageNamesItsTypeInTheError() throws Exception {
    mallory.client().send(new PeerLeft(anna.peerId(), PeerLeft.Reason.LEFT));

    ErrorMessage error = mallory.client().expectError(ErrorCode.INVALID_FIELD);

    assertThat(error.ref()).isEqualTo("peer-left");
    assertThat(error.message()).isEqualTo("'peer-left' is sent by the server only");
    assertOthersStillTalk();
  }

  @Test
  void clientMayNotSendANotice() throws Exception {
    mallory.client().send(new Notice("n-1", Notice.Kind.CANCELLED, Instant.EPOCH, null, null,
        "Standup", null, null, "Mallory"));

    ErrorMessage error = mallory.client().expectError(ErrorCode.INVALID_FIELD);

    assertThat(error.ref()).isEqualTo("notice");
    assertThat(error.message()).isEqualTo("'notice' is sent by the server only");
    assertOthersStillTalk();
  }

  @ParameterizedTest
  @ValueSource(strings = {"Eve\\u202Egnp.exe", "Eve\\u2066", "E\\u200Bve", "\\uFEFFEve",
      "Eve\\uD800"}) // JSON escapes: a lone surrogate cannot travel as UTF-8
  void joinNameWithHiddenOrHalfCharactersIsRefused(String name) throws Exception {
    TestClient eve = server.connect();

    eve.sendText(SignalCodec.write(new Join("standup", "NAME")).replace("NAME", name));

    ErrorMessage error = eve.expectError(ErrorCode.INVALID_FIELD);
    assertThat(error.message()).startsWith("'name' ");
    assertOthersStillTalk();
  }

  @Test
  void clientMayNotSendARemoval() throws Exception {
    mallory.client().send(new Removed(server.roomId("standup"), Removed.Reason.REMOVED_BY_HOST));

    ErrorMessage error = mallory.client().expectError(ErrorCode.INVALID_FIELD);

    assertThat(error.ref()).isEqualTo("removed");
    assertThat(error.message()).isEqualTo("'removed' is sent by the server only");
    assertOthersStillTalk();
  }

  @Test
  void binaryMessageIsMalformed() throws Exception {
    mallory.client().sendBinary(new byte[] {1, 2, 3});

    mallory.client().expectError(ErrorCode.MALFORMED_MESSAGE);
    assertOthersStillTalk();
    assertStillServed(mallory.client());
  }

  @Test
  void unsupportedProtocolVersionIsRefusedAndAJoinWithTheRightOneWorks() throws Exception {
    TestClient future = server.connect();

    future.send(new Join(99, "retro", "Future", null));

    ErrorMessage error = future.expectError(ErrorCode.UNSUPPORTED_PROTOCOL);
    assertThat(error.ref()).isEqualTo("join");
    assertThat(error.message()).contains("99");
    assertThat(future.join("retro", "Future").peers()).isEmpty();
  }

  @Test
  void joinWithoutProtocolIsRefused() throws Exception {
    TestClient old = server.connect();

    old.sendText("{\"type\":\"join\",\"room\":\"retro\",\"name\":\"Old\"}");

    ErrorMessage error = old.expectError(ErrorCode.MISSING_FIELD);
    assertThat(error.ref()).isEqualTo("join");
    assertThat(error.message()).contains("protocol");
  }

  /** An offer and its answer between the two well-behaved members still go through. */
  private void assertOthersStillTalk() throws InterruptedException {
    anna.client().send(new Offer(boris.peerId(), "v=0 offer"));
    assertThat(boris.client().expect(Offer.class))
        .isEqualTo(new Offer(anna.peerId(), boris.peerId(), "v=0 offer"));
    boris.client().send(new Answer(anna.peerId(), "v=0 answer"));
    assertThat(anna.client().expect(Answer.class))
        .isEqualTo(new Answer(boris.peerId(), anna.peerId(), "v=0 answer"));
  }

  /** The misbehaving client is still in the room and can still relay. */
  private void assertStillServed(TestClient client) throws InterruptedException {
    client.send(new Offer(anna.peerId(), "v=0 from mallory"));
    assertThat(anna.client().expect(Offer.class).from()).isEqualTo(mallory.peerId());
  }
}
