package app.convene.server.mail;

import app.convene.protocol.api.AttendeeView;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;

/**
 * Hands messages to the SMTP server with Jakarta Mail (Angus): one connection for a batch, one
 * message per recipient. The TLS mode decides the session: STARTTLS is required when asked for
 * (never a silent fall-back to plain text), implicit TLS from the first byte; both check the
 * server's certificate and host name against the JDK's trust store.
 *
 * <p>Used on the mailer's thread only. Never logs or reports the password.
 */
final class SmtpSender {
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  static final Duration IO_TIMEOUT = Duration.ofSeconds(30);

  /** A message and whom it goes to. */
  record Outgoing(AttendeeView recipient, MimeMessage message) {}

  /**
   * How a batch went.
   *
   * @param retry recipients whose message may get through later (the connection failed, …)
   * @param refused recipients the server refused for good (an unknown address, …)
   * @param error the last failure, or {@code null} when all went out
   */
  record Result(List<AttendeeView> retry, List<AttendeeView> refused, Exception error) {}

  private final SmtpSettings settings;
  private final Session session;

  SmtpSender(SmtpSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings == null");
    if (!settings.enabled()) {
      throw new IllegalArgumentException("mail is off: no SMTP host");
    }
    this.session = Session.getInstance(properties(settings));
  }

  Session session() {
    return session;
  }

  /** The Jakarta Mail session properties of these settings (no password among them). */
  static Properties properties(SmtpSettings settings) {
    Properties p = new Properties();
    p.setProperty("mail.transport.protocol", "smtp");
    p.setProperty("mail.smtp.host", settings.host());
    p.setProperty("mail.smtp.port", Integer.toString(settings.port()));
    // The sender's address also names this host in Message-IDs, without a DNS lookup.
    p.setProperty("mail.from", settings.fromAddress().getAddress());
    p.setProperty("mail.smtp.connectiontimeout", Long.toString(CONNECT_TIMEOUT.toMillis()));
    p.setProperty("mail.smtp.timeout", Long.toString(IO_TIMEOUT.toMillis()));
    p.setProperty("mail.smtp.writetimeout", Long.toString(IO_TIMEOUT.toMillis()));
    p.setProperty("mail.smtp.auth", Boolean.toString(settings.username() != null));
    switch (settings.tls()) {
      case NONE -> p.setProperty("mail.smtp.starttls.enable", "false");
      case STARTTLS -> {
        p.setProperty("mail.smtp.starttls.enable", "true");
        p.setProperty("mail.smtp.starttls.required", "true");
        p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
      }
      case IMPLICIT -> {
        p.setProperty("mail.smtp.ssl.enable", "true");
        p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
      }
    }
    return p;
  }

  /** Sends each message; never throws for a failure of the server or the network. */
  Result send(List<Outgoing> batch) {
    List<AttendeeView> retry = new ArrayList<>();
    List<AttendeeView> refused = new ArrayList<>();
    Exception error = null;
    Transport transport;
    try {
      transport = session.getTransport();
      transport.connect(settings.host(), settings.port(), settings.username(),
          settings.password());
    } catch (MessagingException | RuntimeException e) {
      return new Result(batch.stream().map(Outgoing::recipient).toList(), List.of(), e);
    }
    try {
      for (int i = 0; i < batch.size(); i++) {
        Outgoing outgoing = batch.get(i);
        try {
          transport.sendMessage(outgoing.message(), outgoing.message().getAllRecipients());
        } catch (SendFailedException e) {
          boolean forGood = e.getInvalidAddresses() != null && e.getInvalidAddresses().length > 0;
          (forGood ? refused : retry).add(outgoing.recipient());
          error = e;
        } catch (MessagingException | RuntimeException e) {
          // The connection is likely broken: this one and the rest wait for the next attempt.
          batch.subList(i, batch.size()).forEach(o -> retry.add(o.recipient()));
          error = e;
          break;
        }
      }
    } finally {
      try {
        transport.close();
      } catch (MessagingException e) {
        // Everything handed over is sent; a failed QUIT changes nothing.
      }
    }
    return new Result(retry, refused, error);
  }
}
