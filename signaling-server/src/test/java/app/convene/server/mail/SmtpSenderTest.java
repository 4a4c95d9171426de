package app.convene.server.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The session each TLS mode asks Jakarta Mail for. */
class SmtpSenderTest {
  private static final String FROM = "Convene <convene@example.org>";

  @Test
  void starttlsIsRequiredWithACheckedCertificate() {
    Properties p = SmtpSender.properties(settings(SmtpTls.STARTTLS));

    assertThat(p).containsEntry("mail.smtp.starttls.enable", "true")
        .containsEntry("mail.smtp.starttls.required", "true")
        .containsEntry("mail.smtp.ssl.checkserveridentity", "true")
        .doesNotContainKey("mail.smtp.ssl.enable")
        .doesNotContainKey("mail.smtp.ssl.trust");
  }

  @Test
  void implicitTlsStartsWithTls() {
    Properties p = SmtpSender.properties(settings(SmtpTls.IMPLICIT));

    assertThat(p).containsEntry("mail.smtp.ssl.enable", "true")
        .containsEntry("mail.smtp.ssl.checkserveridentity", "true")
        .doesNotContainKey("mail.smtp.ssl.trust");
  }

  @Test
  void noneIsPlainAndOnlyThen() {
    Properties p = SmtpSender.properties(settings(SmtpTls.NONE));

    assertThat(p).containsEntry("mail.smtp.starttls.enable", "false")
        .doesNotContainKey("mail.smtp.ssl.enable");
  }

  @Test
  void passwordIsNotASessionProperty() {
    Properties p = SmtpSender.properties(
        new SmtpSettings("smtp.example.org", 587, SmtpTls.STARTTLS, "mailer", "open-sesame", FROM));

    assertThat(p).containsEntry("mail.smtp.auth", "true")
        .containsEntry("mail.from", "convene@example.org");
    assertThat(p.values()).doesNotContain("open-sesame");
  }

  private static SmtpSettings settings(SmtpTls tls) {
    return new SmtpSettings("smtp.example.org", tls.defaultPort(), tls, null, null, FROM);
  }
}
