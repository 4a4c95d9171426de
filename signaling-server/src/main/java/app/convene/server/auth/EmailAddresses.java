package app.convene.server.auth;

import app.convene.server.http.ApiException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The e-mail addresses the server accepts: a simple, strict form of {@code local@domain}. The
 * local part has letters, digits and {@code !#$%&'*+/=?^_`{|}~-}, with single dots between them
 * (at most 64 characters); the domain has at least two dot-separated labels of letters, digits and
 * inner hyphens; the whole is at most 254 characters. No quoting, comments, IP literals, spaces or
 * control characters. Addresses are compared and stored in lower case. Stateless.
 */
public final class EmailAddresses {
  /** The longest address accepted. */
  public static final int MAX_LENGTH = 254;

  private static final Pattern LOCAL =
      Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
  private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");

  private EmailAddresses() {}

  /**
   * The address in lower case, or a 400 {@link ApiException} naming the field.
   *
   * @param field how the client names the value, e.g. {@code email} or {@code attendees[2]}
   */
  public static String normalize(String value, String field) {
    return parse(value).orElseThrow(() -> ApiException.invalid(
        value == null || value.isBlank()
            ? "'" + field + "' is required"
            : "'" + field + "' is not a valid e-mail address (name@example.org)"));
  }

  /** The address in lower case, or empty when it is not one. */
  public static Optional<String> parse(String value) {
    if (value == null || value.codePoints().anyMatch(Character::isISOControl)) {
      return Optional.empty();
    }
    String address = value.strip();
    if (address.length() > MAX_LENGTH) {
      return Optional.empty();
    }
    int at = address.lastIndexOf('@');
    if (at <= 0 || at > 64 || at == address.length() - 1) {
      return Optional.empty();
    }
    String local = address.substring(0, at);
    String domain = address.substring(at + 1);
    if (!LOCAL.matcher(local).matches() || !validDomain(domain)) {
      return Optional.empty();
    }
    return Optional.of(address.toLowerCase(Locale.ROOT));
  }

  private static boolean validDomain(String domain) {
    String[] labels = domain.split("\\.", -1);
    if (labels.length < 2) {
      return false;
    }
    for (String label : labels) {
      if (!LABEL.matcher(label).matches()) {
        return false;
      }
    }
    return true;
  }
}
