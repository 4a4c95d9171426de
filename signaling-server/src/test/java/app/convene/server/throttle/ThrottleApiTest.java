package app.convene.server.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import app.convene.protocol.api.ApiError;
import app.convene.protocol.api.Credentials;
import app.convene.protocol.api.RefreshRequest;
import app.convene.protocol.api.Registration;
import app.convene.protocol.api.RoomRequest;
import app.convene.server.ServerConfig;
import app.convene.server.testing.Api;
import app.convene.server.testing.LogCapture;
import app.convene.server.testing.TestClient;
import app.convene.server.testing.TestClock;
import app.convene.server.testing.TestServer;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/** Brute force against sign-in, through the real server: 429 with Retry-After, then through. */
class ThrottleApiTest {
  private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

  /** An answer with the header that matters here. */
  record Reply(int status, String retryAfter, String body) {
    ApiError error() {
      try {
        return Api.JSON.readValue(body, ApiError.class);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static ServerConfig config(ThrottleSettings throttle) {
    return TestServer.config().withThrottle(throttle);
  }

  @Test
  void bruteForceOnOneAccountIsAnswered429WithRetryAfterAndTheRightPasswordWorksAfterTheWait()
      throws Exception {
    TestClock clock = new TestClock(START);
    ThrottleSettings throttle = ThrottleSettings.DEFAULT.withAccountFailures(3)
        .withAddressFailures(1_000).withDelays(Duration.ofSeconds(1), Duration.ofMinutes(15));
    try (TestServer server = TestServer.start(config(throttle), clock);
        LogCapture security = LogCapture.named(Throttle.SECURITY_LOGGER)) {
      Api.User anna = server.api().register("Anna");
      URI login = server.server().apiUri().resolve("auth/login");

      for (int i = 1; i <= 4; i++) {
        assertThat(post(login, anna.email(), "wrong guess " + i).status()).as("guess %d", i)
            .isEqualTo(401);
      }
      Reply refused = post(login, anna.email(), "wrong guess 5");
      assertThat(refused.status()).isEqualTo(429);
      assertThat(refused.retryAfter()).isEqualTo("1");
      assertThat(refused.error().code()).isEqualTo("too_many_attempts");
      assertThat(refused.error().message()).contains("wait 1 seconds");
      // Even the right password waits: the account is throttled, not the password.
      assertThat(post(login, anna.email(), anna.password()).status()).isEqualTo(429);

      clock.advance(Duration.ofSeconds(1));
      assertThat(post(login, anna.email(), "wrong guess 6").status()).isEqualTo(401);
      Reply longer = post(login, anna.email(), "wrong guess 7");
      assertThat(longer.status()).isEqualTo(429);
      assertThat(longer.retryAfter()).as("the wait doubles").isEqualTo("2");

      clock.advance(Duration.ofSeconds(2));
      assertThat(post(login, anna.email(), anna.password()).status()).isEqualTo(200);
      // The success reset the account's counter, as docs/server.md says: three free failures again.
      for (int i = 1; i <= 4; i++) {
        assertThat(post(login, anna.email(), "after success " + i).status()).isEqualTo(401);
      }
      assertThat(post(login, anna.email(), "after success 5").status()).isEqualTo(429);

      List<ILoggingEvent> failures = security.events().stream()
          .filter(e -> e.getFormattedMessage().equals("failed attempt")).toList();
      assertThat(failures).hasSize(9);
      assertThat(LogCapture.value(failures.getFirst(), "account")).isEqualTo(anna.email());
      assertThat(LogCapture.value(failures.getFirst(), "address")).isEqualTo("127.0.0.1");
      assertThat(LogCapture.value(failures.getFirst(), "action")).isEqualTo("login");
      assertThat(security.events()).allSatisfy(e -> {
        assertThat(LogCapture.describe(e)).doesNotContain("wrong guess", anna.password());
      });
    }
  }

  @Test
  void oneAddressGuessingAcrossAccountsIsThrottledAndXForwardedForDoesNotHelpIt()
      throws Exception {
    ThrottleSettings throttle = ThrottleSettings.DEFAULT.withAccountFailures(100)
        .withAddressFailures(4);
    try (TestServer server = TestServer.start(config(throttle), new TestClock(START))) {
      URI login = server.server().apiUri().resolve("auth/login");
      for (int i = 1; i <= 5; i++) {
        assertThat(post(login, unique(), "guess", "203.0.113." + i).status()).isEqualTo(401);
      }
      Reply refused = post(login, unique(), "guess", "198.51.100.7");
      assertThat(refused.status()).isEqualTo(429);
      assertThat(refused.retryAfter()).isEqualTo("1");
    }
  }

  @Test
  void behindATrustedProxyEachForwardedClientHasItsOwnCounter() throws Exception {
    ThrottleSettings throttle = ThrottleSettings.DEFAULT.withAccountFailures(100)
        .withAddressFailures(2).withTrustedProxies(List.of("127.0.0.1"));
    try (TestServer server = TestServer.start(config(throttle), new TestClock(START))) {
      URI login = server.server().apiUri().resolve("auth/login");
      for (int i = 1; i <= 3; i++) {
        assertThat(post(login, unique(), "guess", "203.0.113.9").status()).isEqualTo(401);
      }
      assertThat(post(login, unique(), "guess", "203.0.113.9").status()).isEqualTo(429);
      // A client may prepend anything; the proxy appends the address it saw, which counts.
      assertThat(post(login, unique(), "guess", "203.0.113.9, 198.51.100.1").status())
          .isEqualTo(401);
    }
  }

  @Test
  void registrationsFromOneAddressAreRateLimited() throws Exception {
    ThrottleSettings throttle = ThrottleSettings.DEFAULT.withAttemptsPerWindow(3);
    try (TestServer server = TestServer.start(config(throttle), new TestClock(START))) {
      for (int i = 0; i < 4; i++) {
        server.api().register("Bulk" + i);
      }
      Api.Answer fifth = server.api().post("auth/register", null,
          new Registration(unique(), "correct horse battery", "Bulk"));
      assertThat(fifth.status()).isEqualTo(429);
      assertThat(fifth.error().code()).isEqualTo("too_many_attempts");
    }
  }

  @Test
  void guessedRefreshTokensAndRoomCreationsAreThrottledToo() throws Exception {
    ThrottleSettings throttle = ThrottleSettings.DEFAULT.withAddressFailures(2)
        .withAttemptsPerWindow(2);
    try (TestServer server = TestServer.start(config(throttle), new TestClock(START))) {
      for (int i = 0; i < 3; i++) {
        assertThat(server.api().post("auth/refresh", null,
            new RefreshRequest("guess-" + i)).status()).isEqualTo(401);
      }
      Api.Answer refresh = server.api().post("auth/refresh", null,
          new RefreshRequest("guess-4"));
      assertThat(refresh.status()).isEqualTo(429);

      Api.User host = server.api().register("Host");
      for (int i = 0; i < 3; i++) {
        assertThat(server.api().post("rooms", host.token(),
            new RoomRequest("Room " + i, null)).status()).isEqualTo(201);
      }
      Api.Answer room = server.api().post("rooms", host.token(),
          new RoomRequest("One too many", null));
      assertThat(room.status()).isEqualTo(429);
      assertThat(room.error().code()).isEqualTo("too_many_attempts");
    }
  }

  private static String unique() {
    return "nobody-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
  }

  static Reply post(URI login, String email, String password) {
    return post(login, email, password, null);
  }

  static Reply post(URI login, String email, String password, String forwardedFor) {
    Request.Builder request = new Request.Builder().url(login.toString())
        .post(RequestBody.create(write(new Credentials(email, password)),
            MediaType.get("application/json")));
    if (forwardedFor != null) {
      request.header("X-Forwarded-For", forwardedFor);
    }
    try (Response response = TestClient.http().newCall(request.build()).execute()) {
      return new Reply(response.code(), response.header("Retry-After"), response.body().string());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String write(Object body) {
    try {
      return Api.JSON.writeValueAsString(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
