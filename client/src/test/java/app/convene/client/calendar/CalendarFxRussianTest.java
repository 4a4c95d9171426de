package app.convene.client.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.Locale;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * CalendarFX ships no Russian; the app adds {@code com/calendarfx/view/messages_ru.properties},
 * which CalendarFX's own bundle lookup finds under a Russian default locale. Every key of its
 * English bundle must be there with the same placeholders, and its date patterns must parse.
 */
class CalendarFxRussianTest {
  private static final String BUNDLE = "com.calendarfx.view.messages";
  private static final Locale RU = Locale.forLanguageTag("ru");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+}");

  @Test
  void everyKeyOfCalendarFxIsTranslatedWithItsPlaceholders() throws Exception {
    ResourceBundle english = ResourceBundle.getBundle(BUNDLE, Locale.ROOT);
    ResourceBundle russian = ResourceBundle.getBundle(BUNDLE, RU);
    assertThat(russian.getLocale()).isEqualTo(RU);
    Properties ours = new Properties(); // the file alone: the bundle would fall back to English
    try (Reader in = new InputStreamReader(CalendarFxRussianTest.class.getResourceAsStream(
        "/com/calendarfx/view/messages_ru.properties"), StandardCharsets.UTF_8)) {
      ours.load(in);
    }

    for (String key : Collections.list(english.getKeys())) {
      assertThat(ours).as(key).containsKey(key);
      assertThat(placeholders(ours.getProperty(key))).as(key)
          .isEqualTo(placeholders(english.getString(key)));
    }
    assertThat(russian.getString("PageBaseSkin.TODAY")).isEqualTo("Сегодня");
    assertThat(russian.getString("DetailedWeekViewSkin.ALL_DAY")).isEqualTo("Весь день");
  }

  @Test
  void theDatePatternsFormatInRussian() {
    ResourceBundle russian = ResourceBundle.getBundle(BUNDLE, RU);
    LocalDateTime sample = LocalDateTime.of(2026, 12, 7, 14, 30);

    assertThat(DateTimeFormatter.ofPattern(russian.getString("WeekPage.DATE_FORMAT"), RU)
        .format(sample)).isEqualTo("декабрь 2026");
    assertThat(DateTimeFormatter.ofPattern(russian.getString("DayPage.DATE_FORMATTER"), RU)
        .format(sample)).isEqualTo("понедельник, 7 декабря 2026");
    assertThat(DateTimeFormatter.ofPattern(russian.getString("WeekDayHeaderView.CELL_DATE_FORMAT"),
        RU).format(sample)).isEqualTo("пн, 7");
  }

  private static Set<String> placeholders(String text) {
    Set<String> found = new TreeSet<>();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      found.add(m.group());
    }
    return found;
  }
}
