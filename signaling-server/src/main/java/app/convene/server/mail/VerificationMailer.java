package app.convene.server.mail;

import app.convene.protocol.api.AttendeeView;
import app.convene.server.auth.VerificationSender;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the e-mail that verifies an account's address: one plain-text message, in English and
 * Russian (the account has no language setting yet when it registers), with the signed link.
 *
 * <p>Threads: {@link #send} runs on a request's thread and only enqueues; messages go out in order
 * on one daemon thread, "convene-verification-mail". A failed send is logged (WARN, without the
 * link) and not retried: the user asks for a new link from the app. Only built with mail on.
 */
public final class VerificationMailer implements VerificationSender, AutoCloseable {
  static final Duration CLOSE_WAIT = Duration.ofSeconds(5);
  private static final Logger log = LoggerFactory.getLogger(VerificationMailer.class);

  private final SmtpSender sender;
  private final InternetAddress from;
  private final Clock clock;
  private final ExecutorService thread = Executors.newSingleThreadExecutor(
      Thread.ofPlatform().name("convene-verification-mail").daemon().factory());

  public VerificationMailer(SmtpSettings settings, Clock clock) {
    Objects.requireNonNull(settings, "settings == null");
    this.sender = new SmtpSender(settings);
    this.from = settings.fromAddress();
    this.clock = Objects.requireNonNull(clock, "clock == null");
  }

  @Override
  public void send(String email, String displayName, URI link) {
    AttendeeView recipient = new AttendeeView(email, displayName);
    try {
      thread.execute(() -> deliver(recipient, link));
    } catch (RejectedExecutionException e) {
      log.atWarn().log("verification e-mail dropped: the server is stopping");
    }
  }

  /** On the mail thread. */
  private void deliver(AttendeeView recipient, URI link) {
    try {
      SmtpSender.Result result = sender.send(List.of(
          new SmtpSender.Outgoing(recipient, message(recipient, link))));
      if (result.error() != null) {
        log.atWarn().addKeyValue("error", String.valueOf(result.error()))
            .log("verification e-mail not sent");
      }
    } catch (MessagingException | RuntimeException e) {
      log.atWarn().addKeyValue("error", e.toString()).log("verification e-mail not built");
    }
  }

  private MimeMessage message(AttendeeView recipient, URI link) throws MessagingException {
    MimeMessage message = new MimeMessage(sender.session());
    message.setFrom(from);
    message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(recipient.email()));
    message.setSubject("Confirm your e-mail address for Convene / Подтвердите адрес для Convene",
        "UTF-8");
    message.setSentDate(Date.from(clock.instant()));
    message.setText(text(SafeText.oneLine(recipient.displayName()), link), "UTF-8");
    message.saveChanges();
    return message;
  }

  static String text(String name, URI link) {
    return "Hello " + name + ",\n\n"
        + "open this link to confirm that this address is yours. Until then, meetings you are"
        + " invited to by this address do not let you in:\n\n" + link + "\n\n"
        + "If you did not create a Convene account, ignore this message.\n\n"
        + "---\n\n"
        + "Здравствуйте, " + name + "!\n\n"
        + "Откройте эту ссылку, чтобы подтвердить, что адрес ваш. До этого встречи, на которые"
        + " вас пригласили по этому адресу, вас не впустят:\n\n" + link + "\n\n"
        + "Если вы не создавали учётную запись Convene, не отвечайте на это письмо.\n";
  }

  /** Lets queued messages go out for a bounded time. */
  @Override
  public void close() {
    thread.shutdown();
    try {
      if (!thread.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
        log.atWarn().log("verification e-mail still queued at shutdown; dropped");
        thread.shutdownNow();
      }
    } catch (InterruptedException e) {
      thread.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
