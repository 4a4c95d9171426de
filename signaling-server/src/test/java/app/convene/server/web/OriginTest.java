package app.convene.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.convene.server.testing.Api;
import app.convene.server.testing.TestClient;
import app.convene.server.testing.TestServer;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** CORS on the REST API and the Origin check on the WebSocket, with one allowed origin. */
class OriginTest {
  private static final String ALLOWED = "https://app.example.org";
  private static final String FOREIGN = "https://evil.example.net";

  private TestServer server;

  @BeforeEach
  void start() throws Exception {
    server = TestServer.start(TestServer.config().withWeb(
        WebSecurity.DEFAULT.withAllowedOrigins(List.of(ALLOWED, "http://localhost:3000"))));
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  @Test
  void aPreflightFromAnAllowedOriginIsAnswered() throws IOException {
    try (Response response = preflight(ALLOWED, "POST", "content-type")) {
      assertThat(response.code()).isBetween(200, 204);
      assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo(ALLOWED);
      assertThat(response.header("Access-Control-Allow-Methods")).contains("POST");
      assertThat(response.header("Access-Control-Allow-Headers").toLowerCase())
          .contains("content-type");
      assertThat(response.header("Access-Control-Allow-Credentials")).isNull();
    }
  }

  @Test
  void aPreflightFromAForeignOriginIsRefusedWithoutCorsHeaders() throws IOException {
    try (Response response = preflight(FOREIGN, "POST", "content-type")) {
      assertThat(response.code()).isEqualTo(403);
      assertThat(response.header("Access-Control-Allow-Origin")).isNull();
      assertThat(response.body().string()).contains("origin_not_allowed")
          .contains("--allowed-origins");
    }
  }

  @Test
  void aSignInFromAnAllowedOriginCarriesTheCorsHeader() throws IOException {
    Api.User user = server.api().register("Cors");
    String body = "{\"email\":\"" + user.email() + "\",\"password\":\"" + user.password() + "\"}";
    Request request = new Request.Builder().url(server.server().apiUri().resolve("auth/login").toString())
        .header("Origin", ALLOWED)
        .post(RequestBody.create(body, MediaType.get("application/json"))).build();
    try (Response response = TestClient.http().newCall(request).execute()) {
      assertThat(response.code()).isEqualTo(200);
      assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo(ALLOWED);
    }
  }

  @Test
  void aWebSocketFromAForeignOriginIsRefusedBeforeTheUpgrade() throws Exception {
    assertThat(upgrade(FOREIGN)).isEqualTo(403);
  }

  @Test
  void aWebSocketFromAnAllowedOriginOrWithoutOneIsAccepted() throws Exception {
    assertThat(upgrade(ALLOWED)).isEqualTo(101);
    assertThat(upgrade("HTTP://LOCALHOST:3000")).isEqualTo(101);
    assertThat(upgrade(null)).isEqualTo(101);
  }

  @Test
  void withoutAListEveryBrowserOriginIsRefusedOnTheWebSocket() throws Exception {
    server.close();
    server = TestServer.start();
    assertThat(upgrade(ALLOWED)).isEqualTo(403);
    assertThat(upgrade(null)).isEqualTo(101);
    try (Response response = preflight(ALLOWED, "GET", "authorization")) {
      assertThat(response.code()).isEqualTo(403);
    }
  }

  private Response preflight(String origin, String method, String headers) throws IOException {
    Request request = new Request.Builder()
        .url(server.server().apiUri().resolve("auth/login").toString())
        .method("OPTIONS", null)
        .header("Origin", origin)
        .header("Access-Control-Request-Method", method)
        .header("Access-Control-Request-Headers", headers)
        .build();
    return TestClient.http().newCall(request).execute();
  }

  /** The status of an upgrade with this Origin header (none for {@code null}). */
  private int upgrade(String origin) throws Exception {
    Request.Builder request = new Request.Builder()
        .url(server.server().signalingUri().toString().replace("ws:", "http:"))
        .header("Authorization", "Bearer " + server.host().token());
    if (origin != null) {
      request.header("Origin", origin);
    }
    CompletableFuture<Integer> status = new CompletableFuture<>();
    TestClient.http().newWebSocket(request.build(), new WebSocketListener() {
      @Override
      public void onOpen(WebSocket webSocket, Response response) {
        status.complete(response.code());
        webSocket.close(1000, "bye");
      }

      @Override
      public void onFailure(WebSocket webSocket, Throwable t, Response response) {
        if (response == null) {
          status.completeExceptionally(t);
        } else {
          status.complete(response.code());
        }
      }
    });
    return status.get(5, TimeUnit.SECONDS);
  }
}
