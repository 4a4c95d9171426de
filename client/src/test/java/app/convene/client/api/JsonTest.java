package app.convene.client.api;

import app.convene.protocol.api.RestJson;
import static org.assertj.core.api.Assertions.assertThat;

import app.convene.protocol.api.AuthSession;
import app.convene.protocol.api.UserView;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The REST payloads' JSON: what a newer server may add is ignored, times are ISO-8601 text. */
class JsonTest {
  @Test
  void timesAreWrittenAsIsoTextNotNumbers() throws Exception {
    AuthSession session = new AuthSession(new UserView("u1", "anna@example.com", "Anna"), "a",
        Instant.parse("2026-12-07T09:15:00Z"), "r");

    assertThat(RestJson.mapper().writeValueAsString(session))
        .contains("\"accessTokenExpiresAt\":\"2026-12-07T09:15:00Z\"");
  }

  @Test
  void fieldsANewerServerAddsAreIgnored() throws Exception {
    String newer = """
        {"id":"u1","email":"anna@example.com","displayName":"Anna","avatar":"a.png","pronouns":"she"}
        """;

    assertThat(RestJson.mapper().readValue(newer, UserView.class))
        .isEqualTo(new UserView("u1", "anna@example.com", "Anna"));
  }
}
