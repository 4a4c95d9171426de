package app.convene.client.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Properties;

/**
 * The tests' "now", from one place: the real clock in the machine's zone, unless the system
 * properties {@value #NOW} (an ISO instant, e.g. {@code 2026-12-12T09:30:00Z}) and {@value #ZONE}
 * (a zone id, e.g. {@code Pacific/Kiritimati}) say otherwise. Then {@link #clock()} starts at that
 * instant and runs on from there (an offset over the real clock), in that zone. This replays the
 * suite at any moment: {@code mvn verify -Dconvene.test.now=… -Dconvene.test.zone=…}.
 *
 * <p>Tests hand the clock to what they start (the app, the server) and read "now" from it; none
 * calls {@code Instant.now()} or {@code LocalDate.now()} for meeting times.
 */
public final class TestTime {
  /** The system property with the instant the tests' clock starts at. */
  public static final String NOW = "convene.test.now";
  /** The system property with the tests' time zone. */
  public static final String ZONE = "convene.test.zone";

  private TestTime() {}

  /**
   * A clock for one test class: the real one, or one that starts now at {@value #NOW} and runs
   * on; in {@link #zone()}. Each call starts a new clock, so every class begins at that instant.
   */
  public static Clock clock() {
    return clock(System.getProperties(), Clock.systemUTC());
  }

  /** The tests' zone: {@value #ZONE}, or the machine's. */
  public static ZoneId zone() {
    return zone(System.getProperties());
  }

  /** A clock that stands still at the tests' now, in the tests' zone, until the test moves it. */
  public static MutableClock stopped() {
    Clock clock = clock();
    return new MutableClock(clock.instant(), clock.getZone());
  }

  static Clock clock(Properties properties, Clock real) {
    ZoneId zone = zone(properties);
    String now = blankToNull(properties.getProperty(NOW));
    if (now == null) {
      return real.withZone(zone);
    }
    Instant start;
    try {
      start = Instant.parse(now);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(NOW + " is not an ISO instant such as "
          + "2026-12-12T09:30:00Z: " + now, e);
    }
    return Clock.offset(real.withZone(zone), Duration.between(real.instant(), start));
  }

  static ZoneId zone(Properties properties) {
    String zone = blankToNull(properties.getProperty(ZONE));
    return zone == null ? ZoneId.systemDefault() : ZoneId.of(zone);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() || value.startsWith("${") ? null : value.strip();
  }
}
