package app.convene.server.mail;

import java.util.regex.Pattern;

/**
 * Makes text that users typed (titles, names, descriptions) safe for mail headers and iCalendar
 * lines, whatever the API let through: no CR, LF or other control character survives into a
 * header or a property parameter, so none can start a new header, property or parameter.
 * Stateless.
 */
final class SafeText {
  /** Control characters (C0, DEL, C1) and the Unicode line and paragraph separators. */
  private static final Pattern BREAKS = Pattern.compile("[\\x00-\\x1F\\x7F-\\x9F\\u2028\\u2029]+");
  private static final Pattern LINE_ENDS = Pattern.compile("\\r\\n?|[\\u0085\\u2028\\u2029]");
  private static final Pattern OTHER_CONTROLS = Pattern.compile("[\\x00-\\x08\\x0B-\\x1F\\x7F-\\x9F]");

  private SafeText() {}

  /** One line: every run of control characters becomes one space; stripped. {@code null} → "". */
  static String oneLine(String text) {
    return text == null ? "" : BREAKS.matcher(text).replaceAll(" ").strip();
  }

  /**
   * A value for a quoted iCalendar parameter such as CN: one line, and double quotes (which RFC
   * 5545 does not allow inside one and RFC 6868 escapes in a way not every client reads) become
   * single quotes. The library quotes the value, so {@code ;}, {@code :} and {@code ,} stay in it.
   */
  static String parameter(String text) {
    return oneLine(text).replace('"', '\'');
  }

  /** Several lines: line ends become {@code \n}; tabs stay; other control characters go. */
  static String lines(String text) {
    if (text == null) {
      return "";
    }
    String unified = LINE_ENDS.matcher(text).replaceAll("\n");
    return OTHER_CONTROLS.matcher(unified).replaceAll("").strip();
  }
}
