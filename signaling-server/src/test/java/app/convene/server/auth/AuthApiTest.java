package app.convene.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import app.convene.protocol.api.ApiError;
import app.convene.protocol.api.AuthSession;
import app.convene.protocol.api.Credentials;
import app.convene.protocol.api.RefreshRequest;
import app.convene.protocol.api.Registration;
import app.convene.protocol.api.UserView;
import app.convene.server.testing.Api;
import app.convene.server.testing.DatabaseServer;
import app.convene.server.testing.DatabaseApiTest;
import app.convene.server.testing.TestDatabase;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(TestDatabase.class)
class AuthApiTest extends DatabaseApiTest {

  @Test
  void registrationSignsInWithShortLivedTokenAndRefreshToken() {
    String email = unique("Anna.Berg");
    Api.Answer answer = api.post("auth/register", null,
        new Registration(email, "correct horse", "  Anna Berg "));

    assertThat(answer.status()).isEqualTo(201);
    assertThat(answer.contentType()).startsWith("application/json");
    AuthSession session = answer.as(AuthSession.class);
    assertThat(session.user().email()).isEqualTo(email.toLowerCase());
    assertThat(session.user().displayName()).isEqualTo("Anna Berg");
    assertThat(session.accessToken()).matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+");
    assertThat(session.accessTokenExpiresAt()).isEqualTo(DatabaseServer.START.plus(
        Duration.ofMinutes(15)).plus(Duration.between(DatabaseServer.START, db.clock().instant())));
    assertThat(session.refreshToken()).matches("[\\w-]{43}");
    assertThat(answer.body()).contains("\"accessTokenExpiresAt\":\""
        + session.accessTokenExpiresAt() + "\"");
    assertThat(api.get("me", session.accessToken()).as(UserView.class)).isEqualTo(session.user());
  }

  @Test
  void secondRegistrationOfAnAddressIsAConflictWhateverItsCase() {
    Api.User anna = api.register("Anna");

    Api.Answer again = api.post("auth/register", null,
        new Registration(anna.email().toUpperCase(), "another password", "Anna 2"));

    assertThat(again.status()).isEqualTo(409);
    assertThat(again.error().code()).isEqualTo("email_taken");
  }

  @Test
  void badRegistrationsAreRefusedAndCreateNothing() throws Exception {
    Map<String, Long> before = db.rowCounts();
    String email = unique("boris");

    assertInvalid(new Registration("not-an-address", "long enough", "Boris"), "email");
    assertInvalid(new Registration("boris@localhost", "long enough", "Boris"), "email");
    assertInvalid(new Registration("bo ris@example.org", "long enough", "Boris"), "email");
    assertInvalid(new Registration("boris@example.org\r\nBcc: x@example.org", "long enough",
        "Boris"), "email");
    assertWeak(new Registration(email, "seven77", "Boris"), "must have 8 to 200 characters");
    assertWeak(new Registration(email, "p".repeat(201), "Boris"), "must have 8 to 200 characters");
    assertInvalid(new Registration(email, "long enough", "   "), "displayName");
    assertInvalid(new Registration(email, "long enough", "n".repeat(65)), "displayName");
    assertInvalid(new Registration(email, "long enough", null), "displayName");

    assertThat(db.rowCounts()).isEqualTo(before);
    assertThat(api.post("auth/register", null, new Registration(email, "p".repeat(200),
        "n".repeat(64))).status()).isEqualTo(201);
  }

  @Test
  void loginWithTheRightPasswordStartsANewSession() {
    Api.User anna = api.register("Anna");

    Api.Answer login = api.post("auth/login", null,
        new Credentials(" " + anna.email().toUpperCase() + " ", anna.password()));

    assertThat(login.status()).isEqualTo(200);
    AuthSession session = login.as(AuthSession.class);
    assertThat(session.user()).isEqualTo(anna.session().user());
    assertThat(session.refreshToken()).isNotEqualTo(anna.session().refreshToken());
    assertThat(api.get("me", session.accessToken()).status()).isEqualTo(200);
  }

  @Test
  void unknownAddressAndWrongPasswordGetTheSameAnswer() {
    Api.User anna = api.register("Anna");

    Api.Answer wrongPassword = api.post("auth/login", null,
        new Credentials(anna.email(), anna.password() + "!"));
    Api.Answer unknown = api.post("auth/login", null,
        new Credentials(unique("nobody"), anna.password()));

    assertThat(wrongPassword.status()).isEqualTo(401);
    assertThat(wrongPassword.error()).isEqualTo(unknown.error());
    assertThat(unknown.error().code()).isEqualTo("bad_credentials");
  }

