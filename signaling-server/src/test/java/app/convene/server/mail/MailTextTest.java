package app.convene.server.mail;

import static org.assertj.core.api.Assertions.assertThat;

import app.convene.protocol.api.Recurrence;
import java.time.LocalDate;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

class MailTextTest {
  @Test
  void everyLanguageHasTheSameKeys() {
    ResourceBundle.Control plain =
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    ResourceBundle english = ResourceBundle.getBundle(MailText.BUNDLE, Locale.ROOT, plain);
    for (Locale language : MailText.LANGUAGES) {
      ResourceBundle bundle = ResourceBundle.getBundle(MailText.BUNDLE, language, plain);
      assertThat(bundle.keySet()).as(language.toString())
          .containsExactlyInAnyOrderElementsOf(english.keySet());
      for (InviteKind kind : InviteKind.values()) {
        assertThat(bundle.containsKey("subject." + kind.name())).isTrue();
        assertThat(bundle.containsKey("intro." + kind.name())).isTrue();
      }
    }
    assertThat(ResourceBundle.getBundle(MailText.BUNDLE, Locale.of("ru"), plain).getLocale())
        .isEqualTo(Locale.of("ru"));
  }

  @Test
  void languageComesFromTheTagAndIsEnglishOtherwise() {
    assertThat(MailText.language("ru")).isEqualTo(Locale.of("ru"));
    assertThat(MailText.language("ru-RU")).isEqualTo(Locale.of("ru"));
    assertThat(MailText.language("ru_RU")).isEqualTo(Locale.of("ru"));
    assertThat(MailText.language("de")).isEqualTo(Locale.ENGLISH);
    assertThat(MailText.language("")).isEqualTo(Locale.ENGLISH);
    assertThat(MailText.language(null)).isEqualTo(Locale.ENGLISH);
    assertThat(MailText.language("not a tag!")).isEqualTo(Locale.ENGLISH);
  }

  @Test
  void englishDoesNotFollowTheJvmDefaultLocale() {
    Locale before = Locale.getDefault();
    try {
      Locale.setDefault(Locale.of("ru"));
      assertThat(MailText.in(null).get("subject.INVITATION", "Review", "today"))
          .isEqualTo("Invitation: Review @ today");
    } finally {
      Locale.setDefault(before);
    }
  }

  @Test
  void repeatsSaysHowOftenAndHowLong() {
    MailText english = MailText.in("en");
    MailText russian = MailText.in("ru");
    Recurrence weekly = new Recurrence(Recurrence.Frequency.WEEKLY, 1, null, null);
    Recurrence everyThreeDays = new Recurrence(Recurrence.Frequency.DAILY, 3, null, 10);
    Recurrence untilMarch = new Recurrence(Recurrence.Frequency.WEEKLY, 2,
        LocalDate.of(2027, 3, 31), null);

    assertThat(english.repeats(weekly)).isEqualTo("weekly");
    assertThat(english.repeats(everyThreeDays)).isEqualTo("every 3 days, 10 times in all");
    assertThat(english.repeats(untilMarch)).isEqualTo("every 2 weeks, until Mar 31, 2027");
    assertThat(russian.repeats(weekly)).isEqualTo("еженедельно");
    assertThat(russian.repeats(everyThreeDays)).isEqualTo("каждые 3 дн., число встреч: 10");
  }
}
