package app.convene.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.convene.server.auth.RegistrationSettings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The registration options: each mode, and every wrong value refused with the flag's name. */
class RegistrationOptionsTest {
  private static RegistrationSettings parse(String... args) {
    return ServerConfig.parse(args, Map.of()).registration();
  }

  @Test
  void eachModeIsRead() {
    assertThat(parse("--registration=open").mode()).isEqualTo(RegistrationSettings.Mode.OPEN);
    assertThat(parse("--registration=invite-only").mode())
        .isEqualTo(RegistrationSettings.Mode.INVITE_ONLY);
    RegistrationSettings domains = parse("--registration=domains:Example.org");
    assertThat(domains.mode()).isEqualTo(RegistrationSettings.Mode.DOMAINS);
    assertThat(domains.domains()).isEqualTo(List.of("example.org"));
    assertThat(parse("--registration=invite-only", "--registration-admit=Anna@Example.org, b@c.de")
        .admitted()).isEqualTo(List.of("anna@example.org", "b@c.de"));
  }

  @Test
  void wrongValuesNameTheFlag() {
    assertThatThrownBy(() -> parse("--registration=closed"))
        .hasMessage("--registration: expected open, invite-only or"
            + " domains:example.org,example.com");
    assertThatThrownBy(() -> parse("--registration=domains:"))
        .hasMessageStartingWith("--registration: '' is not an e-mail domain");
    assertThatThrownBy(() -> parse("--registration=domains:example.org,a b"))
        .hasMessageStartingWith("--registration: 'a b' is not an e-mail domain");
    assertThatThrownBy(() -> parse("--password-min-length=7"))
        .hasMessageContaining("--password-min-length");
    assertThatThrownBy(() -> parse("--password-min-length=65"))
        .hasMessageContaining("--password-min-length");
    assertThatThrownBy(() -> parse("--public-url=ftp://example.org"))
        .hasMessageStartingWith("--public-url: ");
    assertThatThrownBy(() -> parse("--registration-admit=anna@example.org"))
        .hasMessage("--registration-admit applies only with --registration=invite-only");
    assertThatThrownBy(() -> parse("--registration=invite-only", "--registration-admit=anna"))
        .hasMessage("--registration-admit: 'anna' is not an e-mail address");
    assertThatThrownBy(() -> ServerConfig.parse(new String[0],
        Map.of("CONVENE_REGISTRATION", "everyone")))
        .hasMessageContaining("CONVENE_REGISTRATION");
  }
}
