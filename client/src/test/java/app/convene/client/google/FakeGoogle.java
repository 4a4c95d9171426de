package app.convene.client.google;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A local server that speaks the part of Google's HTTP APIs the app uses: the OAuth consent page,
 * token and revoke endpoints ({@link FakeOAuth}) and Calendar v3 ({@link FakeCalendar}). Records
 * every request as it arrived, so tests assert what reached "Google". Gzip both ways, like Google.
 */
final class FakeGoogle implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();

  /** One request; {@code method} is the effective one (X-HTTP-Method-Override applied). */
  record Request(
      String method, String rawPath, Map<String, String> query, String body, Map<String, String> headers) {
    String param(String name) {
      return query.get(name);
    }

    Map<String, String> form() {
      return LoopbackReceiver.query(body);
    }

    ObjectNode json() {
      try {
        return (ObjectNode) JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + body, e);
      }
    }

    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  /** An answer; {@code location} is set for redirects, {@code retryAfter} (seconds) if asked. */
  record Reply(int status, String contentType, String body, String location, String retryAfter) {
    Reply(int status, String contentType, String body, String location) {
      this(status, contentType, body, location, null);
    }

    Reply withRetryAfter(String value) {
      return new Reply(status, contentType, body, location, value);
    }

    static Reply json(int status, Object body) {
      try {
        return new Reply(status, "application/json; charset=UTF-8", JSON.writeValueAsString(body), null);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }

    static Reply error(int status, String reason, String message) {
      ObjectNode root = JSON.createObjectNode();
      ObjectNode error = root.putObject("error");
      error.put("code", status).put("message", message);
      error.putArray("errors").addObject().put("domain", "global").put("reason", reason).put("message", message);
      return json(status, root);
    }

    static Reply redirect(String location) {
      return new Reply(302, "text/plain", "", location);
    }

    static Reply noContent() {
      return new Reply(204, null, "", null);
    }
  }

  private record Failure(int status, String reason, boolean afterApplying, String retryAfter) {
    Failure(int status, String reason, boolean afterApplying) {
      this(status, reason, afterApplying, null);
    }
  }

  final FakeOAuth oauth = new FakeOAuth();
  final FakeCalendar calendar = new FakeCalendar();
  private final HttpServer server;
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final Deque<Failure> failures = new ArrayDeque<>();
  private final Map<String, Integer> methodFailures = new HashMap<>();
  private final AtomicLong bytesIn = new AtomicLong();
  private final AtomicLong bytesOut = new AtomicLong();

  private FakeGoogle(HttpServer server) {
    this.server = server;
  }

  static FakeGoogle start() throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
    FakeGoogle fake = new FakeGoogle(server);
    server.createContext("/", fake::handle);
    server.start(); // requests are handled one at a time on the server's own thread

    return fake;
  }

  URI base() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  GoogleConfig config() {
    return new GoogleConfig(FakeOAuth.CLIENT_ID, FakeOAuth.CLIENT_SECRET, GoogleEndpoints.under(base()));
  }

  /** The next {@code times} Calendar requests answer {@code status} with this error reason. */
  synchronized void failNext(int status, String reason, int times) {
    for (int i = 0; i < times; i++) {
      failures.add(new Failure(status, reason, false));
    }
  }

  /** The next Calendar request answers {@code status} with this reason and a Retry-After. */
  synchronized void failNextWithRetryAfter(int status, String reason, String retryAfter) {
    failures.add(new Failure(status, reason, false, retryAfter));
  }

  /** The next Calendar request is carried out, but its answer is lost: {@code status} instead. */
  synchronized void failNextAfterApplying(int status) {
    failures.add(new Failure(status, "backendError", true));
  }

  /**
   * The next Calendar request with this effective method (e.g. {@code PATCH}) is carried out, but
   * its answer is lost: {@code status} instead. Requests of other methods pass.
   */
  synchronized void failNextAfterApplying(String method, int status) {
    methodFailures.put(method, status);
  }

  List<Request> requests() {
    return List.copyOf(requests);
  }

  /** Requests with this effective method whose path contains {@code pathPart}. */
  List<Request> requests(String method, String pathPart) {
    return requests.stream()
        .filter(r -> r.method().equals(method) && r.rawPath().contains(pathPart))
        .toList();
  }

  void clearRequests() {
    requests.clear();
  }

  /** Body bytes received and sent on the wire (gzip-compressed where the client asked). */
  long bytesIn() {
    return bytesIn.get();
  }

  long bytesOut() {
    return bytesOut.get();
  }

  void resetByteCounts() {
    bytesIn.set(0);
    bytesOut.set(0);
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] raw = exchange.getRequestBody().readAllBytes();
      bytesIn.addAndGet(raw.length);
      String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
      byte[] body = "gzip".equalsIgnoreCase(encoding) ? gunzip(raw) : raw;
      Map<String, String> headers = new HashMap<>();
      exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v.getFirst()));
      String method = exchange.getRequestMethod();
      String override = headers.get("x-http-method-override");
      if (method.equals("POST") && override != null) {
        method = override;
      }
      Request request =
          new Request(
              method,
              exchange.getRequestURI().getRawPath(),
              LoopbackReceiver.query(exchange.getRequestURI().getRawQuery()),
              new String(body, StandardCharsets.UTF_8),
              headers);
      requests.add(request);
      Reply reply;
      try {
        reply = route(request);
      } catch (RuntimeException e) {
        reply = Reply.error(500, "backendError", "fake failed: " + e);
      }
      send(exchange, reply, headers.getOrDefault("accept-encoding", "").contains("gzip"));
    }
  }

  private Reply route(Request request) {
    String path = request.rawPath();
    switch (path) {
      case "/o/oauth2/v2/auth":
        return oauth.authorize(request);
      case "/token":
        return oauth.token(request);
      case "/revoke":
        return oauth.revoke(request);
      default:
        break;
    }
    if (!path.startsWith("/calendar/v3/")) {
      return Reply.error(404, "notFound", "no such endpoint " + path);
    }
    if (!oauth.isValidAccess(request.header("Authorization"))) {
      return Reply.error(401, "authError", "Request had invalid authentication credentials.");
    }
    if (!oauth.allows(request.header("Authorization"), path)) {
      return Reply.error(403, "insufficientPermissions", "Request had insufficient authentication scopes.");
    }
    Failure failure;
    synchronized (this) {
      Integer status = methodFailures.remove(request.method());
      failure = status != null ? new Failure(status, "backendError", true) : failures.poll();
    }
    if (failure != null && !failure.afterApplying()) {
      return Reply.error(failure.status(), failure.reason(), "injected failure")
          .withRetryAfter(failure.retryAfter());
    }
    Reply reply = calendar.handle(request);
    return failure == null ? reply : Reply.error(failure.status(), failure.reason(), "lost answer");
  }

  private void send(HttpExchange exchange, Reply reply, boolean gzip) throws IOException {
    if (reply.location() != null) {
      exchange.getResponseHeaders().set("Location", reply.location());
    }
    if (reply.retryAfter() != null) {
      exchange.getResponseHeaders().set("Retry-After", reply.retryAfter());
    }
    if (reply.contentType() != null) {
      exchange.getResponseHeaders().set("Content-Type", reply.contentType());
    }
    byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
    if (reply.status() == 204 || body.length == 0) {
      exchange.sendResponseHeaders(reply.status(), -1);
      return;
    }
    if (gzip) {
      ByteArrayOutputStream zipped = new ByteArrayOutputStream();
      try (GZIPOutputStream out = new GZIPOutputStream(zipped)) {
        out.write(body);
      }
      body = zipped.toByteArray();
      exchange.getResponseHeaders().set("Content-Encoding", "gzip");
    }
    bytesOut.addAndGet(body.length);
    exchange.sendResponseHeaders(reply.status(), body.length);
    exchange.getResponseBody().write(body);
  }

  private static byte[] gunzip(byte[] raw) throws IOException {
    try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(raw))) {
      return in.readAllBytes();
    }
  }
}
