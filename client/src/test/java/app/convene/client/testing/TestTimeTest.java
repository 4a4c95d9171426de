package app.convene.client.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    pinned.setProperty(TestTime.NOW, "2026-12-12T09:30:00Z");
    pinned.setProperty(TestTime.ZONE, "Pacific/Kiritimati");

    Clock clock = TestTime.clock(pinned, Clock.fixed(REAL, ZoneOffset.UTC));

    assertThat(clock.instant()).isEqualTo(Instant.parse("2026-12-12T09:30:00Z"));
    assertThat(clock.getZone()).isEqualTo(ZoneId.of("Pacific/Kiritimati"));
    assertThat(java.time.LocalDateTime.now(clock)).hasToString("2026-12-12T23:30");
  }

  @Test
  void pinnedClockRunsOn() throws Exception {
    Properties pinned = new Properties();
    pinned.setProperty(TestTime.NOW, "2027-03-28T00:30:00Z");
    Clock clock = TestTime.clock(pinned, Clock.systemUTC());
    Instant first = clock.instant();
    Thread.sleep(50);
    assertThat(Duration.between(first, clock.instant())).isPositive();
    assertThat(first).isBetween(Instant.parse("2027-03-28T00:30:00Z"),
        Instant.parse("2027-03-28T00:31:00Z"));
  }

  @Test
  void withoutPropertiesItIsTheRealClockInTheMachinesZone() {
    Clock clock = TestTime.clock(new Properties(), Clock.fixed(REAL, ZoneOffset.UTC));
    assertThat(clock.instant()).isEqualTo(REAL);
    assertThat(clock.getZone()).isEqualTo(ZoneId.systemDefault());
  }

  @Test
  void emptyOrUninterpolatedPropertiesMeanUnset() {
    Properties blank = new Properties();
    blank.setProperty(TestTime.NOW, "");
    blank.setProperty(TestTime.ZONE, "${convene.test.zone}");
    Clock clock = TestTime.clock(blank, Clock.fixed(REAL, ZoneOffset.UTC));
    assertThat(clock.instant()).isEqualTo(REAL);
    assertThat(clock.getZone()).isEqualTo(ZoneId.systemDefault());
  }

  @Test
  void aBadInstantIsRefusedWithThePropertysName() {
    Properties bad = new Properties();
    bad.setProperty(TestTime.NOW, "Sunday");
    assertThatThrownBy(() -> TestTime.clock(bad, Clock.systemUTC()))
        .hasMessageContaining(TestTime.NOW);
  }

  /**
   * What {@code mvn -Dconvene.test.now=… -Dconvene.test.zone=…} gives this forked JVM: the
   * properties themselves, and the zone as the JVM's default (for CalendarFX and other libraries).
   */
  @Test
  void theForkedJvmRunsInTheTestsZoneAndTime() {
    // Only a pinned run has something to check; an unpinned one shows this test as skipped.
    org.junit.jupiter.api.Assumptions.assumeFalse(
        System.getProperty(TestTime.ZONE, "").isBlank(), "no -Dconvene.test.zone given");
    assertThat(ZoneId.systemDefault()).isEqualTo(TestTime.zone());
    String now = System.getProperty(TestTime.NOW, "");
    if (!now.isBlank()) {
      // The suite may have run for a while since: the clock runs on from the pinned instant.
      assertThat(TestTime.clock().instant())
          .isBetween(Instant.parse(now), Instant.parse(now).plus(Duration.ofHours(1)));
    }
  }
}
