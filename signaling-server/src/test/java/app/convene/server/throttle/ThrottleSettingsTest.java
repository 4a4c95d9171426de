package app.convene.server.throttle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.convene.server.ServerConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ThrottleSettingsTest {
  private static final ThrottleSettings EVERY_OPTION = new ThrottleSettings(3, 9, 12,
      Duration.ofMillis(250), Duration.ofMinutes(2), Duration.ofMinutes(30),
      "redis://cache.example.org:6379", "acme:", List.of("10.0.0.2", "10.0.0.3"),
      Duration.ofSeconds(10), 5);

  @Test
  void flagsSetEveryThrottleOption() {
    ServerConfig config = ServerConfig.parse(new String[] {
        "--throttle-account-failures=3", "--throttle-address-failures=9", "--throttle-attempts=12",
        "--throttle-base-delay-millis=250", "--throttle-max-delay-seconds=120",
        "--throttle-window-seconds=1800", "--throttle-redis=redis://cache.example.org:6379",
        "--throttle-redis-prefix=acme:", "--trusted-proxies=10.0.0.2, 10.0.0.3",
        "--refresh-grace-seconds=10", "--max-sockets-per-account=5"}, Map.of());

    assertThat(config.throttle()).isEqualTo(EVERY_OPTION);
  }

  @Test
  void environmentSetsEveryThrottleOption() {
    ServerConfig config = ServerConfig.parse(new String[0], Map.ofEntries(
        Map.entry("CONVENE_THROTTLE_ACCOUNT_FAILURES", "3"),
        Map.entry("CONVENE_THROTTLE_ADDRESS_FAILURES", "9"),
        Map.entry("CONVENE_THROTTLE_ATTEMPTS", "12"),
        Map.entry("CONVENE_THROTTLE_BASE_DELAY_MILLIS", "250"),
        Map.entry("CONVENE_THROTTLE_MAX_DELAY_SECONDS", "120"),
        Map.entry("CONVENE_THROTTLE_WINDOW_SECONDS", "1800"),
        Map.entry("CONVENE_THROTTLE_REDIS", "redis://cache.example.org:6379"),
        Map.entry("CONVENE_THROTTLE_REDIS_PREFIX", "acme:"),
        Map.entry("CONVENE_TRUSTED_PROXIES", "10.0.0.2,10.0.0.3"),
        Map.entry("CONVENE_REFRESH_GRACE_SECONDS", "10"),
        Map.entry("CONVENE_MAX_SOCKETS_PER_ACCOUNT", "5")));

    assertThat(config.throttle()).isEqualTo(EVERY_OPTION);
  }

  @Test
  void defaultsAreTheDocumentedOnes() {
    ThrottleSettings d = ServerConfig.parse(new String[0], Map.of()).throttle();

    assertThat(d).isEqualTo(ThrottleSettings.DEFAULT);
    assertThat(d.accountFailures()).isEqualTo(5);
    assertThat(d.addressFailures()).isEqualTo(20);
    assertThat(d.attemptsPerWindow()).isEqualTo(30);
    assertThat(d.baseDelay()).isEqualTo(Duration.ofSeconds(1));
    assertThat(d.maxDelay()).isEqualTo(Duration.ofMinutes(15));
    assertThat(d.window()).isEqualTo(Duration.ofHours(1));
    assertThat(d.redisUri()).isNull();
    assertThat(d.trustedProxies()).isEmpty();
    assertThat(d.refreshGrace()).isEqualTo(Duration.ofSeconds(30));
    assertThat(d.maxSocketsPerAccount()).isEqualTo(20);
  }

  @Test
  void badValuesNameTheirFlag() {
    assertThatThrownBy(() -> ServerConfig.parse(
            new String[] {"--throttle-redis=http://cache:6379"}, Map.of()))
        .hasMessageContaining("--throttle-redis").hasMessageContaining("redis://");
    assertThatThrownBy(() -> ServerConfig.parse(
            new String[] {"--max-sockets-per-account=0"}, Map.of()))
        .hasMessageContaining("--max-sockets-per-account");
    assertThatThrownBy(() -> ServerConfig.parse(new String[] {
            "--throttle-base-delay-millis=5000", "--throttle-max-delay-seconds=1"}, Map.of()))
        .hasMessageContaining("--throttle-max-delay-seconds");
  }

  @Test
  void theWaitDoublesAfterTheFreeAttemptsUpToTheLongest() {
    ThrottleSettings s = ThrottleSettings.DEFAULT;

    assertThat(s.delayAfter(5, 5)).isZero();
    assertThat(s.delayAfter(6, 5)).isEqualTo(Duration.ofSeconds(1));
    assertThat(s.delayAfter(7, 5)).isEqualTo(Duration.ofSeconds(2));
    assertThat(s.delayAfter(15, 5)).isEqualTo(Duration.ofSeconds(512));
    assertThat(s.delayAfter(16, 5)).isEqualTo(Duration.ofMinutes(15));
    assertThat(s.delayAfter(1_000_000, 5)).isEqualTo(Duration.ofMinutes(15));
  }

  @Test
  void toStringHidesTheRedisUriWhichMayHoldAPassword() {
    assertThat(EVERY_OPTION.withRedis("redis://:hunter2@cache:6379", "p:").toString())
        .doesNotContain("hunter2");
  }
}
