package app.convene.server.testing;

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
 * instant and runs on from there (an offset over the real clock), in that zone, and the servers on
 * a {@link TestClock} ({@link DatabaseServer}) start at that instant too. This replays the suite
 * at any moment: {@code mvn verify -Dconvene.test.now=… -Dconvene.test.zone=…}.
 */
public final class TestTime {
  /** The system property with the instant the tests' clock starts at. */
  public static final String NOW = "convene.test.now";
  /** The system property with the tests' time zone. */
  public static final String ZONE = "convene.test.zone";

  private TestTime() {}

  /**
   * A clock for one test: the real one, or one that starts now at {@value #NOW} and runs on; in
   * {@link #zone()}. Each call starts a new clock.
   */
  public static Clock clock() {
    return clock(System.getProperties(), Clock.systemUTC());
  }

  /** The tests' zone: {@value #ZONE}, or the machine's. */
  public static ZoneId zone() {
    return zone(System.getProperties());
  }

  /** Where a hand-moved test clock starts: {@value #NOW} when given, else {@code otherwise}. */
  public static Instant startOr(Instant otherwise) {
    Instant pinned = pinned(System.getProperties());
    return pinned == null ? otherwise : pinned;
  }

  static Clock clock(Properties properties, Clock real) {
    ZoneId zone = zone(properties);
    Instant start = pinned(properties);
    return start == null ? real.withZone(zone)
        : Clock.offset(real.withZone(zone), Duration.between(real.instant(), start));
  }

  static ZoneId zone(Properties properties) {
    String zone = blankToNull(properties.getProperty(ZONE));
    return zone == null ? ZoneId.systemDefault() : ZoneId.of(zone);
  }

  private static Instant pinned(Properties properties) {
    String now = blankToNull(properties.getProperty(NOW));
    try {
      return now == null ? null : Instant.parse(now);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(NOW + " is not an ISO instant such as "
          + "2026-12-12T09:30:00Z: " + now, e);
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() || value.startsWith("${") ? null : value.strip();
  }
}
