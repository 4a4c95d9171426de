package app.convene.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class SignalCodecTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static Stream<Arguments> samples() {
    return Stream.of(
        Arguments.of("join.json", Join.class),
        Arguments.of("joined.json", Joined.class),
        Arguments.of("peer-joined.json", PeerJoined.class),
        Arguments.of("peer-left.json", PeerLeft.class),
        Arguments.of("offer.json", Offer.class),
        Arguments.of("answer.json", Answer.class),
        Arguments.of("candidate.json", Candidate.class),
        Arguments.of("rejected.json", Rejected.class),
        Arguments.of("view.json", View.class),
        Arguments.of("leave.json", Leave.class),
        Arguments.of("error.json", ErrorMessage.class),
        Arguments.of("notice.json", Notice.class),
        Arguments.of("removed.json", Removed.class));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void sampleRoundTripsToTheSameJson(String file, Class<?> type) throws Exception {
    String sample = resource(file);

    SignalMessage message = SignalCodec.parse(sample);
    String written = SignalCodec.write(message);

    assertThat(message).isInstanceOf(type);
    assertThat(JSON.readTree(written)).isEqualTo(JSON.readTree(sample));
    assertThat(SignalCodec.parse(written)).isEqualTo(message);
  }

  @Test
  void everyPermittedMessageHasASampleAndARegisteredTypeName() {
    List<Class<?>> registered =
        Arrays.stream(SignalMessage.class.getAnnotation(JsonSubTypes.class).value())
            .<Class<?>>map(JsonSubTypes.Type::value)
            .toList();
    List<Class<?>> permitted =
        Arrays.stream(SignalMessage.class.getPermittedSubclasses())
            .flatMap(c -> c.isInterface() ? Arrays.stream(c.getPermittedSubclasses()) : Stream.of(c))
            .toList();
    List<Object> sampled = samples().map(a -> a.get()[1]).toList();

    assertThat(registered).containsExactlyInAnyOrderElementsOf(permitted);
    assertThat(sampled).containsExactlyInAnyOrderElementsOf(permitted);
  }

  @Test
  void everyMessageHasItsTypeNameAndIsDocumentedInTheProtocol() throws Exception {
    String protocol = java.nio.file.Files.readString(
        java.nio.file.Path.of(System.getProperty("user.dir")).resolveSibling("docs")
            .resolve("protocol.md"));
    String table = protocol.substring(protocol.indexOf("## 2. Messages"),
        protocol.indexOf("## 3. Errors"));
    for (Object[] sample : samples().map(a -> a.get()).toList()) {
      SignalMessage message = SignalCodec.parse(resource((String) sample[0]));
      String type = SignalCodec.typeOf(message);

      assertThat(JSON.readTree(SignalCodec.write(message)).get("type").asText()).isEqualTo(type);
      assertThat(table).as("docs/protocol.md's table of section 2 lists %s", type)
          .contains("| [`" + type + "`](#");
      assertThat(table).as("docs/protocol.md has a section on %s", type)
          .containsPattern("(?m)^### (.*, )?" + java.util.regex.Pattern.quote(type) + "(,.*)?$");
    }
    assertThat(SignalCodec.typeNames().values()).doesNotHaveDuplicates();
  }

  @Test
  void peerJoinedWithFreshIceServersRoundTrips() throws Exception {
    String sample = resource("peer-joined-ice.json");

    PeerJoined message = (PeerJoined) SignalCodec.parse(sample);

    assertThat(message.iceServers()).singleElement()
        .satisfies(s -> assertThat(s.username()).isEqualTo("1796608800:p-91c2"));
    assertThat(JSON.readTree(SignalCodec.write(message))).isEqualTo(JSON.readTree(sample));
    assertThat(((PeerJoined) SignalCodec.parse(resource("peer-joined.json"))).iceServers()).isNull();
  }

  @Test
  void joinCarriesTheCurrentProtocolVersionByDefault() throws Exception {
    JsonNode json = JSON.readTree(SignalCodec.write(new Join("standup", "Anna")));

    assertThat(json.get("protocol").asInt()).isEqualTo(ProtocolVersion.CURRENT);
  }

  @Test
  void joinWithAnInviteRoundTripsAndWithoutOneOmitsIt() throws Exception {
    Join invited = new Join("r-42", "Guest", "inv-9f2c");

    assertThat(SignalCodec.parse(SignalCodec.write(invited))).isEqualTo(invited);
    assertThat(JSON.readTree(SignalCodec.write(new Join("r-42", "Anna"))).has("invite")).isFalse();
  }

  @Test
  void resumingJoinCarriesItsTokenAndAFirstJoinOmitsIt() throws Exception {
    Join first = new Join("r-42", "Anna");
    Join again = first.resuming("djEu.c2ln");

    JsonNode json = JSON.readTree(SignalCodec.write(again));

    assertThat(json.get("resume").asText()).isEqualTo("djEu.c2ln");
    assertThat(SignalCodec.parse(SignalCodec.write(again))).isEqualTo(again);
    assertThat(JSON.readTree(SignalCodec.write(first)).has("resume")).isFalse();
  }

  @Test
  void joinedFromAServerWithoutResumeParsesWithNoToken() throws Exception {
    SignalMessage old = SignalCodec.parse(
        "{\"type\":\"joined\",\"protocol\":1,\"room\":\"r\",\"peerId\":\"p-1\","
            + "\"peers\":[],\"iceServers\":[],\"maxPeers\":10}");

    assertThat(old).isInstanceOfSatisfying(Joined.class, j -> assertThat(j.resumeToken()).isNull());
  }

  @Test
  void version1JoinWithRoomReadsAsTheSameJoinAsVersion2WithRoomId() throws Exception {
    Join v1 = (Join) SignalCodec.parse(resource("join-v1.json"));
    Join v2 = (Join) SignalCodec.parse(resource("join.json"));

    assertThat(v1.protocol()).isEqualTo(1);
    assertThat(v1.roomId()).isEqualTo("design-review").isEqualTo(v2.roomId());
    assertThat(v2.protocol()).isEqualTo(2);
  }

  @Test
  void joinIsWrittenWithRoomIdOnly() throws Exception {
    JsonNode json = JSON.readTree(SignalCodec.write(new Join("r-42", "Anna")));

    assertThat(json.get("roomId").asText()).isEqualTo("r-42");
    assertThat(json.has("room")).isFalse();
  }

  @Test
  void joinedAndRemovedCarryTheRoomIdUnderBothNamesWhileVersion1IsSupported() throws Exception {
    assertThat(ProtocolVersion.OLDEST_SUPPORTED).as("drop 'room' once version 1 is gone")
        .isEqualTo(1);
    JsonNode joined = JSON.readTree(SignalCodec.write(
        new Joined(ProtocolVersion.CURRENT, "r-42", "p-1", List.of(), List.of(), 8)));
    JsonNode removed = JSON.readTree(SignalCodec.write(
        new Removed("r-42", Removed.Reason.ENDED_BY_HOST)));

    for (JsonNode json : List.of(joined, removed)) {
      assertThat(json.get("roomId").asText()).isEqualTo("r-42");
      assertThat(json.get("room").asText()).isEqualTo("r-42");
    }
  }

  @Test
  void joinedAndRemovedOfAVersion1ServerParse() throws Exception {
    SignalMessage joined = SignalCodec.parse("{\"type\":\"joined\",\"protocol\":1,"
        + "\"room\":\"r-42\",\"peerId\":\"p-1\",\"peers\":[],\"maxPeers\":8}");
    SignalMessage removed =
        SignalCodec.parse("{\"type\":\"removed\",\"reason\":\"UNINVITED\",\"room\":\"r-42\"}");

    assertThat(joined).isInstanceOfSatisfying(Joined.class,
        j -> assertThat(j.roomId()).isEqualTo("r-42"));
    assertThat(removed).isEqualTo(new Removed("r-42", Removed.Reason.UNINVITED));
  }

  @Test
  void roomIdAndItsVersion1NameRoomMustAgreeWhenBothCome() throws Exception {
    Join both = (Join) SignalCodec.parse(
        "{\"type\":\"join\",\"protocol\":2,\"roomId\":\"r-42\",\"room\":\"r-42\",\"name\":\"A\"}");

    assertThat(both.roomId()).isEqualTo("r-42");
    assertThatThrownBy(() -> SignalCodec.parse(
        "{\"type\":\"join\",\"protocol\":2,\"roomId\":\"new\",\"room\":\"old\",\"name\":\"A\"}"))
        .isInstanceOfSatisfying(ProtocolException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.INVALID_FIELD);
          assertThat(e.ref()).isEqualTo("join");
        });
  }

  @Test
  void relayedMessageFromAClientOmitsFromUntilTheServerStampsIt() throws Exception {
    Offer sent = new Offer("p-2", "v=0");

    assertThat(JSON.readTree(SignalCodec.write(sent)).has("from")).isFalse();
    assertThat(sent.withFrom("p-1")).isEqualTo(new Offer("p-1", "p-2", "v=0"));
  }

  @Test
  void noticeKeysItsOccurrenceLikeTheClientsRemindersAndOmitsAbsentFields() throws Exception {
    Notice notice = new Notice("invited:e-1:0", Notice.Kind.INVITED,
        Instant.parse("2026-12-01T08:00:00Z"), "e-1", null, "Standup",
        Instant.parse("2026-12-01T09:00:00Z"), null, "Anna");

    JsonNode json = JSON.readTree(SignalCodec.write(notice));

    assertThat(notice.occurrenceKey()).isEqualTo("e-1@1796115600000");
    assertThat(json.has("occurrenceKey")).isFalse();
    assertThat(json.has("roomId")).isFalse();
    assertThat(json.has("minutes")).isFalse();
    assertThat(json.get("at").asText()).isEqualTo("2026-12-01T08:00:00Z");
  }

  @Test
  void unknownFieldsAreIgnored() throws Exception {
    SignalMessage message = SignalCodec.parse("{\"type\":\"leave\",\"future\":[1,2]}");

    assertThat(message).isEqualTo(new Leave());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "not json", "{\"type\":\"leave\"", "[]", "42", "\"join\"", "null",
      "{\"type\":\"leave\"} trailing"})
  void malformedTextIsRejectedAsMalformed(String text) {
    assertThatThrownBy(() -> SignalCodec.parse(text))
        .isInstanceOfSatisfying(
            ProtocolException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_MESSAGE));
  }

  @Test
  void emptyObjectIsMissingItsType() {
    assertThatThrownBy(() -> SignalCodec.parse("{}"))
        .isInstanceOfSatisfying(
            ProtocolException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.MISSING_FIELD);
              assertThat(e.getMessage()).contains("type");
            });
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"type\":\"dance\"}", "{\"type\":7}", "{\"type\":\"Join\"}"})
  void unknownTypeIsRejectedAsUnknown(String text) {
    assertThatThrownBy(() -> SignalCodec.parse(text))
        .isInstanceOfSatisfying(
            ProtocolException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_TYPE));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"type\":\"join\",\"protocol\":1,\"name\":\"Anna\"}",
      "{\"type\":\"join\",\"protocol\":1,\"room\":\"  \",\"name\":\"Anna\"}",
      "{\"type\":\"offer\",\"sdp\":\"v=0\"}",
      "{\"type\":\"answer\",\"to\":\"p-1\"}",
      "{\"type\":\"candidate\",\"to\":\"p-1\",\"sdpMid\":\"0\",\"sdpMLineIndex\":0}",
      "{\"type\":\"peer-joined\"}",
      "{\"type\":\"peer-left\",\"peerId\":\"p-1\"}",
      "{\"type\":\"error\",\"message\":\"x\"}",
      "{\"type\":\"join\",\"room\":\"r\",\"name\":\"n\"}",
      "{\"type\":\"join\",\"protocol\":null,\"room\":\"r\",\"name\":\"n\"}",
      "{\"type\":\"candidate\",\"to\":\"p-1\",\"candidate\":\"c\"}",
      "{\"type\":\"notice\",\"kind\":\"INVITED\",\"at\":\"2026-12-01T08:00:00Z\"}",
      "{\"type\":\"notice\",\"id\":\"n-1\",\"at\":\"2026-12-01T08:00:00Z\"}",
      "{\"type\":\"notice\",\"id\":\"n-1\",\"kind\":\"INVITED\"}"})
  void missingRequiredFieldIsRejectedNamingTheField(String text) {
    assertThatThrownBy(() -> SignalCodec.parse(text))
        .isInstanceOfSatisfying(
            ProtocolException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.MISSING_FIELD);
              assertThat(e.getMessage()).startsWith("missing field '");
              assertThat(e.ref()).isNotNull();
            });
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"type\":\"candidate\",\"to\":\"p-1\",\"sdpMLineIndex\":\"zero\",\"candidate\":\"c\"}",
      "{\"type\":\"join\",\"protocol\":\"one\",\"room\":\"r\",\"name\":\"n\"}",
      "{\"type\":\"join\",\"protocol\":1,\"room\":[],\"name\":\"n\"}",
      "{\"type\":\"join\",\"protocol\":2,\"roomId\":{},\"name\":\"n\"}",
      "{\"type\":\"peer-left\",\"peerId\":\"p-1\",\"reason\":\"BORED\"}",
      "{\"type\":\"offer\",\"to\":[\"p-1\"],\"sdp\":\"v=0\"}",
      "{\"type\":\"notice\",\"id\":\"n-1\",\"kind\":\"PARTY\",\"at\":\"2026-12-01T08:00:00Z\"}",
      "{\"type\":\"notice\",\"id\":\"n-1\",\"kind\":\"INVITED\",\"at\":\"yesterday\"}",
      "{\"type\":\"notice\",\"id\":\"n-1\",\"kind\":\"INVITED\",\"at\":\"2026-12-01T08:00:00Z\","
          + "\"minutes\":\"five\"}"})
  void fieldOfTheWrongTypeIsRejectedAsInvalid(String text) {
    assertThatThrownBy(() -> SignalCodec.parse(text))
        .isInstanceOfSatisfying(
            ProtocolException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_FIELD));
  }

  @Test
  void aRejectionAboutAnUnknownTypeOrWithAnOverlongReasonIsInvalidInPlainWords() {
    for (String text : List.of(
        "{\"type\":\"rejected\",\"to\":\"p-1\",\"about\":\"sdp\",\"reason\":\"no\"}",
        "{\"type\":\"rejected\",\"to\":\"p-1\",\"about\":\"offer\",\"reason\":\""
            + "r".repeat(Rejected.MAX_REASON + 1) + "\"}")) {
      assertThatThrownBy(() -> SignalCodec.parse(text))
          .isInstanceOfSatisfying(ProtocolException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_FIELD);
            assertThat(e.getMessage()).contains("'").doesNotContain("app.convene", "construct");
          });
    }
  }

  @Test
  void aViewIsATileBoxOrNothingAndAnythingElseIsInvalidInPlainWords() throws Exception {
    View view = (View) SignalCodec.parse("{\"type\":\"view\",\"to\":\"p-1\",\"width\":480,"
        + "\"height\":270}");
    assertThat(view).isEqualTo(new View("p-1", 480, 270));
    assertThat(view.isHidden()).isFalse();
    View hidden = View.hidden("p-1").withFrom("p-2");
    assertThat(SignalCodec.parse(SignalCodec.write(hidden))).isEqualTo(hidden);
    assertThat(hidden.isHidden()).isTrue();

    for (String text : List.of(
        "{\"type\":\"view\",\"to\":\"p-1\",\"width\":-1,\"height\":270}",
        "{\"type\":\"view\",\"to\":\"p-1\",\"width\":480,\"height\":0}",
        "{\"type\":\"view\",\"to\":\"p-1\",\"width\":0,\"height\":270}",
        "{\"type\":\"view\",\"to\":\"p-1\",\"width\":16385,\"height\":270}",
        "{\"type\":\"view\",\"to\":\"p-1\",\"width\":\"wide\",\"height\":270}")) {
      assertThatThrownBy(() -> SignalCodec.parse(text)).as(text)
          .isInstanceOfSatisfying(ProtocolException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_FIELD);
            assertThat(e.getMessage()).doesNotContain("app.convene", "construct", "Integer");
          });
    }
    for (String text : List.of(
        "{\"type\":\"view\",\"to\":\"p-1\",\"height\":270}",
        "{\"type\":\"view\",\"width\":480,\"height\":270}")) {
      assertThatThrownBy(() -> SignalCodec.parse(text)).as(text)
          .isInstanceOfSatisfying(ProtocolException.class,
              e -> assertThat(e.code()).isEqualTo(ErrorCode.MISSING_FIELD));
    }
  }

  @Test
  void protocolExceptionBecomesAnErrorMessageNamingTheOffendingType() throws Exception {
    try {
      SignalCodec.parse("{\"type\":\"offer\",\"sdp\":\"v=0\"}");
    } catch (ProtocolException e) {
      ErrorMessage error = e.toMessage();
      assertThat(error.code()).isEqualTo(ErrorCode.MISSING_FIELD);
      assertThat(error.ref()).isEqualTo("offer");
      assertThat(SignalCodec.parse(SignalCodec.write(error))).isEqualTo(error);
      return;
    }
    throw new AssertionError("expected a ProtocolException");
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = SignalCodecTest.class.getResourceAsStream("/messages/" + name)) {
      if (in == null) {
        throw new IOException("no sample " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    }
  }
}
