package app.convene.client.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.convene.client.headless.HeadlessOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --ca-cert} on the app's and the headless participant's command lines. */
class AppOptionsCaCertTest {
  @TempDir Path dir;

  @Test
  void theAppTakesAReadableCaFile() throws Exception {
    Path ca = Files.writeString(dir.resolve("ca.pem"), "-----BEGIN CERTIFICATE-----\n");

    AppOptions options = AppOptions.parse(new String[] {"--ca-cert=" + ca});

    assertThat(options.caCert()).isEqualTo(ca);
    assertThat(AppOptions.parse(new String[0]).caCert()).isNull();
  }

  @Test
  void aMissingCaFileIsRefusedByName() {
    Path missing = dir.resolve("missing.pem");
    assertThatThrownBy(() -> AppOptions.parse(new String[] {"--ca-cert=" + missing}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--ca-cert").hasMessageContaining("missing.pem");
  }

  @Test
  void theHeadlessParticipantTakesOneToo() {
    HeadlessOptions options = HeadlessOptions.parse(new String[] {"--headless", "--room=r",
        "--email=a@example.org", "--password=p", "--ca-cert=/etc/company-ca.pem"});

    assertThat(options.caCert()).isEqualTo(Path.of("/etc/company-ca.pem"));
  }
}
