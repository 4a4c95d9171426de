package app.convene.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.convene.protocol.api.AuthSession;
import app.convene.protocol.api.Registration;
import app.convene.server.ServerConfig;
import app.convene.server.testing.Api;
import app.convene.testing.TestCa;
import app.convene.testing.TestCa.KeyFormat;
import app.convene.server.testing.TestServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server's own TLS: PEM files from a CA made up for the test, reload, redirect, HSTS. */
class TlsTest {
  @TempDir Path dir;

  private final TestCa ca = new TestCa("Convene test CA");

  @Test
  void servesHttpsWithAPkcs1RsaKeyToAClientThatTrustsTheCa() throws Exception {
    ca.issue("RSA").write(cert(), key(), KeyFormat.TRADITIONAL);
    assertThat(Files.readString(key())).startsWith("-----BEGIN RSA PRIVATE KEY");
    try (TestServer server = TestServer.start(tls(WebSecurity.DEFAULT))) {
      assertThat(server.server().healthUri().getScheme()).isEqualTo("https");
      try (Response response = trusting(ca).newCall(get(server, "/health")).execute()) {
        assertThat(response.code()).isEqualTo(200);
        assertThat(response.header("Strict-Transport-Security")).isEqualTo("max-age=31536000");
        assertThat(response.handshake().tlsVersion().javaName()).isEqualTo("TLSv1.3");
      }
    }
  }

  @Test
  void servesEcKeysInPkcs8AndSec1() throws Exception {
    for (KeyFormat format : KeyFormat.values()) {
      TestCa.Issued issued = ca.issue("EC");
      issued.write(cert(), key(), format);
      assertThat(Files.readString(key())).startsWith(
          format == KeyFormat.PKCS8 ? "-----BEGIN PRIVATE KEY" : "-----BEGIN EC PRIVATE KEY");
      try (TestServer server = TestServer.start(tls(WebSecurity.DEFAULT))) {
        assertThat(servedCertificate(server, trusting(ca))).isEqualTo(issued.certificate());
      }
    }
  }

  @Test
  void aClientThatDoesNotTrustTheCaIsRefused() throws Exception {
    ca.issue("EC").write(cert(), key(), KeyFormat.PKCS8);
    TestCa stranger = new TestCa("Someone else");
    try (TestServer server = TestServer.start(tls(WebSecurity.DEFAULT))) {
      assertThatThrownBy(() -> trusting(stranger).newCall(get(server, "/health")).execute())
          .isInstanceOf(SSLException.class);
      // The JDK's own trust store does not know a made-up CA either.
      assertThatThrownBy(() -> new OkHttpClient().newCall(get(server, "/health")).execute())
          .isInstanceOf(SSLException.class);
    }
  }

  @Test
  void theWebSocketIsServedOverTls() throws Exception {
    ca.issue("EC").write(cert(), key(), KeyFormat.PKCS8);
    try (TestServer server = TestServer.start(tls(WebSecurity.DEFAULT))) {
      String token = register(server, trusting(ca));
      assertThat(server.server().signalingUri().getScheme()).isEqualTo("wss");
      CompletableFuture<Integer> upgraded = new CompletableFuture<>();
      WebSocket socket = trusting(ca).newWebSocket(
          new Request.Builder().url(server.server().signalingUri().toString().replace("wss:", "https:"))
              .header("Authorization", "Bearer " + token).build(),
          new WebSocketListener() {
            @Override
            public void onOpen(WebSocket webSocket, Response response) {
              upgraded.complete(response.code());
            }

            @Override
            public void onFailure(WebSocket webSocket, Throwable t, Response response) {
              upgraded.completeExceptionally(t);
            }
          });
      assertThat(upgraded.get(5, TimeUnit.SECONDS)).isEqualTo(101);
      socket.close(1000, "bye");
    }
  }

  @Test
  void aReplacedCertificateIsServedWithoutRestart() throws Exception {
    TestCa.Issued first = ca.issue("EC");
    first.write(cert(), key(), KeyFormat.PKCS8);
    WebSecurity web = WebSecurity.DEFAULT.withTlsReloadInterval(Duration.ofSeconds(1));
    try (TestServer server = TestServer.start(tls(web))) {
      OkHttpClient client = trusting(ca);
      assertThat(servedCertificate(server, client)).isEqualTo(first.certificate());

      TestCa.Issued second = ca.issue("RSA");
      second.write(cert(), key(), KeyFormat.TRADITIONAL);

      Instant deadline = Instant.now().plusSeconds(15);
      X509Certificate served = servedCertificate(server, client);
      while (!served.equals(second.certificate()) && Instant.now().isBefore(deadline)) {
        Thread.sleep(200);
        served = servedCertificate(server, client);
      }
      assertThat(served).isEqualTo(second.certificate());
    }
  }

