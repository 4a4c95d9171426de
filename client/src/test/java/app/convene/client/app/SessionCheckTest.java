package app.convene.client.app;

import static org.assertj.core.api.Assertions.assertThat;

import app.convene.client.api.ApiClient;
import app.convene.client.testing.ServerProcess;
import app.convene.client.testing.TestBackend;
import app.convene.client.testing.TestBackend.Account;
import app.convene.protocol.api.AuthSession;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/** At start-up the stored session is dropped (and revoked) only when the server refuses it. */
class SessionCheckTest {
  @Test
  void aServerThatRefusesTheSessionEndsIt() throws Exception {
    try (TestBackend backend = TestBackend.start()) {
      Account anna = backend.account("Anna");
      AuthSession stored = anna.api().session();
      anna.api().logout(); // signed out elsewhere: the refresh token is revoked
      AuthSession expired = new AuthSession(stored.user(), "expired", stored.accessTokenExpiresAt(),
          stored.refreshToken());

      assertThat(StoredSessions.stillValid(new ApiClient(backend.httpBase(), expired, s -> {},
          backend.clock()))).isFalse();
    }
  }

  @Test
  void aServerFailingBehindItsProxyKeepsTheSession() throws Exception {
    HttpServer proxy = HttpServer.create(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    proxy.createContext("/", exchange -> {
      exchange.sendResponseHeaders(502, -1);
      exchange.close();
    });
    proxy.start();
    try {
      URI base = URI.create("http://127.0.0.1:" + proxy.getAddress().getPort());

      assertThat(StoredSessions.stillValid(new ApiClient(base, session(), s -> {},
          Clock.systemUTC()))).isTrue();
    } finally {
      proxy.stop(0);
    }
  }

  @Test
  void anUnreachableServerKeepsTheSession() throws Exception {
    URI down = URI.create("http://127.0.0.1:" + ServerProcess.freePort());

    assertThat(StoredSessions.stillValid(new ApiClient(down, session(), s -> {},
        Clock.systemUTC()))).isTrue();
  }

  private static AuthSession session() {
    return new AuthSession(new app.convene.protocol.api.UserView("u-1", "anna@example.org", "Anna"),
        "access", java.time.Instant.parse("2100-01-01T00:00:00Z"), "refresh");
  }
}
