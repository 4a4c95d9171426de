package app.convene.server.mail;

import app.convene.protocol.api.EventView;
import app.convene.protocol.api.Recurrence;
import java.text.MessageFormat;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * The words of invitation e-mail, from the {@code mail} resource bundle, in English (the
 * default) or Russian. Immutable; thread-safe.
 */
final class MailText {
  static final String BUNDLE = "app.convene.server.mail.mail";
  /** The languages there are texts for; the first is the default. */
  static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.of("ru"));
  /** The key in a user's preference settings that names their language, e.g. {@code ru}. */
  static final String LANGUAGE_SETTING = "language";

  private final Locale locale;
  private final ResourceBundle bundle;

  private MailText(Locale locale) {
    this.locale = locale;
    // No fallback to the JVM's default locale: English is the base bundle.
    this.bundle = ResourceBundle.getBundle(BUNDLE, locale,
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  /** The texts in the language of this BCP 47 tag ({@code ru}, {@code ru-RU}, …), else English. */
  static MailText in(String languageTag) {
    return new MailText(language(languageTag));
  }

  /** One of {@link #LANGUAGES}: the one of the tag's language, else English. */
  static Locale language(String languageTag) {
    if (languageTag == null || languageTag.isBlank()) {
      return LANGUAGES.getFirst();
    }
    String language = Locale.forLanguageTag(languageTag.strip().replace('_', '-')).getLanguage();
    return LANGUAGES.stream().filter(l -> l.getLanguage().equals(language)).findFirst()
        .orElse(LANGUAGES.getFirst());
  }

  Locale locale() {
    return locale;
  }

  /** The text of a key, with its arguments filled in. */
  String get(String key, Object... arguments) {
    return new MessageFormat(bundle.getString(key), locale).format(arguments);
  }

  /**
   * When the meeting (its first occurrence) takes place, in its own time zone: e.g. {@code Dec 1,
   * 2026, 10:00 AM – 10:30 AM (Europe/Berlin)}.
   */
  String when(EventView meeting) {
    ZoneId zone = ZoneId.of(meeting.timeZone());
    ZonedDateTime start = meeting.start().atZone(zone);
    ZonedDateTime end = meeting.end().atZone(zone);
    DateTimeFormatter dateTime = DateTimeFormatter
        .ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale);
    DateTimeFormatter time = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT)
        .withLocale(locale);
    String until = start.toLocalDate().equals(end.toLocalDate())
        ? time.format(end) : dateTime.format(end);
    return get("when.range", dateTime.format(start), until, zone.getId());
  }

  /** How a meeting repeats, e.g. {@code every 2 weeks, until Dec 31, 2026}. */
  String repeats(Recurrence recurrence) {
    Objects.requireNonNull(recurrence, "recurrence == null");
    String text = get("repeats." + recurrence.frequency().name(), recurrence.interval());
    if (recurrence.until() != null) {
      return get("repeats.until", text, DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
          .withLocale(locale).format(recurrence.until()));
    }
    if (recurrence.count() != null) {
      return get("repeats.count", text, recurrence.count());
    }
    return text;
  }
}
