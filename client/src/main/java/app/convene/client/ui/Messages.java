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

  public static Locale locale() {
    return bundle.getLocale().getLanguage().isEmpty() ? Locale.ENGLISH : bundle.getLocale();
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
