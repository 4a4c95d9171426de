package app.convene.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class TestTimeTest {
  private static final Instant REAL = Instant.parse("2026-12-06T20:00:00Z");

  @Test
  void pinnedClockStartsAtTheGivenInstantInTheGivenZone() {
    Properties pinned = new Properties();
    pinned.setProperty(TestTime.NOW, "2026-12-14T11:30:00Z");
    pinned.setProperty(TestTime.ZONE, "Pacific/Pago_Pago");

    Clock clock = TestTime.clock(pinned, Clock.fixed(REAL, ZoneOffset.UTC));

    assertThat(clock.instant()).isEqualTo(Instant.parse("2026-12-14T11:30:00Z"));
    assertThat(java.time.LocalDateTime.now(clock)).hasToString("2026-12-14T00:30");
  }

  @Test
  void withoutPropertiesItIsTheRealClockInTheMachinesZone() {
    Clock clock = TestTime.clock(new Properties(), Clock.fixed(REAL, ZoneOffset.UTC));
    assertThat(clock.instant()).isEqualTo(REAL);
    assertThat(clock.getZone()).isEqualTo(ZoneId.systemDefault());
  }

  /** What {@code mvn -Dconvene.test.now=… -Dconvene.test.zone=…} gives this forked JVM. */
  @Test
  void theForkedJvmRunsInTheTestsZoneAndTime() {
    // Only a pinned run has something to check; an unpinned one shows this test as skipped.
    org.junit.jupiter.api.Assumptions.assumeFalse(
        System.getProperty(TestTime.ZONE, "").isBlank(), "no -Dconvene.test.zone given");
    assertThat(ZoneId.systemDefault()).isEqualTo(TestTime.zone());
    String now = System.getProperty(TestTime.NOW, "");
    if (!now.isBlank()) {
      assertThat(TestTime.clock().instant())
          .isBetween(Instant.parse(now), Instant.parse(now).plus(Duration.ofHours(1)));
      assertThat(DatabaseServer.START).isEqualTo(Instant.parse(now));
    }
  }
}
