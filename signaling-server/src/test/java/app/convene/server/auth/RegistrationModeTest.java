package app.convene.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import app.convene.protocol.api.AuthSession;
import app.convene.protocol.api.Registration;
import app.convene.protocol.api.ScheduleResult;
import app.convene.server.ServerConfig;
import app.convene.server.testing.Api;
import app.convene.server.testing.Meeting;
import app.convene.server.testing.TestServer;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code --registration}: who may create an account in each mode, on a real server. */
class RegistrationModeTest {
  private static final String PASSWORD = "correct horse battery";

  @Test
  void openModeLetsAnyoneRegister() throws Exception {
    try (TestServer server = start()) {
      assertThat(register(server, unique("anyone", "example.net")).status()).isEqualTo(201);
    }
  }

  @Test
  void withoutMailNoAddressCanBeVerified() throws Exception {
    try (TestServer server = start()) {
      String token = register(server, unique("anna", "example.org")).as(AuthSession.class)
          .accessToken();

      assertThat(server.api().get("auth/verification", token).body())
          .isEqualTo("{\"verified\":false,\"canVerify\":false}");
      Api.Answer resend = server.api().post("auth/verification", token, Map.of());
      assertThat(resend.status()).isEqualTo(503);
      assertThat(resend.error().code()).isEqualTo("verification_unavailable");
    }
  }

  @Test
  void domainsModeLetsOnlyThoseDomainsRegister() throws Exception {
    try (TestServer server = start("--registration=domains:example.org,example.com")) {
      assertThat(register(server, unique("anna", "example.org")).status()).isEqualTo(201);
      assertThat(register(server, unique("boris", "EXAMPLE.com")).status()).isEqualTo(201);

      Api.Answer other = register(server, unique("mallory", "example.org.evil.net"));
      assertClosed(other, "this server creates accounts only for addresses at example.org,"
          + " example.com");
      assertClosed(register(server, unique("mallory", "sub.example.org")), "example.org");
    }
  }

  @Test
  void inviteOnlyModeLetsInTheAdmittedAndTheInvitedUntilTheMeetingIsCancelled()
      throws Exception {
    String anna = unique("anna", "example.org");
    try (TestServer server = start("--registration=invite-only",
        "--registration-admit=" + anna.toUpperCase())) {
      assertClosed(register(server, unique("stranger", "example.org")),
          "this server creates accounts only for addresses invited to a meeting");
      Api.Answer annaSignsUp = register(server, anna);
      assertThat(annaSignsUp.status()).as(annaSignsUp.body()).isEqualTo(201);
      String token = annaSignsUp.as(AuthSession.class).accessToken();

      String carl = unique("carl", "example.net");
      String dora = unique("dora", "example.net");
      server.api().post("meetings/schedule", token,
          Meeting.titled("Kick-off").at(server.clock().instant().plus(Duration.ofHours(1)))
              .inviting(carl).schedule(5)).as(ScheduleResult.class);
      ScheduleResult cancelled = server.api().post("meetings/schedule", token,
          Meeting.titled("Called off").at(server.clock().instant().plus(Duration.ofHours(2)))
              .inviting(dora).schedule(5)).as(ScheduleResult.class);
      assertThat(server.api().delete("events/" + cancelled.event().id(), token).status())
          .isEqualTo(200);

      assertThat(register(server, carl).status()).isEqualTo(201);
      assertClosed(register(server, dora), "invited to a meeting");
    }
  }

  private static TestServer start(String... args) throws Exception {
    ServerConfig parsed = ServerConfig.parse(args, Map.of());
    return TestServer.start(TestServer.config().withRegistration(parsed.registration()));
  }

  private static Api.Answer register(TestServer server, String email) {
    return server.api().post("auth/register", null, new Registration(email, PASSWORD, "Someone"));
  }

  private static void assertClosed(Api.Answer answer, String message) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(403);
    assertThat(answer.error().code()).isEqualTo("registration_closed");
    assertThat(answer.error().message()).contains(message);
  }

  private static String unique(String local, String domain) {
    return local + "-" + UUID.randomUUID().toString().substring(0, 8) + "@" + domain;
  }
}
