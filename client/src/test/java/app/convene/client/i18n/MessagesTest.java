package app.convene.client.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.io.InputStreamReader;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MessagesTest {
  @AfterEach
  void english() {
    Messages.use(Locale.ENGLISH);
  }

  @Test
  void everyEnglishTextHasARussianOneAndNoOther() throws Exception {
    Properties english = load("messages.properties");
    Properties russian = load("messages_ru.properties");

    assertThat(russian.stringPropertyNames()).isEqualTo(english.stringPropertyNames());
    assertThat(russian.stringPropertyNames()).allSatisfy(key ->
        assertThat(russian.getProperty(key)).as(key).isNotBlank());
  }

  @Test
  void switchingTheLanguageChangesTheText() {
    Messages.use(Locale.forLanguageTag("ru"));
    assertThat(Messages.get("calendar.new")).isEqualTo("Новая встреча");
    assertThat(Messages.format("call.participants", 3)).isEqualTo("Участников в звонке: 3");

    Messages.use(Locale.ENGLISH);
    assertThat(Messages.get("calendar.new")).isEqualTo("New meeting");
  }

  @Test
  void datesAndTimesFollowTheSystemsRegionWhenItSpeaksTheAppsLanguage() {
    Locale before = Locale.getDefault(Locale.Category.FORMAT);
    Locale language = Locale.getDefault();
    try {
      java.time.LocalTime half = java.time.LocalTime.of(15, 30);
      java.time.format.DateTimeFormatter shortTime =
          java.time.format.DateTimeFormatter.ofLocalizedTime(java.time.format.FormatStyle.SHORT);

      Messages.use(Locale.ENGLISH);
      Locale.setDefault(Locale.Category.FORMAT, Locale.UK);
      assertThat(Messages.locale()).isEqualTo(Locale.UK);
      assertThat(shortTime.withLocale(Messages.locale()).format(half)).isEqualTo("15:30");

      Locale.setDefault(Locale.Category.FORMAT, Locale.GERMANY); // another language: the app's
      assertThat(Messages.locale()).isEqualTo(Locale.ENGLISH);
      Messages.use(Locale.forLanguageTag("ru"));
      assertThat(shortTime.withLocale(Messages.locale()).format(half)).isEqualTo("15:30");
    } finally {
      Locale.setDefault(language);
      Locale.setDefault(Locale.Category.FORMAT, before);
    }
  }

  @Test
  void choosingTheSystemsLanguageKeepsItsRegion() {
    Locale before = Locale.getDefault();
    try {
      Locale.setDefault(Locale.UK);
      Messages.use(Locale.ENGLISH); // --lang=en on a British system: still 24-hour times

      assertThat(Messages.locale()).isEqualTo(Locale.UK);
      Messages.use(Locale.forLanguageTag("ru"));
      assertThat(Messages.locale()).isEqualTo(Locale.forLanguageTag("ru"));
    } finally {
      Locale.setDefault(before);
    }
  }

  @Test
  void anUnknownLocaleFallsBackToEnglish() {
    Messages.use(Locale.JAPANESE);

    assertThat(Messages.get("calendar.new")).isEqualTo("New meeting");
  }

  private static Properties load(String name) throws Exception {
    Properties properties = new Properties();
    try (InputStream in = Messages.class.getResourceAsStream(name)) {
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties;
  }
}
