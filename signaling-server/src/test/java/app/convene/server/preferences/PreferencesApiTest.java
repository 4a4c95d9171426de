package app.convene.server.preferences;

import static org.assertj.core.api.Assertions.assertThat;

import app.convene.protocol.api.Preferences;
import app.convene.protocol.api.ServiceKind;
import app.convene.server.testing.Api;
import app.convene.server.testing.DatabaseApiTest;
import app.convene.server.testing.TestDatabase;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(TestDatabase.class)
class PreferencesApiTest extends DatabaseApiTest {
  private Api.User anna;

  @BeforeEach
  void signIn() {
    anna = api.register("Anna");
  }

  @Test
  void newUserHasTheDefaults() {
    Api.Answer answer = api.get("preferences", anna.token());

    assertThat(answer.body()).isEqualTo("{\"preferredService\":\"NATIVE\",\"settings\":{}}");
  }

  @Test
  void savedPreferencesAreKeptPerUser() {
    Preferences mine = new Preferences(ServiceKind.GOOGLE_MEET,
        Map.of("reminderMinutes", "5", "camera", "off"));

    Api.Answer saved = api.put("preferences", anna.token(), mine);
    Api.Answer again = api.put("preferences", anna.token(),
        new Preferences(ServiceKind.GOOGLE_MEET, Map.of("camera", "on")));

    assertThat(saved.as(Preferences.class)).isEqualTo(mine);
    assertThat(again.status()).isEqualTo(200);
    assertThat(api.get("preferences", anna.token()).as(Preferences.class))
        .isEqualTo(new Preferences(ServiceKind.GOOGLE_MEET, Map.of("camera", "on")));
    assertThat(api.get("preferences", api.register("Boris").token()).as(Preferences.class))
        .isEqualTo(new Preferences(ServiceKind.NATIVE, Map.of()));
  }

  @Test
  void missingSettingsMeanNone() {
    assertThat(api.put("preferences", anna.token(), "{\"preferredService\":\"GOOGLE_MEET\"}")
        .as(Preferences.class)).isEqualTo(new Preferences(ServiceKind.GOOGLE_MEET, Map.of()));
  }

  @Test
  void badPreferencesAreRefusedAndTheOldOnesKept() {
    Preferences kept = new Preferences(ServiceKind.GOOGLE_MEET, Map.of("camera", "off"));
    api.put("preferences", anna.token(), kept);

    assertInvalid("{\"settings\":{}}", "preferredService");
    assertInvalid("{\"preferredService\":\"ZOOM\"}", "preferredService");
    assertInvalid("{\"preferredService\":\"NATIVE\",\"settings\":{\"a\":null}}", "settings.a");
    assertInvalid("{\"preferredService\":\"NATIVE\",\"settings\":{\"a\":\"" + "v".repeat(1001)
        + "\"}}", "1000");
    assertInvalid("{\"preferredService\":\"NATIVE\",\"settings\":{\"k\\u0000\":\"v\"}}",
        "control");
    String fiftyOne = IntStream.range(0, 51).mapToObj(i -> "\"k" + i + "\":\"v\"")
        .collect(Collectors.joining(","));
    assertInvalid("{\"preferredService\":\"NATIVE\",\"settings\":{" + fiftyOne + "}}", "50");

    assertThat(api.get("preferences", anna.token()).as(Preferences.class)).isEqualTo(kept);
  }

  private void assertInvalid(String body, String mentioned) {
    Api.Answer answer = api.put("preferences", anna.token(), body);
    assertThat(answer.status()).as(body).isEqualTo(400);
    assertThat(answer.error().message()).contains(mentioned);
  }
}
