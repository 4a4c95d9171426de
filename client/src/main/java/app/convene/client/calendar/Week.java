package app.convene.client.calendar;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.WeekFields;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What "this week" means for the user, decided once: the first day of the week from the user's
 * locale, and "today" from the app's clock in the clock's zone. The calendar view shows its weeks
 * with {@link #fields()}, and every computation of a week's start in code goes through {@link
 * #start}, so the two never disagree (a Sunday is in the same week everywhere). Immutable.
 */
public final class Week {
  /**
   * The region whose week a language-only locale follows when the system's region is of another
   * language. The JDK takes the United States for every locale without a region (a Sunday start),
   * which is wrong for Russian.
   */
  private static final Map<String, String> LIKELY_REGION = Map.of("en", "US", "ru", "RU");

  private final Clock clock;
  private final WeekFields fields;

  private Week(Clock clock, WeekFields fields) {
    this.clock = clock;
    this.fields = fields;
  }

  /**
   * The week of the app's language {@code locale} (e.g. {@code Messages.locale()}). A locale
   * without a region takes the region of the system's format locale when that speaks the same
   * language (English on a British system starts on Monday), else the language's usual region.
   */
  public static Week of(Clock clock, Locale locale) {
    return of(clock, locale, Locale.getDefault(Locale.Category.FORMAT));
  }

  static Week of(Clock clock, Locale locale, Locale system) {
    Objects.requireNonNull(clock, "clock == null");
    Objects.requireNonNull(locale, "locale == null");
    return new Week(clock, WeekFields.of(withRegion(locale, system)));
  }

  static Locale withRegion(Locale locale, Locale system) {
    if (!locale.getCountry().isEmpty()) {
      return locale;
    }
    if (system != null && system.getLanguage().equals(locale.getLanguage())
        && !system.getCountry().isEmpty()) {
      return Locale.of(locale.getLanguage(), system.getCountry());
    }
    String region = LIKELY_REGION.get(locale.getLanguage());
    return region == null ? locale : Locale.of(locale.getLanguage(), region);
  }

  /** The first day of the week and the minimal days of a first week, for the view and the code. */
  public WeekFields fields() {
    return fields;
  }

  public Clock clock() {
    return clock;
  }

  /** The zone the calendar shows its days in: the clock's. */
  public ZoneId zone() {
    return clock.getZone();
  }

  /** Today, by the clock, in its zone. */
  public LocalDate today() {
    return LocalDate.now(clock);
  }

  /** The first day of the week that {@code day} is in. */
  public LocalDate start(LocalDate day) {
    return day.with(fields.dayOfWeek(), 1);
  }

  /**
   * The number of the week {@code day} is in, as people count them where the user lives: by the
   * week-based year, so the week of 1 January is week 1 even when it starts in December (ISO: 28
   * December 2026 is in week 53, 4 January 2027 starts week 1; in the United States the week of
   * 27 December 2026 holds 1 January and is week 1).
   */
  public int number(LocalDate day) {
    return day.get(fields.weekOfWeekBasedYear());
  }

  /** The first day of this week. */
  public LocalDate thisWeek() {
    return start(today());
  }
}
