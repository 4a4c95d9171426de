package app.convene.client.i18n;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The user-visible text of the app, from {@code messages*.properties} next to this class. The
 * app's language is the JVM's default locale: the operating system's, or the one the user picked
 * with {@code --lang}, set once by the launcher before any window opens, since CalendarFX and
 * JavaFX's own controls read it too. This class keeps no state of its own.
 */
public final class Messages {
  /** The languages the app ships. */
  public static final Locale[] LANGUAGES = {Locale.ENGLISH, Locale.forLanguageTag("ru")};

  private Messages() {}

  /**
   * Makes {@code locale} the app's language, for our texts and CalendarFX's and JavaFX's alike:
   * the launcher's {@code --lang}, and tests. A bare language the system speaks already keeps the
   * system's region ({@code --lang=en} on a British system keeps 24-hour times).
   */
  public static void use(Locale locale) {
    if (!locale.getCountry().isEmpty()
        || !Locale.getDefault().getLanguage().equals(locale.getLanguage())) {
      Locale.setDefault(locale);
    }
  }

  /**
   * The locale of the texts and of the dates, times and numbers in them: the system's when it
   * speaks the same language (so that British English gets 24-hour times and Monday weeks, as
   * CalendarFX, which takes the system's, shows them), else the language's own.
   */
  public static Locale locale() {
    ResourceBundle bundle = bundle();
    Locale language = bundle.getLocale().getLanguage().isEmpty()
        ? Locale.ENGLISH : bundle.getLocale();
    Locale system = Locale.getDefault(Locale.Category.FORMAT);
    return system.getLanguage().equals(language.getLanguage()) ? system : language;
  }

  public static String get(String key) {
    try {
      return bundle().getString(key);
    } catch (MissingResourceException e) {
      return key;
    }
  }

  public static String format(String key, Object... args) {
    return new MessageFormat(get(key), locale()).format(args);
  }

  /** The texts in the app's language; the JDK caches each bundle after the first load. */
  private static ResourceBundle bundle() {
    return load(Locale.getDefault());
  }

  private static ResourceBundle load(Locale locale) {
    return ResourceBundle.getBundle(
        "app.convene.client.i18n.messages", locale, ResourceBundle.Control.getNoFallbackControl(
            ResourceBundle.Control.FORMAT_PROPERTIES));
  }
}
