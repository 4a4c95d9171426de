package app.convene.server.http;

/**
 * Checks of text from clients that several endpoints share. Lengths are counted in Unicode code
 * points after stripping. Every failure is a 400 {@link ApiException} that names the field.
 * Stateless.
 *
 * <p>Names that people see (display names, room names, event titles: every {@link #line}) must not
 * contain characters that hide or disguise text: a lone UTF-16 surrogate (half a character, which
 * the database would store as "?"), bidirectional overrides and isolates (U+202A to U+202E, U+2066
 * to U+2069, which make "gnp.exe" read as "exe.png") and zero-width characters (U+200B to U+200D,
 * U+2060, U+FEFF, which make two different names look the same).
 */
public final class InputRules {
  private InputRules() {}

  /**
   * A required single-line text: stripped, 1 to {@code max} characters, no control characters.
   *
   * @return the stripped text
   */
  public static String line(String value, String field, int max) {
    if (value == null || value.isBlank()) {
      throw ApiException.invalid("'" + field + "' is required");
    }
    String stripped = value.strip();
    checkLength(stripped, field, max);
    if (stripped.codePoints().anyMatch(Character::isISOControl)) {
      throw ApiException.invalid("'" + field + "' must not contain control characters");
    }
    hiddenCharacter(stripped, field).ifPresent(problem -> {
      throw ApiException.invalid(problem);
    });
    return stripped;
  }

  /**
   * Why a name people see is unacceptable because of a lone surrogate, a bidirectional control or
   * a zero-width character; empty if it has none.
   */
  public static java.util.Optional<String> hiddenCharacter(String value, String field) {
    java.util.OptionalInt found = value.codePoints()
        .filter(c -> (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE) || hidden(c))
        .findFirst();
    if (found.isEmpty()) {
      return java.util.Optional.empty();
    }
    int c = found.getAsInt();
    String code = String.format("U+%04X", c);
    return java.util.Optional.of(c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE
        ? "'" + field + "' contains half of a character (" + code + " without its pair)"
        : "'" + field + "' must not contain invisible or text-direction characters (" + code + ")");
  }

  private static boolean hidden(int c) {
    return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)
        || (c >= 0x200B && c <= 0x200D) || c == 0x2060 || c == 0xFEFF;
  }

  /**
   * An optional multi-line text: at most {@code max} characters; line breaks and tabs are fine,
   * other control characters are not.
   *
   * @return the text, or {@code null} when absent or blank
   */
  public static String multiline(String value, String field, int max) {
    if (value == null || value.isBlank()) {
      return null;
    }
    checkLength(value, field, max);
    if (value.codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r'
        && c != '\t')) {
      throw ApiException.invalid(
          "'" + field + "' must not contain control characters other than line breaks and tabs");
    }
    return value;
  }

  private static void checkLength(String value, String field, int max) {
    int length = value.codePointCount(0, value.length());
    if (length > max) {
      throw ApiException.invalid(
          "'" + field + "' has " + length + " characters; at most " + max + " are allowed");
    }
  }
}
