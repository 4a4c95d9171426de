package app.convene.server.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import app.convene.protocol.ProtocolException;
import app.convene.protocol.SignalCodec;
import app.convene.protocol.api.Credentials;
import app.convene.protocol.api.EventRequest;
import app.convene.protocol.api.PasswordChange;
import app.convene.protocol.api.Preferences;
import app.convene.protocol.api.RefreshRequest;
import app.convene.protocol.api.Registration;
import app.convene.protocol.api.RoomRequest;
import app.convene.protocol.api.ScheduleRequest;
import app.convene.server.http.ApiException;
import app.convene.server.http.Json;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Fuzzes the two parsers that read what strangers send: the REST bodies ({@link Json#read}) and
 * the WebSocket messages ({@link SignalCodec#parse}). Whatever the input, each either parses or
 * refuses with its typed error (a 400, a protocol error) in words that name no Java class; any
 * other exception is a finding.
 *
 * <p>In the default test run Jazzer replays the seed inputs under {@code
 * src/test/resources/app/convene/server/fuzz/ParsersFuzzTestInputs/parsers/}; with {@code
 * JAZZER_FUZZ=1} it fuzzes, for as long as {@code jazzer.max_duration} allows (the {@code fuzz}
 * execution of this module's surefire plugin does so in {@code mvn verify}).
 */
class ParsersFuzzTest {
  private static final List<Class<?>> BODIES = List.of(Registration.class, Credentials.class,
      RefreshRequest.class, RoomRequest.class, EventRequest.class, ScheduleRequest.class,
      Preferences.class, PasswordChange.class);

  @FuzzTest
  void parsers(FuzzedDataProvider data) {
    int which = data.consumeInt(0, BODIES.size());
    byte[] input = data.consumeRemainingAsBytes();
    if (which == BODIES.size()) {
      signalMessage(new String(input, StandardCharsets.UTF_8));
    } else {
      restBody(input, BODIES.get(which));
    }
  }

  private static void signalMessage(String text) {
    try {
      SignalCodec.parse(text);
    } catch (ProtocolException e) {
      assertClean(e.getMessage(), text);
    }
  }

  private static void restBody(byte[] body, Class<?> type) {
    try {
      Json.read(body, type);
    } catch (ApiException e) {
      assertThat(e.status()).isEqualTo(400);
      assertClean(e.getMessage(), new String(body, StandardCharsets.UTF_8));
    }
  }

  /** The message is not blank and names no class, except in what it repeats of the input. */
  private static void assertClean(String message, String input) {
    assertThat(message).isNotBlank();
    for (String marker : List.of("com.", "java.", "Exception", "`", "app.convene")) {
      if (!input.contains(marker)) {
        assertThat(message).doesNotContain(marker);
      }
    }
  }
}
