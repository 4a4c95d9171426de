package app.convene.client.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Time zones as a person reads them, as calendar apps show them: "(UTC+03:00) Moscow Time",
 * "(UTC−05:00) Eastern Time (New York)", "(UTC) Coordinated Universal Time", in the app's
 * language, with the offset the zone has on the meeting's date (summer time included), instead
 * of ids such as {@code Etc/UTC}.
 */
final class ZoneLabels {
  private ZoneLabels() {}

  /** The zone's label on {@code date} (its offset at noon there). */
  static String label(ZoneId zone, LocalDate date, Locale locale) {
    Instant at = date.atTime(LocalTime.NOON).atZone(zone).toInstant();
    ZoneOffset offset = zone.getRules().getOffset(at);
    String utc = offset.getTotalSeconds() == 0 ? "UTC"
        : "UTC" + offset.getId().replace('-', '\u2212');
    String name = zone.getDisplayName(TextStyle.FULL, locale);
    String city = city(zone);
    boolean named = city.isEmpty() || name.contains(city) || name.equals(zone.getId());
    return "(" + utc + ") " + name + (named ? "" : " (" + city + ")");
  }

  /** The zones a meeting can be in, by their offset on {@code date}, then by label. */
  static List<ZoneId> sorted(List<ZoneId> zones, LocalDate date, Locale locale) {
    return zones.stream().sorted(Comparator
        .comparing((ZoneId z) -> z.getRules().getOffset(date.atTime(LocalTime.NOON).atZone(z)
            .toInstant()))
        .reversed() // ZoneOffset sorts east first; calendars list west first
        .thenComparing(z -> label(z, date, locale))).toList();
  }

  /** The place in a zone id ("America/New_York" is "New York"); empty for Etc and the like. */
  private static String city(ZoneId zone) {
    String id = zone.getId();
    int slash = id.lastIndexOf('/');
    if (slash < 0 || id.startsWith("Etc/")) {
      return "";
    }
    return id.substring(slash + 1).replace('_', ' ');
  }
}
