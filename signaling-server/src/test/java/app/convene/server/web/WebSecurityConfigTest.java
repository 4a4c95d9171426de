package app.convene.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.convene.server.ServerConfig;
import app.convene.testing.TestCa;
import app.convene.testing.TestCa.KeyFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The TLS and origin options, from flags and from {@code CONVENE_*} variables. */
class WebSecurityConfigTest {
  private static final String[] NO_ARGS = {};

  @TempDir Path dir;

  @Test
  void defaultsArePlainHttpAndNoBrowserOrigins() {
    WebSecurity web = ServerConfig.parse(NO_ARGS, Map.of()).web();

    assertThat(web).isEqualTo(WebSecurity.DEFAULT);
    assertThat(web.tls()).isFalse();
    assertThat(web.hstsMaxAge()).isEqualTo(Duration.ofDays(365));
    assertThat(web.tlsReloadInterval()).isEqualTo(Duration.ofSeconds(10));
    assertThat(web.allows(null)).isTrue();
    assertThat(web.allows("https://app.example.org")).isFalse();
  }

  @Test
  void flagsSetEveryWebOption() {
    new TestCa("Config CA").issue("EC").write(cert(), key(), KeyFormat.PKCS8);

    WebSecurity web = ServerConfig.parse(new String[] {
        "--tls-cert=" + cert(), "--tls-key=" + key(), "--tls-reload-seconds=30",
        "--http-redirect-port=8080", "--hsts-max-age-seconds=0",
        "--allowed-origins=https://App.Example.org/, http://localhost:3000"}, Map.of()).web();

    assertThat(web).isEqualTo(new WebSecurity(cert(), key(), Duration.ofSeconds(30), 8080,
        Duration.ZERO, List.of("https://app.example.org", "http://localhost:3000")));
  }

  @Test
  void environmentSetsEveryWebOption() {
    new TestCa("Config CA").issue("RSA").write(cert(), key(), KeyFormat.TRADITIONAL);

    WebSecurity web = ServerConfig.parse(NO_ARGS, Map.of(
        "CONVENE_TLS_CERT", cert().toString(), "CONVENE_TLS_KEY", key().toString(),
        "CONVENE_TLS_RELOAD_SECONDS", "5", "CONVENE_HTTP_REDIRECT_PORT", "80",
        "CONVENE_HSTS_MAX_AGE_SECONDS", "600",
        "CONVENE_ALLOWED_ORIGINS", "https://a.example.org,https://b.example.org:8443")).web();

    assertThat(web).isEqualTo(new WebSecurity(cert(), key(), Duration.ofSeconds(5), 80,
        Duration.ofMinutes(10), List.of("https://a.example.org", "https://b.example.org:8443")));
  }

  @Test
  void aCertificateWithoutAKeyOrARedirectWithoutTlsIsRefused() {
    assertThatThrownBy(() -> ServerConfig.parse(new String[] {"--tls-cert=" + cert()}, Map.of()))
        .hasMessageContaining("--tls-cert and --tls-key go together");
    assertThatThrownBy(() -> ServerConfig.parse(NO_ARGS, Map.of("CONVENE_HTTP_REDIRECT_PORT", "80")))
        .hasMessageContaining("CONVENE_HTTP_REDIRECT_PORT (--http-redirect-port)")
        .hasMessageContaining("needs --tls-cert");
  }

  @Test
  void unreadableOrMismatchedPemFilesAreRefusedAtStartByName() throws Exception {
    Files.writeString(cert(), "not PEM at all\n");
    Files.writeString(key(), "nor this\n");
    assertThatThrownBy(() -> ServerConfig.parse(
            new String[] {"--tls-cert=" + cert(), "--tls-key=" + key()}, Map.of()))
        .hasMessageContaining("cert.pem").hasMessageContaining("no PEM certificate");

    TestCa ca = new TestCa("Config CA");
    ca.issue("EC").write(cert(), key(), KeyFormat.PKCS8);
    ca.issue("EC").write(dir.resolve("other.pem"), key(), KeyFormat.PKCS8);
    assertThatThrownBy(() -> ServerConfig.parse(
            new String[] {"--tls-cert=" + cert(), "--tls-key=" + key()}, Map.of()))
        .hasMessageContaining("does not belong to the first certificate");
  }

  @Test
  void anOriginWithAPathOrAnotherSchemeIsRefused() {
    for (String bad : List.of("https://a.example.org/app", "ftp://a.example.org", "a.example.org",
        "*", "https://user@a.example.org")) {
      assertThatThrownBy(() -> ServerConfig.parse(
              new String[] {"--allowed-origins=https://ok.example.org," + bad}, Map.of()))
          .as(bad)
          .hasMessageContaining("--allowed-origins")
          .hasMessageContaining("is not an origin");
    }
  }

  private Path cert() {
    return dir.resolve("cert.pem");
  }

  private Path key() {
    return dir.resolve("key.pem");
  }
}
