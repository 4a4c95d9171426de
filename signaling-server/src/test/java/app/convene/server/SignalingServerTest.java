package app.convene.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.convene.protocol.ErrorCode;
import app.convene.protocol.Join;
import app.convene.protocol.Leave;
import app.convene.protocol.Offer;
import app.convene.protocol.PeerJoined;
import app.convene.protocol.SignalCodec;
import app.convene.protocol.api.Credentials;
import app.convene.protocol.api.RoomRequest;
import app.convene.protocol.api.RoomView;
import app.convene.protocol.api.UserView;
import app.convene.server.testing.Api;
import app.convene.server.testing.RawWebSocket;
import app.convene.server.testing.TestClient;
import app.convene.server.testing.TestServer;
import app.convene.server.testing.TestServer.Joiner;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.BindException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignalingServerTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private TestServer server;

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void urisPointAtTheBoundPort() throws Exception {
    server = TestServer.start();
    SignalingServer signaling = server.server();

    assertThat(signaling.port()).isPositive();
    assertThat(signaling.signalingUri())
        .isEqualTo(URI.create("ws://127.0.0.1:" + signaling.port() + "/signal"));
    assertThat(signaling.healthUri())
        .isEqualTo(URI.create("http://127.0.0.1:" + signaling.port() + "/health"));
  }

  @Test
  void healthReportsRoomsAndPeers() throws Exception {
    server = TestServer.start();
    server.joined("standup", "Anna");
    server.joined("standup", "Boris");
    server.joined("retro", "Carl");
    server.connect();

    HttpResult health = get(server.server().healthUri());

    assertThat(health.status()).isEqualTo(200);
    assertThat(health.contentType()).startsWith("application/json");
    assertThat(health.json().get("status").asText()).isEqualTo("ok");
    assertThat(health.json().get("protocol").asInt()).isEqualTo(3);
    assertThat(health.json().get("rooms").asInt()).isEqualTo(2);
    assertThat(health.json().get("peers").asInt()).isEqualTo(3);
  }

  @Test
  void roomIsGoneFromHealthOnceItsLastPeerLeft() throws Exception {
    server = TestServer.start();
    TestClient anna = server.connect();
    anna.join("standup", "Anna");

    anna.send(new Leave());
    anna.send(new Leave());
    anna.expectError(ErrorCode.NOT_IN_ROOM); // so the first leave is done

    HttpResult health = get(server.server().healthUri());
    assertThat(health.json().get("rooms").asInt()).isZero();
    assertThat(health.json().get("peers").asInt()).isZero();
  }

  @Test
  void closeTellsClientsTheServerIsShuttingDownAndClosesWith1001() throws Exception {
    server = TestServer.start();
    TestClient anna = server.joined("standup", "Anna").client();

    CompletableFuture<Void> closing = CompletableFuture.runAsync(server.server()::close);

    anna.expectError(ErrorCode.SERVER_SHUTTING_DOWN);
    assertThat(anna.awaitClosed().code()).isEqualTo(1001);
    closing.get(TestClient.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Test
  void whileAStuckClientHoldsUpShutdownHealthIs503AndUpgradesAreRefused() throws Exception {
    server = TestServer.start(TestServer.config()
        .withSignaling(s -> s.withShutdownGrace(Duration.ofSeconds(3))
        .withMaxQueuedMessages(10_000)));
    Joiner sender = server.joined("standup", "Sender");
    // Never reads: once its TCP buffers are full, the farewell cannot be sent until the grace ends.
    RawWebSocket stuck = server.connectRaw(4 * 1024);
    stuck.sendText(SignalCodec.write(new Join(server.roomId("standup"), "Stuck")));
    String stuckId = sender.client().expect(PeerJoined.class).peer().peerId();
    String sdp = "v".repeat(60 * 1024);
    for (int i = 0; i < 150; i++) {
      while (sender.client().queuedBytes() > 4 * 1024 * 1024) {
        Thread.sleep(5); // OkHttp refuses to queue more than 16 MiB
      }
      sender.client().send(new Offer(stuckId, sdp));
    }
    sender.client().sendText("{\"type\":\"barrier\"}");
    sender.client().expectError(ErrorCode.UNKNOWN_TYPE); // every offer was handled before it
    long started = System.nanoTime();

    CompletableFuture<Void> closing = CompletableFuture.runAsync(server.server()::close);

    HttpResult health = awaitHealthStatus(503);
    assertThat(health.json().get("status").asText()).isEqualTo("stopping");
    TestClient.Failed refused =
        TestClient.connectLater(server.server().signalingUri(), server.host().token()).awaitFailure();
    assertThat(refused.httpStatus()).isEqualTo(503);
    sender.client().expectError(ErrorCode.SERVER_SHUTTING_DOWN);
    assertThat(sender.client().awaitClosed().code()).isEqualTo(1001);
    closing.get(10, TimeUnit.SECONDS);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThan(Duration.ofSeconds(2));
  }

  @Test
  void startOnAPortInUseFailsWithABindException(@TempDir Path dataDir) throws Exception {
    server = TestServer.start();
    ServerConfig samePort =
        TestServer.config().withNetwork(n -> n.withPort(server.server().port()))
            .withStorage(s -> s.withDataDir(dataDir));

    assertThatThrownBy(() -> SignalingServer.start(samePort))
        .isInstanceOf(IOException.class)
        .satisfies(e -> assertThat(e instanceof BindException || e.getCause() instanceof BindException)
            .as("a BindException, or caused by one: %s", e).isTrue());
  }

  @Test
  void otherPathsAndMethodsAreRefused() throws Exception {
    server = TestServer.start();
    URI base = server.server().healthUri();

    assertThat(get(base.resolve("/")).status()).isEqualTo(404);
    assertThat(get(base.resolve("/signal")).status()).isEqualTo(404);
    Request post = new Request.Builder().url(base.toString())
        .post(okhttp3.RequestBody.create(new byte[0])).build();
    try (Response response = TestClient.http().newCall(post).execute()) {
      assertThat(response.code()).isEqualTo(405);
    }
  }

  @Test
  void accountsRoomsAndTokensSurviveARestart(@TempDir Path dataDir) throws Exception {
    ServerConfig config = TestServer.config().withStorage(s -> s.withDataDir(dataDir));
    Api.User anna;
    String roomId;
    try (SignalingServer first = SignalingServer.start(config)) {
      Api api = new Api(first.apiUri());
      anna = api.register("Anna");
      roomId = api.post("rooms", anna.token(), new RoomRequest("Kept", 3)).as(RoomView.class).id();
    }

    try (SignalingServer second = SignalingServer.start(config)) {
      Api api = new Api(second.apiUri());
      assertThat(api.get("me", anna.token()).as(UserView.class)).isEqualTo(anna.session().user());
      assertThat(api.get("rooms/" + roomId, anna.token()).as(RoomView.class).maxUsers())
          .isEqualTo(3);
      assertThat(api.post("auth/login", null, new Credentials(anna.email(), anna.password()))
          .status()).isEqualTo(200);
    }
    assertThat(dataDir.resolve("convene.mv.db")).isRegularFile();
    if (dataDir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      assertThat(PosixFilePermissions.toString(
          Files.getPosixFilePermissions(dataDir.resolve("token-secret")))).isEqualTo("rw-------");
    }
  }

  @Test
  void configuredTokenSecretSignsTheTokens(@TempDir Path one, @TempDir Path two)
      throws Exception {
    String secret = "a shared secret of at least 32 bytes";
    try (SignalingServer first = SignalingServer.start(
            TestServer.config().withStorage(s -> s.withDataDir(one))
                .withTokens(t -> t.withSecret(secret)));
        SignalingServer other = SignalingServer.start(
            TestServer.config().withStorage(s -> s.withDataDir(two))
                .withTokens(t -> t.withSecret(secret + "!")))) {
      Api.User anna = new Api(first.apiUri()).register("Anna");

      assertThat(new Api(first.apiUri()).get("me", anna.token()).status()).isEqualTo(200);
      assertThat(new Api(other.apiUri()).get("me", anna.token()).status()).isEqualTo(401);
      assertThat(one.resolve("token-secret")).doesNotExist();
    }
  }

  private HttpResult awaitHealthStatus(int status) throws Exception {
    long deadline = System.nanoTime() + TestClient.TIMEOUT.toNanos();
    HttpResult health = get(server.server().healthUri());
    while (health.status() != status && System.nanoTime() < deadline) {
      Thread.sleep(10); // polling: the state flips on another thread
      health = get(server.server().healthUri());
    }
    assertThat(health.status()).isEqualTo(status);
    return health;
  }

  private record HttpResult(int status, String contentType, JsonNode json) {}

  private static HttpResult get(URI uri) throws IOException {
    Request request = new Request.Builder().url(uri.toString()).build();
    try (Response response = TestClient.http().newCall(request).execute()) {
      String body = response.body().string();
      JsonNode json = response.code() == 404 ? null : JSON.readTree(body);
      return new HttpResult(response.code(), response.header("Content-Type", ""), json);
    }
  }
}
