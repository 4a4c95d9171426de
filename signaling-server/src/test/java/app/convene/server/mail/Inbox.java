package app.convene.server.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * A real SMTP server in the test's JVM (GreenMail) on a loopback port, and what it received,
 * parsed as invitations. Accepts any recipient.
 */
final class Inbox implements AutoCloseable {
  static final String FROM = "Convene <convene@example.org>";
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final GreenMail greenMail;

  private Inbox(GreenMail greenMail) {
    this.greenMail = greenMail;
  }

  /** On a free port. */
  static Inbox start() {
    return start(0);
  }

  /** On this port; 0 for a free one. */
  static Inbox start(int port) {
    ServerSetup setup = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
    GreenMail greenMail = new GreenMail(port == 0 ? setup.dynamicPort() : setup);
    greenMail.start();
    return new Inbox(greenMail);
  }

  /** Lets SMTP clients log in with this name and password (GreenMail refuses unknown ones). */
  Inbox withLogin(String login, String password) {
    greenMail.setUser(login + "@example.org", login, password);
    return this;
  }

  int port() {
    return greenMail.getSmtp().getPort();
  }

  /** Plain SMTP to this inbox, sender {@link #FROM}. */
  SmtpSettings settings() {
    return new SmtpSettings("127.0.0.1", port(), SmtpTls.NONE, null, null, FROM);
  }

  /** Waits until at least {@code count} messages are in, then returns all there are. */
  List<ReceivedInvite> await(int count) {
    assertThat(greenMail.waitForIncomingEmail(WAIT.toMillis(), count))
        .as("%d message(s) within %s; got %d", count, WAIT, received().size()).isTrue();
    return received().stream().map(ReceivedInvite::parse).toList();
  }

  List<MimeMessage> received() {
    return Arrays.asList(greenMail.getReceivedMessages());
  }

  void clear() {
    try {
      greenMail.purgeEmailFromAllMailboxes();
    } catch (FolderException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    greenMail.stop();
  }
}
