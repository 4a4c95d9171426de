package app.convene.server.throttle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import app.convene.server.testing.TestClock;
import app.convene.server.testing.TestServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Two servers over one Redis share their counters: guesses spread over both are throttled as one.
 * Needs a Redis on 127.0.0.1:6379 (the build machine runs one; the test is skipped without it).
 */
class RedisThrottleTest {
  private static final String REDIS = "redis://127.0.0.1:6379";

  @Test
  void twoServersOverOneRedisThrottleAnAccountTogether() throws Exception {
    assumeTrue(redisListens(), "no Redis on 127.0.0.1:6379");
    TestClock clock = new TestClock(Instant.now());
    ThrottleSettings shared = ThrottleSettings.DEFAULT.withAccountFailures(2)
        .withAddressFailures(1_000)
        .withRedis(REDIS, "convene-test:" + UUID.randomUUID() + ":");
    try (TestServer first = TestServer.start(
            TestServer.config().withThrottle(shared), clock);
        TestServer second = TestServer.start(
            TestServer.config().withThrottle(shared), clock)) {
      String email = "shared-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
      URI one = first.server().apiUri().resolve("auth/login");
      URI two = second.server().apiUri().resolve("auth/login");

      assertThat(ThrottleApiTest.post(one, email, "guess 1").status()).isEqualTo(401);
      assertThat(ThrottleApiTest.post(two, email, "guess 2").status()).isEqualTo(401);
      assertThat(ThrottleApiTest.post(one, email, "guess 3").status()).isEqualTo(401);
      ThrottleApiTest.Reply refused = ThrottleApiTest.post(two, email, "guess 4");
      assertThat(refused.status()).as("the second server saw the first one's failures")
          .isEqualTo(429);
      assertThat(refused.retryAfter()).isEqualTo("1");

      clock.advance(Duration.ofSeconds(1));
      assertThat(ThrottleApiTest.post(one, email, "guess 5").status()).isEqualTo(401);
    }
  }

  @Test
  void aServerWithoutItsRedisDoesNotStart() {
    ThrottleSettings nowhere = ThrottleSettings.DEFAULT.withRedis("redis://127.0.0.1:1", "x:");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> TestServer.start(
            TestServer.config().withThrottle(nowhere)).close())
        .hasMessageContaining("cannot reach the throttle's Redis");
  }

  private static boolean redisListens() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", 6379), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
