package app.convene.server.http;

/**
 * Checks of text from clients that several endpoints share. Lengths are counted in Unicode code
 * points after stripping. Every failure is a 400 {@link ApiException} that names the field.
 * Stateless.
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
    return stripped;
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
