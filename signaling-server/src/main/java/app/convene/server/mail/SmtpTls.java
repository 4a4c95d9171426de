package app.convene.server.mail;

import java.util.Locale;
import java.util.Optional;

/** How the connection to the SMTP server is protected. */
public enum SmtpTls {
  /** Plain text, e.g. to a relay on the same host; port 25 by default. */
  NONE(25),
  /** Plain connect, then STARTTLS, which the server must offer (never falls back); port 587. */
  STARTTLS(587),
  /** TLS from the first byte ("SMTPS", RFC 8314); port 465. */
  IMPLICIT(465);

  private final int defaultPort;

  SmtpTls(int defaultPort) {
    this.defaultPort = defaultPort;
  }

  /** The usual port of this mode. */
  public int defaultPort() {
    return defaultPort;
  }

  /** {@code none}, {@code starttls} or {@code implicit}, in any case; empty otherwise. */
  public static Optional<SmtpTls> parse(String text) {
    for (SmtpTls mode : values()) {
      if (mode.name().equalsIgnoreCase(text == null ? "" : text.strip())) {
        return Optional.of(mode);
      }
    }
    return Optional.empty();
  }

  /** The name as the {@code --smtp-tls} flag takes it. */
  public String flagValue() {
    return name().toLowerCase(Locale.ROOT);
  }
}
