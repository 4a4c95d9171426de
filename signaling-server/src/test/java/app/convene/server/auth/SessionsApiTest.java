package app.convene.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import app.convene.protocol.ErrorMessage;
import app.convene.protocol.api.AuthSession;
import app.convene.protocol.api.Credentials;
import app.convene.protocol.api.PasswordChange;
import app.convene.protocol.api.RefreshRequest;
import app.convene.server.testing.Api;
import app.convene.server.testing.DatabaseApiTest;
import app.convene.server.testing.TestClient;
import app.convene.server.testing.TestDatabase;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Sign-in sessions: refresh token families and their grace, and sign-out and password change
 * closing live sockets. The server runs with the default 30 s refresh grace.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class SessionsApiTest extends DatabaseApiTest {

  @Test
  void reusingASpentRefreshTokenRevokesTheTokenThatReplacedIt() {
    AuthSession first = api.register("Reuse").session();
    AuthSession second = refresh(first.refreshToken()).as(AuthSession.class);
    db.clock().advance(Duration.ofSeconds(31)); // past the grace

    Api.Answer reused = refresh(first.refreshToken());

    assertThat(reused.status()).isEqualTo(401);
    assertThat(reused.error().code()).isEqualTo("invalid_refresh_token");
    assertThat(refresh(second.refreshToken()).status())
        .as("the whole family is revoked, the replacement too").isEqualTo(401);
  }

  @Test
  void aClientWhoseRefreshResponseWasLostMayRetryOnceWithinTheGrace() {
    AuthSession first = api.register("Lost").session();
    AuthSession lost = refresh(first.refreshToken()).as(AuthSession.class);
    db.clock().advance(Duration.ofSeconds(10));

    Api.Answer retried = refresh(first.refreshToken());

    assertThat(retried.status()).as(retried.body()).isEqualTo(200);
    AuthSession renewed = retried.as(AuthSession.class);
    assertThat(renewed.refreshToken()).isNotEqualTo(lost.refreshToken());
    assertThat(refresh(lost.refreshToken()).status())
        .as("the response that was lost is revoked, one live token a session").isEqualTo(401);
    AuthSession next = refresh(renewed.refreshToken()).as(AuthSession.class);
    assertThat(api.get("me", next.accessToken()).status()).isEqualTo(200);
    // Only once: the third use of the first token revokes the family.
    assertThat(refresh(first.refreshToken()).status()).isEqualTo(401);
    assertThat(refresh(next.refreshToken()).status()).isEqualTo(401);
  }

  @Test
  void theGraceDoesNotCoverATokenWhoseClientWentOn() {
    AuthSession first = api.register("WentOn").session();
    AuthSession second = refresh(first.refreshToken()).as(AuthSession.class);
    AuthSession third = refresh(second.refreshToken()).as(AuthSession.class);

    assertThat(refresh(first.refreshToken()).status()).isEqualTo(401);
    assertThat(refresh(third.refreshToken()).status()).isEqualTo(401);
  }

  @Test
  void signingOutClosesThatSessionsSocketsAndNoOther() throws Exception {
    Api.User anna = api.register("TwoDevices");
    AuthSession laptop = anna.session();
    AuthSession phone = login(anna.email(), anna.password());
    TestClient laptopSocket = db.server().connect(laptop.accessToken());
    TestClient phoneSocket = db.server().connect(phone.accessToken());

    assertThat(api.post("auth/logout", null, new RefreshRequest(laptop.refreshToken())).status())
        .isEqualTo(204);

    TestClient.Closed closed = laptopSocket.awaitClosed();
    assertThat(closed.code()).isEqualTo(1008);
    assertThat(closed.reason()).isEqualTo("signed out");
    assertAlive(phoneSocket);
    assertThat(TestClient.connectLater(db.server().server().signalingUri(),
        laptop.accessToken()).awaitFailure().httpStatus())
        .as("the signed-out session's access token opens no new socket").isEqualTo(401);
    assertThat(refresh(laptop.refreshToken()).status()).isEqualTo(401);
    assertThat(refresh(phone.refreshToken()).status()).isEqualTo(200);
  }

  @Test
  void changingThePasswordClosesEverySocketAndRevokesEveryRefreshToken() throws Exception {
    Api.User boris = api.register("Boris");
    AuthSession other = login(boris.email(), boris.password());
    TestClient one = db.server().connect(boris.token());
    TestClient two = db.server().connect(other.accessToken());

    Api.Answer changed = api.post("auth/password", boris.token(),
        new PasswordChange(boris.password(), "a new and long passphrase"));

    assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    assertThat(one.awaitClosed().reason()).isEqualTo("signed out: the password was changed");
    assertThat(two.awaitClosed().code()).isEqualTo(1008);
    assertThat(refresh(boris.session().refreshToken()).status()).isEqualTo(401);
    assertThat(refresh(other.refreshToken()).status()).isEqualTo(401);
    AuthSession fresh = changed.as(AuthSession.class);
    assertAlive(db.server().connect(fresh.accessToken()));
    assertThat(api.post("auth/login", null, new Credentials(boris.email(), boris.password()))
        .status()).isEqualTo(401);
    assertThat(login(boris.email(), "a new and long passphrase").user().email())
        .isEqualTo(boris.email());
  }

  @Test
  void aWrongCurrentPasswordChangesNothing() throws Exception {
    Api.User clara = api.register("Clara");
    TestClient socket = db.server().connect(clara.token());

    Api.Answer refused = api.post("auth/password", clara.token(),
        new PasswordChange("not my password", "a new and long passphrase"));

    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.error().code()).isEqualTo("bad_credentials");
    assertAlive(socket);
    assertThat(refresh(clara.session().refreshToken()).status()).isEqualTo(200);
  }

  /** The socket answers: a join of an unknown room gets its error. */
  private static void assertAlive(TestClient client) throws InterruptedException {
    assertThat(client.joinRoom(UUID.randomUUID().toString(), "Alive", null))
        .isInstanceOf(ErrorMessage.class);
  }

  private static Api.Answer refresh(String token) {
    return api.post("auth/refresh", null, new RefreshRequest(token));
  }

  private static AuthSession login(String email, String password) {
    Api.Answer answer = api.post("auth/login", null, new Credentials(email, password));
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.as(AuthSession.class);
  }
}
