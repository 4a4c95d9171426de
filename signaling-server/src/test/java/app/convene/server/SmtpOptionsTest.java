package app.convene.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.convene.server.mail.SmtpSettings;
import app.convene.server.mail.SmtpTls;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code --smtp-*} options: mail off without a host, the port by TLS mode, every error. */
class SmtpOptionsTest {
  @Test
  void mailIsOffWithoutAnSmtpHostWhateverElseIsSet() {
    ServerConfig config = ServerConfig.parse(
        new String[] {"--smtp-port=25", "--smtp-tls=bogus", "--smtp-from=not an address"},
        Map.of("CONVENE_SMTP_PASSWORD", "open-sesame"));

    assertThat(config.smtp()).isEqualTo(SmtpSettings.OFF);
    assertThat(config.toString()).contains("smtp=SmtpSettings[off]");
  }

  @Test
  void smtpPortFollowsTheTlsModeUnlessGiven() {
    String[] host = {"--smtp-host=smtp.example.org", "--smtp-from=convene@example.org"};

    assertThat(ServerConfig.parse(host, Map.of()).smtp())
        .isEqualTo(new SmtpSettings("smtp.example.org", 587, SmtpTls.STARTTLS, null, null,
            "convene@example.org"));
    assertThat(ServerConfig.parse(host, Map.of("CONVENE_SMTP_TLS", "implicit")).smtp().port())
        .isEqualTo(465);
    assertThat(ServerConfig.parse(host, Map.of("CONVENE_SMTP_TLS", "none")).smtp().port())
        .isEqualTo(25);
  }

  @Test
  void badSmtpSettingsNameTheFlagAndNeverThePassword() {
    assertThatThrownBy(() -> ServerConfig.parse(new String[] {"--smtp-host=smtp.example.org"},
            Map.of()))
        .hasMessageContaining("--smtp-from");
    assertThatThrownBy(() -> ServerConfig.parse(new String[] {"--smtp-host=smtp.example.org",
            "--smtp-from=Convene <convene@example.org>, x@example.org"}, Map.of()))
        .hasMessageContaining("--smtp-from");
    assertThatThrownBy(() -> ServerConfig.parse(new String[] {"--smtp-host=smtp.example.org",
            "--smtp-from=convene@example.org", "--smtp-tls=ssl"}, Map.of()))
        .hasMessageContaining("--smtp-tls").hasMessageContaining("starttls");
    assertThatThrownBy(() -> ServerConfig.parse(new String[] {"--smtp-host=smtp.example.org",
            "--smtp-from=convene@example.org", "--smtp-password=open-sesame"}, Map.of()))
        .hasMessageContaining("--smtp-user").hasMessageNotContaining("open-sesame");
    assertThatThrownBy(() -> ServerConfig.parse(new String[] {"--smtp-host=smtp.example.org",
            "--smtp-from=convene@example.org", "--smtp-user=mailer"},
            Map.of("CONVENE_SMTP_PASSWORD", "open\r\nsesame".translateEscapes())))
        .hasMessageContaining("line break").hasMessageNotContaining("sesame");
    assertThatThrownBy(() -> ServerConfig.parse(new String[] {"--smtp-host=smtp example.org",
            "--smtp-from=convene@example.org"}, Map.of()))
        .hasMessageContaining("--smtp-host");
  }
}
