package app.convene.server;

import java.time.Duration;
import java.util.Objects;

/** The range checks the server's settings records share; each failure names the setting. */
public final class SettingChecks {
  private SettingChecks() {}

  /** Refuses {@code value} outside {@code [min, max]}. */
  public static void inRange(String name, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          name + " must be between " + min + " and " + max + ": " + value);
    }
  }

  /** Refuses a null, zero or negative duration. */
  public static void positive(String name, Duration value) {
    Objects.requireNonNull(value, name + " == null");
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive: " + value);
    }
  }

  /** Refuses a null or negative duration; zero is allowed. */
  public static void notNegative(String name, Duration value) {
    Objects.requireNonNull(value, name + " == null");
    if (value.isNegative()) {
      throw new IllegalArgumentException(name + " is negative: " + value);
    }
  }

  /** Refuses a blank text; {@code null} (not set) is allowed. */
  public static void nullOrNotBlank(String name, String value) {
    if (value != null && value.isBlank()) {
      throw new IllegalArgumentException(name + " is blank; use null for none");
    }
  }
}