  @Test
  void refreshRotatesTheRefreshTokenAndSpendsTheOldOne() {
    Api.User anna = api.register("Anna");
    RefreshRequest first = new RefreshRequest(anna.session().refreshToken());

    Api.Answer refreshed = api.post("auth/refresh", null, first);

    assertThat(refreshed.status()).isEqualTo(200);
    AuthSession session = refreshed.as(AuthSession.class);
    assertThat(session.user()).isEqualTo(anna.session().user());
    assertThat(session.refreshToken()).isNotEqualTo(first.refreshToken());
    assertThat(api.get("me", session.accessToken()).status()).isEqualTo(200);
    assertThat(api.post("auth/refresh", null, new RefreshRequest(session.refreshToken()))
        .status()).isEqualTo(200);
    // Past the refresh grace a spent token is refused (and revokes its family: SessionsApiTest).
    db.clock().advance(Duration.ofSeconds(31));
    Api.Answer reused = api.post("auth/refresh", null, first);
    assertThat(reused.status()).isEqualTo(401);
    assertThat(reused.error().code()).isEqualTo("invalid_refresh_token");
  }

  @Test
  void refreshTokenExpiresAfterThirtyDays() {
    Api.User anna = api.register("Anna");
    Api.User boris = api.register("Boris");

    db.clock().advance(Duration.ofDays(30).minusMinutes(1));
    Api.Answer inTime = api.post("auth/refresh", null,
        new RefreshRequest(anna.session().refreshToken()));
    db.clock().advance(Duration.ofMinutes(2));
    Api.Answer late = api.post("auth/refresh", null,
        new RefreshRequest(boris.session().refreshToken()));

    assertThat(inTime.status()).isEqualTo(200);
    assertThat(late.status()).isEqualTo(401);
    assertThat(late.error().code()).isEqualTo("invalid_refresh_token");
  }

  @Test
  void logoutRevokesTheRefreshToken() {
    Api.User anna = api.register("Anna");
    RefreshRequest token = new RefreshRequest(anna.session().refreshToken());

    assertThat(api.post("auth/logout", null, token).status()).isEqualTo(204);
    assertThat(api.post("auth/logout", null, token).status()).isEqualTo(204);

    assertThat(api.post("auth/refresh", null, token).error().code())
        .isEqualTo("invalid_refresh_token");
    assertThat(api.post("auth/refresh", null, new RefreshRequest("garbage")).status())
        .isEqualTo(401);
    assertThat(api.post("auth/logout", null, "{}").error().code()).isEqualTo("invalid_input");
  }

  @Test
  void refreshTokensAreStoredOnlyAsHashes() throws Exception {
    Api.User anna = api.register("Anna");

    try (var c = db.jdbc(); var s = c.prepareStatement(
        "SELECT token_hash FROM refresh_tokens WHERE user_id = ?")) {
      s.setObject(1, UUID.fromString(anna.id()));
      try (var r = s.executeQuery()) {
        assertThat(r.next()).isTrue();
        assertThat(r.getString(1)).isEqualTo(RefreshTokens.hash(anna.session().refreshToken()))
            .doesNotContain(anna.session().refreshToken());
      }
    }
  }

  @Test
  void passwordIsStoredAsAnArgon2idPhcString() throws Exception {
    Api.User anna = api.register("Anna");

    try (var c = db.jdbc(); var s = c.prepareStatement(
        "SELECT password_hash FROM users WHERE id = ?")) {
      s.setObject(1, UUID.fromString(anna.id()));
      try (var r = s.executeQuery()) {
        r.next();
        assertThat(r.getString(1)).startsWith("$argon2id$v=19$m=19456,t=2,p=1$")
            .doesNotContain(anna.password());
      }
    }
  }

  static void assertWeak(Registration registration, String why) {
    Api.Answer answer = api.post("auth/register", null, registration);
    assertThat(answer.status()).as("%s", registration).isEqualTo(400);
    assertThat(answer.error().code()).isEqualTo("weak_password");
    assertThat(answer.error().message()).startsWith("'password' ").contains(why);
  }

  private static void assertInvalid(Registration registration, String field) {
    Api.Answer answer = api.post("auth/register", null, registration);
    assertThat(answer.status()).as("%s", registration).isEqualTo(400);
    ApiError error = answer.error();
    assertThat(error.code()).isEqualTo("invalid_input");
    assertThat(error.message()).contains(field);
  }

  private static String unique(String local) {
    return local + "-" + UUID.randomUUID().toString().substring(0, 8) + "@Example.org";
  }
}