  @Test
  void aKeyThatDoesNotMatchKeepsTheOldCertificate() throws Exception {
    TestCa.Issued first = ca.issue("EC");
    first.write(cert(), key(), KeyFormat.PKCS8);
    WebSecurity web = WebSecurity.DEFAULT.withTlsReloadInterval(Duration.ofSeconds(1));
    try (TestServer server = TestServer.start(tls(web))) {
      OkHttpClient client = trusting(ca);
      // A new certificate, but the old key: half of a renewal.
      TestCa.Issued second = ca.issue("EC");
      new TestCa.Issued(second.certificate(), first.key(), ca.certificate())
          .write(cert(), dir.resolve("unused.pem"), KeyFormat.PKCS8);
      Thread.sleep(3_500);
      assertThat(servedCertificate(server, client)).isEqualTo(first.certificate());
    }
  }

  @Test
  void thePlainPortRedirectsToHttps() throws Exception {
    ca.issue("EC").write(cert(), key(), KeyFormat.PKCS8);
    int plain = freePort();
    try (TestServer server = TestServer.start(tls(WebSecurity.DEFAULT.withHttpRedirectPort(plain)))) {
      OkHttpClient client = trusting(ca).newBuilder().followRedirects(false).build();
      Request request = new Request.Builder()
          .url("http://127.0.0.1:" + plain + "/health?probe=1").build();
      try (Response response = client.newCall(request).execute()) {
        assertThat(response.code()).isEqualTo(308);
        assertThat(response.header("Location"))
            .isEqualTo("https://127.0.0.1:" + server.server().port() + "/health?probe=1");
      }
      try (Response followed = trusting(ca).newCall(request).execute()) {
        assertThat(followed.code()).isEqualTo(200);
        assertThat(followed.request().url().scheme()).isEqualTo("https");
      }
    }
  }

  @Test
  void hstsCanBeTurnedOff() throws Exception {
    ca.issue("EC").write(cert(), key(), KeyFormat.PKCS8);
    try (TestServer server = TestServer.start(tls(WebSecurity.DEFAULT.withHstsMaxAge(Duration.ZERO)));
        Response response = trusting(ca).newCall(get(server, "/health")).execute()) {
      assertThat(response.code()).isEqualTo(200);
      assertThat(response.header("Strict-Transport-Security")).isNull();
    }
  }

  @Test
  void aKeyOfAnotherCertificateIsRefusedAtStart() {
    TestCa.Issued one = ca.issue("EC");
    one.write(cert(), key(), KeyFormat.PKCS8);
    ca.issue("EC").write(dir.resolve("other.pem"), key(), KeyFormat.PKCS8);

    assertThatThrownBy(() -> PemKeyStore.load(cert(), key()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not belong to the first certificate");
  }

  private ServerConfig tls(WebSecurity web) {
    return TestServer.config().withWeb(web.withTls(cert(), key()));
  }

  private Path cert() {
    return dir.resolve("cert.pem");
  }

  private Path key() {
    return dir.resolve("key.pem");
  }

  private static Request get(TestServer server, String path) {
    return new Request.Builder().url(server.server().healthUri().resolve(path).toString()).build();
  }

  /** A new connection each time (no pool), so each call makes its own handshake. */
  static OkHttpClient trusting(TestCa ca) {
    return new OkHttpClient.Builder()
        .sslSocketFactory(ca.sslContext().getSocketFactory(), ca.trustManager())
        .connectionPool(new okhttp3.ConnectionPool(0, 1, TimeUnit.SECONDS))
        .callTimeout(Duration.ofSeconds(5))
        .build();
  }

  /** Registers a user over HTTPS; returns its access token. */
  static String register(TestServer server, OkHttpClient client) throws IOException {
    String body = Api.JSON.writeValueAsString(new Registration(
        "tls-" + System.nanoTime() + "@example.org", "a long enough passphrase", "TLS"));
    Request request = new Request.Builder()
        .url(server.server().apiUri().resolve("auth/register").toString())
        .post(RequestBody.create(body, MediaType.get("application/json"))).build();
    try (Response response = client.newCall(request).execute()) {
      assertThat(response.code()).isEqualTo(201);
      return Api.JSON.readValue(response.body().string(), AuthSession.class).accessToken();
    }
  }

  private static X509Certificate servedCertificate(TestServer server, OkHttpClient client)
      throws IOException {
    try (Response response = client.newCall(get(server, "/health")).execute()) {
      return (X509Certificate) response.handshake().peerCertificates().getFirst();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
