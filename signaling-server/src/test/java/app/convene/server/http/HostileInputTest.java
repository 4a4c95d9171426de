package app.convene.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import app.convene.server.testing.Api;
import app.convene.server.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Input that a real client never sends: fractions for whole numbers, half characters, characters
 * that hide or reverse text in names, and bodies of every wrong shape on every route. Each is a
 * clear 400 whose words never name a Java class.
 */
class HostileInputTest {
  private static TestServer server;
  private static Api api;
  private static Api.User anna;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start();
    api = server.api();
    anna = api.register("Anna");
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  @Test
  void fractionalMaxUsersIsRefusedNotRoundedDown() {
    Api.Answer answer = api.post("rooms", anna.token(), "{\"name\":\"Standup\",\"maxUsers\":1.5}");

    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    assertThat(answer.error().message())
        .isEqualTo("field 'maxUsers' has an invalid value; expected a whole number");
    assertThat(api.get("rooms", anna.token()).body()).doesNotContain("Standup");
  }

  @Test
  void wholeNumberWrittenWithAPointIsRefusedToo() {
    Api.Answer answer = api.post("rooms", anna.token(), "{\"name\":\"Standup\",\"maxUsers\":4.0}");

    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
  }

  @ParameterizedTest(name = "U+{0}")
  @ValueSource(strings = {"202A", "202B", "202C", "202D", "202E", "2066", "2067", "2068", "2069",
      "200B", "200C", "200D", "2060", "FEFF"})
  void namesPeopleSeeRefuseHiddenAndDirectionCharacters(String hex) {
    String sneaky = "Anna" + (char) Integer.parseInt(hex, 16) + "gnp.exe";

    List<Api.Answer> answers = List.of(
        api.post("auth/register", null, "{\"email\":\"" + UUID.randomUUID() + "@example.org\","
            + "\"password\":\"correct horse battery\",\"displayName\":\"" + sneaky + "\"}"),
        api.post("rooms", anna.token(), "{\"name\":\"" + sneaky + "\"}"),
        api.post("events", anna.token(), "{\"title\":\"" + sneaky + "\",\"start\":"
            + "\"2027-01-04T09:00:00Z\",\"end\":\"2027-01-04T10:00:00Z\",\"zone\":\"UTC\"}"));

    assertThat(answers).allSatisfy(answer -> {
      assertThat(answer.status()).as(answer.body()).isEqualTo(400);
      assertThat(answer.error().message())
          .endsWith("must not contain invisible or text-direction characters (U+" + hex + ")");
    });
  }

  @Test
  void loneSurrogateInANameIsRefusedNotStoredAsQuestionMark() {
    Api.Answer room = api.post("rooms", anna.token(), "{\"name\":\"Stand\\ud800up\"}");
    Api.Answer user = api.post("auth/register", null, "{\"email\":\"" + UUID.randomUUID()
        + "@example.org\",\"password\":\"correct horse battery\",\"displayName\":\"\\udc00\"}");

    assertThat(room.status()).as(room.body()).isEqualTo(400);
    assertThat(room.error().message()).isEqualTo("'name' contains half of a character (U+D800 "
        + "without its pair)");
    assertThat(user.status()).as(user.body()).isEqualTo(400);
  }

  @Test
  void ordinaryNamesInManyScriptsStillPass() {
    for (String name : List.of("Анна Петрова", "José Ñúñez", "王小明", "שרה כהן", "Zoë 🎉")) {
      Api.Answer answer = api.post("rooms", anna.token(), new app.convene.protocol.api.RoomRequest(
          name, 4));
      assertThat(answer.status()).as(name + ": " + answer.body()).isEqualTo(201);
    }
  }

  @Test
  void noErrorOnAnyRouteNamesAJavaClass() {
    String room = api.post("rooms", anna.token(), "{\"name\":\"Sweep\"}").as(
        app.convene.protocol.api.RoomView.class).id();
    String event = UUID.randomUUID().toString();
    List<String[]> routes = List.of(
        new String[] {"POST", "auth/register"}, new String[] {"POST", "auth/login"},
        new String[] {"POST", "auth/refresh"}, new String[] {"POST", "auth/logout"},
        new String[] {"POST", "rooms"}, new String[] {"POST", "events"},
        new String[] {"PUT", "events/" + event}, new String[] {"POST", "meetings/schedule"},
        new String[] {"PUT", "preferences"}, new String[] {"GET", "rooms/" + room},
        new String[] {"GET", "rooms/not-a-uuid"}, new String[] {"GET", "events?from=yesterday"});
    List<String> bodies = List.of("", "{", "[]", "[{}]", "\"text\"", "42", "null", "{}",
        "{\"name\":[]}", "{\"name\":{}}", "{\"maxUsers\":\"many\"}", "{\"maxUsers\":1e400}",
        "{\"maxUsers\":99999999999999999999}", "{\"start\":\"tomorrow\"}", "{\"start\":[1,2]}",
        "{\"attendees\":\"x\"}", "{\"attendees\":[1]}", "{\"email\":{},\"password\":[]}",
        "{\"service\":\"carrier-pigeon\"}", "{\"refreshToken\":7}", "{\"a\":1} trailing",
        "{\"title\":\"\\ud800\"}", "\u00ff\u00fe", "{\"zone\":\"Mars/Olympus\"}",
        "{\"recurrence\":{\"frequency\":\"hourly\"}}", "{\"settings\":[]}", "{\"x\":" + "[".repeat(
            2000) + "]".repeat(2000) + "}");
    List<String> leaks = new ArrayList<>();
    for (String[] route : routes) {
      for (String body : bodies) {
        Api.Answer answer = api.call(route[0], route[1], anna.token(), route[0].equals("GET")
            ? null : body);
        if (answer.status() >= 400 && (answer.body().contains("com.")
            || answer.body().contains("java.") || answer.body().contains("Exception")
            || answer.body().contains("`"))) {
          leaks.add(route[0] + " " + route[1] + " " + body + " -> " + answer.body());
        }
        assertThat(answer.status()).as(route[1] + " " + body).isLessThan(500);
      }
    }

    assertThat(leaks).isEmpty();
  }
}
