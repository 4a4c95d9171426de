package app.convene.server.auth;

import app.convene.server.http.ApiException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Which new passwords are accepted, after NIST SP 800-63B-4 (section 3.1.1.2) and OWASP ASVS 5.0
 * (V6.2): a minimum length (8 by default, configurable up to 64), at most {@value #MAX_LENGTH}
 * characters, any characters and no composition rules, and none of the common passwords shipped
 * in {@code common-passwords.txt} (the 17,950 of at least 8 characters among the 49,233 most
 * common passwords of the zxcvbn-ts common list, MIT licence; see {@code
 * common-passwords.LICENSE.txt} and docs/server.md), compared without regard to case, nor the
 * account's own e-mail address or its part before the {@code @}.
 *
 * <p>Thread-safe; immutable once built.
 */
final class PasswordPolicy {
  /** The longest password accepted (NIST asks for at least 64). */
  static final int MAX_LENGTH = 200;
  static final String LIST = "common-passwords.txt";

  private final int minLength;
  private final Set<String> common;

  PasswordPolicy(int minLength) {
    this(minLength, load());
  }

  PasswordPolicy(int minLength, Set<String> common) {
    this.minLength = minLength;
    this.common = Set.copyOf(common);
  }

  int minLength() {
    return minLength;
  }

  /**
   * The password, or a 400 {@code weak_password} ({@code invalid_input} when missing) whose
   * message says what a password needs.
   *
   * @param email the account's address, in lower case
   */
  String check(String password, String email) {
    Objects.requireNonNull(email, "email == null");
    if (password == null || password.isEmpty()) {
      throw ApiException.invalid("'password' is required");
    }
    int length = password.codePointCount(0, password.length());
    if (length < minLength || length > MAX_LENGTH) {
      throw weak("'password' must have " + minLength + " to " + MAX_LENGTH
          + " characters; any characters, spaces too", Map.of("rule", "length",
          "min", String.valueOf(minLength), "max", String.valueOf(MAX_LENGTH)));
    }
    String lower = password.toLowerCase(Locale.ROOT);
    if (common.contains(lower)) {
      throw weak("'password' is one of the most common passwords, which attackers try first; choose"
          + " another, e.g. a few unrelated words", Map.of("rule", "common"));
    }
    if (lower.equals(email) || lower.equals(email.substring(0, email.lastIndexOf('@')))) {
      throw weak("'password' must not be your e-mail address", Map.of("rule", "address"));
    }
    return password;
  }

  /** A 400 {@code weak_password}; {@code details} name the rule (length, common, address). */
  private static ApiException weak(String message, Map<String, String> details) {
    return new ApiException(400, "weak_password", message, details);
  }

  private static Set<String> load() {
    try (InputStream in = PasswordPolicy.class.getResourceAsStream(LIST)) {
      if (in == null) {
        throw new IllegalStateException(LIST + " is missing from the server's resources");
      }
      Set<String> words = new HashSet<>();
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (!line.isBlank()) {
          words.add(line.strip().toLowerCase(Locale.ROOT));
        }
      }
      return words;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
