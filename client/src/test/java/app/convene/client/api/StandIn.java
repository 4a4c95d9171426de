package app.convene.client.api;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;

/**
 * What may stand between the app and a Convene server, or answer in its place: a reverse proxy
 * whose upstream is down, a network's sign-in page, a server that hangs. A real Convene server
 * answers none of these, so the tests of those faults talk to this JDK HTTP server on loopback.
 */
final class StandIn implements AutoCloseable {
  private final HttpServer server;
  private final CountDownLatch release = new CountDownLatch(1);

  private StandIn(HttpServer server) {
    this.server = server;
  }

  /** Answers every request with {@code status}, {@code contentType} and {@code body}. */
  static StandIn answering(int status, String contentType, String body) throws IOException {
    return start(exchange -> respond(exchange, status, contentType, body));
  }

  /** Takes every request and answers none until closed. */
  static StandIn silent() throws IOException {
    StandIn[] self = new StandIn[1];
    self[0] = start(exchange -> {
      try {
        self[0].release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      exchange.close();
    });
    return self[0];
  }

  private interface Answer {
    void handle(HttpExchange exchange) throws IOException;
  }

  private static StandIn start(Answer answer) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", answer::handle);
    server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
    server.start();
    return new StandIn(server);
  }

  private static void respond(HttpExchange exchange, int status, String contentType, String body)
      throws IOException {
    exchange.getRequestBody().readAllBytes();
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  @Override
  public void close() {
    release.countDown();
    server.stop(0);
  }
}
