package app.convene.client.ui;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The user-visible text of the app, from {@code messages*.properties} next to this class. The
 * locale follows the operating system unless the user picked one.
 */
public final class Messages {
  /** The languages the app ships. */
  public static final Locale[] LANGUAGES = {Locale.ENGLISH, Locale.forLanguageTag("ru")};

  private static volatile ResourceBundle bundle = load(Locale.getDefault());

  private Messages() {}

  public static void use(Locale locale) {
    bundle = load(locale);
  }

  /**
   * The locale of the texts and of the dates, times and numbers in them: the system's when it
   * speaks the same language (so that British English gets 24-hour times and Monday weeks, as
   * CalendarFX, which takes the system's, shows them), else the language's own.
   */
  public static Locale locale() {
    Locale language = bundle.getLocale().getLanguage().isEmpty()
        ? Locale.ENGLISH : bundle.getLocale();
    Locale system = Locale.getDefault(Locale.Category.FORMAT);
    return system.getLanguage().equals(language.getLanguage()) ? system : language;
  }

  public static String get(String key) {
    try {
      return bundle.getString(key);
    } catch (MissingResourceException e) {
      return key;
    }
  }

  public static String format(String key, Object... args) {
    return new MessageFormat(get(key), locale()).format(args);
  }

  private static ResourceBundle load(Locale locale) {
    return ResourceBundle.getBundle(
        "app.convene.client.ui.messages", locale, ResourceBundle.Control.getNoFallbackControl(
            ResourceBundle.Control.FORMAT_PROPERTIES));
  }
}
