package app.convene.server.mail;

import app.convene.server.SettingChecks;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Objects;

/**
 * Where invitation e-mail goes out: an SMTP server and the sender address. Without a host, mail
 * is off ({@link #OFF}): nothing is sent and nothing is tried.
 *
 * @param host the SMTP server's name or address, or {@code null} for no mail
 * @param port its port, 1 to 65535
 * @param tls how the connection is protected
 * @param username the login, or {@code null} for none; given together with {@code password}
 * @param password the login's password, or {@code null}; never logged
 * @param from the sender, e.g. {@code Convene <convene@example.org>}; required with a host
 */
public record SmtpSettings(String host, int port, SmtpTls tls, String username, String password,
    String from) {
  /** No mail. */
  public static final SmtpSettings OFF =
      new SmtpSettings(null, SmtpTls.STARTTLS.defaultPort(), SmtpTls.STARTTLS, null, null, null);

  public SmtpSettings {
    Objects.requireNonNull(tls, "tls == null");
    SettingChecks.inRange("port", port, 1, 65_535);
    if (host != null) {
      if (!isHostName(host)) {
        throw new IllegalArgumentException("host must be a name or address without spaces");
      }
      if ((username == null) != (password == null)) {
        throw new IllegalArgumentException("give the SMTP user and password together, or neither");
      }
      if (username != null && (username.isBlank() || hasLineBreak(username))) {
        throw new IllegalArgumentException("the SMTP user is blank or has a line break");
      }
      if (password != null && (password.isEmpty() || hasLineBreak(password))) {
        throw new IllegalArgumentException("the SMTP password is empty or has a line break");
      }
      sender(Objects.requireNonNull(from, "from == null: a sender address is required"));
    }
  }

  /** Whether mail is on: a host is set. */
  public boolean enabled() {
    return host != null;
  }

  /** The sender as an address, checked strictly (RFC 822 syntax, one address, no line breaks). */
  public InternetAddress fromAddress() {
    return sender(from);
  }

  /** Whether the text can be a host name or address: not blank, no spaces or control characters. */
  public static boolean isHostName(String host) {
    return !host.isBlank() && host.codePoints().noneMatch(c -> c <= ' ' || c == 0x7f);
  }

  /**
   * The sender address, checked strictly: one RFC 822 address, with an optional name, no line
   * breaks.
   *
   * @throws IllegalArgumentException saying what is wrong
   */
  public static InternetAddress sender(String from) {
    if (hasLineBreak(from)) {
      throw new IllegalArgumentException("the sender address has a line break");
    }
    try {
      InternetAddress[] parsed = InternetAddress.parse(from.strip(), true);
      if (parsed.length != 1 || !parsed[0].getAddress().contains("@")) {
        throw new IllegalArgumentException(
            "the sender must be one address, e.g. Convene <convene@example.org>");
      }
      parsed[0].validate();
      return parsed[0];
    } catch (AddressException e) {
      throw new IllegalArgumentException(
          "the sender is not an e-mail address, e.g. Convene <convene@example.org>");
    }
  }

  /** Whether the text has a CR or LF. */
  public static boolean hasLineBreak(String text) {
    return text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0;
  }

  /** Like the record's own, but never shows the password. */
  @Override
  public String toString() {
    if (!enabled()) {
      return "SmtpSettings[off]";
    }
    return "SmtpSettings[host=" + host + ", port=" + port + ", tls=" + tls.flagValue()
        + ", username=" + username + ", password=" + (password == null ? "none" : "(hidden)")
        + ", from=" + from + "]";
  }
}
