package app.convene.client.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.convene.client.api.ApiClient;
import app.convene.client.api.ApiException;
import app.convene.client.signaling.SignalingClient;
import app.convene.client.signaling.SignalingListener;
import app.convene.protocol.SignalMessage;
import app.convene.protocol.api.AuthSession;
import app.convene.server.ServerConfig;
import app.convene.server.SignalingServer;
import app.convene.server.web.WebSecurity;
import app.convene.testing.TestCa;
import app.convene.testing.TestCa.KeyFormat;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client's HTTP and WebSocket against a server with its own TLS, whose certificate comes from
 * a CA made up for the test: trusted with {@code --ca-cert}, refused without it.
 */
class ServerTrustTest {
  @TempDir static Path dir;

  private static SignalingServer server;
  private static Path caFile;

  @BeforeAll
  static void startTlsServer() throws Exception {
    TestCa ca = new TestCa("Convene client test CA");
    caFile = dir.resolve("company-ca.pem");
    ca.writePem(caFile);
    Path cert = dir.resolve("cert.pem");
    Path key = dir.resolve("key.pem");
    ca.issue("EC").write(cert, key, KeyFormat.PKCS8);
    server = SignalingServer.start(ServerConfig.defaults().withNetwork(n -> n.withPort(0))
        .withStorage(s -> s.withDataDir(dir.resolve("server")))
        .withWeb(WebSecurity.DEFAULT.withTls(cert, key)));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void theApiAndTheSocketWorkWithTheExtraCa() throws Exception {
    ServerTrust trust = ServerTrust.withExtraCa(caFile).check();
    URI base = ApiClient.httpBase(server.signalingUri());
    assertThat(base.getScheme()).isEqualTo("https");
    ApiClient api = new ApiClient(base, null, s -> { }, Clock.systemUTC(), trust);
    AuthSession session = api.register("tls@example.org", "a long enough passphrase", "TLS");
    assertThat(session.accessToken()).isNotBlank();

    SignalingClient socket = SignalingClient.connect(server.signalingUri(), api.accessToken(),
        new Ignoring(), Runnable::run, trust).get(10, TimeUnit.SECONDS);
    socket.close();
  }

  @Test
  void withoutTheExtraCaTheServerIsNotTrusted() {
    URI base = ApiClient.httpBase(server.signalingUri());
    ApiClient api = new ApiClient(base, null, s -> { }, Clock.systemUTC(), ServerTrust.system());
    assertThatThrownBy(() -> api.login("nobody@example.org", "whatever it is"))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          // Words a user can act on, not the JDK's "PKIX path building failed: sun.security…".
          assertThat(e.code()).isEqualTo(ApiException.UNTRUSTED);
          assertThat(e.getMessage()).contains("--ca-cert").doesNotContain("PKIX", "sun.");
          app.convene.client.i18n.Messages.use(java.util.Locale.forLanguageTag("ru"));
          try {
            assertThat(app.convene.client.account.SignInModel.userText(e, base))
                .startsWith("Сервер " + base + " предъявляет сертификат");
          } finally {
            app.convene.client.i18n.Messages.use(java.util.Locale.ENGLISH);
          }
        });

    CompletableFuture<SignalingClient> socket = SignalingClient.connect(server.signalingUri(),
        "not-a-token", new Ignoring(), Runnable::run, ServerTrust.system());
    assertThatThrownBy(() -> socket.get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasMessageContaining("cannot reach the server");
  }

  @Test
  void theSystemTrustHoldsAtLeastTheJdksAuthorities() throws Exception {
    TrustManagerFactory jdk =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    jdk.init((java.security.KeyStore) null);
    int jdkCount = ((X509TrustManager) jdk.getTrustManagers()[0]).getAcceptedIssuers().length;

    assertThat(ServerTrust.system().size()).isGreaterThanOrEqualTo(jdkCount).isPositive();
    assertThat(ServerTrust.withExtraCa(caFile).size())
        .isEqualTo(ServerTrust.system().size() + 1);
  }

  @Test
  void aCaFileWithoutACertificateIsRefusedByName() throws Exception {
    Path empty = Files.writeString(dir.resolve("empty.pem"), "not a certificate\n");
    assertThatThrownBy(() -> ServerTrust.withExtraCa(empty).check())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("empty.pem");
  }

  private static final class Ignoring implements SignalingListener {
    @Override
    public void onMessage(SignalMessage message) {}

    @Override
    public void onClosed(String reason) {}
  }
}
