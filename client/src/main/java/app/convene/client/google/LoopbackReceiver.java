package app.convene.client.google;

import com.google.api.client.extensions.java6.auth.oauth2.VerificationCodeReceiver;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Receives the browser's redirect at the end of Google's consent page: {@code
 * http://127.0.0.1:PORT/callback}, on an ephemeral port of the loopback interface only (the
 * library's {@code LocalServerReceiver} listens on every interface). Generates the {@code state}
 * that the authorization URL must carry and refuses any response without it.
 *
 * <p>The server runs on one JDK {@code HttpServer} thread; {@link #waitForCode()} blocks the
 * caller until the first callback or the time-out. Use once, then {@link #stop()}.
 */
final class LoopbackReceiver implements VerificationCodeReceiver, AutoCloseable {
  static final String PATH = "/callback";
  private static final SecureRandom RANDOM = new SecureRandom();

  /** The callback was refused; {@code reason} says why. */
  static final class Refused extends IOException {
    final GoogleAuthException.Reason reason;

    Refused(GoogleAuthException.Reason reason, String message) {
      super(message);
      this.reason = reason;
    }
  }

  private final HttpServer server;
  private final String state = randomToken();
  private final Duration timeout;
  private final CompletableFuture<String> code = new CompletableFuture<>();

  private LoopbackReceiver(HttpServer server, Duration timeout) {
    this.server = server;
    this.timeout = timeout;
  }

  /** Starts listening on 127.0.0.1 at a port the system picks. */
  static LoopbackReceiver start(Duration timeout) throws IOException {
    Objects.requireNonNull(timeout, "timeout == null");
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
    LoopbackReceiver receiver = new LoopbackReceiver(server, timeout);
    server.createContext("/", receiver::handle);
    server.start();
    return receiver;
  }

  /** The value the authorization URL's {@code state} parameter must carry. */
  String state() {
    return state;
  }

  InetSocketAddress address() {
    return server.getAddress();
  }

  @Override
  public String getRedirectUri() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
  }

  /**
   * Blocks until the browser comes back.
   *
   * @throws Refused when the response was refused, carried an error or did not come in time
   * @throws java.io.InterruptedIOException when the calling thread was interrupted
   */
  @Override
  public String waitForCode() throws IOException {
    try {
      return code.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new Refused(
          GoogleAuthException.Reason.TIMED_OUT,
          "Google sign-in timed out: the browser did not come back within "
              + readable(timeout)
              + ". Please try again.");
    } catch (ExecutionException e) {
      throw (IOException) e.getCause();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("sign-in cancelled");
    }
  }

  @Override
  public void stop() {
    server.stop(0);
  }

  @Override
  public void close() {
    stop();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!exchange.getRequestURI().getPath().equals(PATH)
          || !exchange.getRequestMethod().equals("GET")) {
        respond(exchange, 404, "Not found", "This address only receives Google's sign-in.");
        return;
      }
      Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
      if (code.isDone()) {
        respond(exchange, 400, "Already finished", "This sign-in has already finished.");
        return;
      }
      if (!state.equals(query.get("state"))) {
        respond(exchange, 400, "Sign-in refused", "This response did not match Convene's request.");
        code.completeExceptionally(
            new Refused(
                GoogleAuthException.Reason.STATE_MISMATCH,
                "The sign-in response did not match this app's request, so it was refused."
                    + " Please sign in again."));
        return;
      }
      String error = query.get("error");
      if (error != null) {
        respond(exchange, 200, "Sign-in cancelled", "You can close this tab and return to Convene.");
        code.completeExceptionally(errorFor(error));
        return;
      }
      String value = query.get("code");
      if (value == null || value.isBlank()) {
        respond(exchange, 400, "Sign-in failed", "Google's response had no code.");
        code.completeExceptionally(
            new Refused(GoogleAuthException.Reason.SIGN_IN_FAILED, "Google's response had no code."));
        return;
      }
      respond(exchange, 200, "Signed in", "You can close this tab and return to Convene.");
      code.complete(value);
    }
  }

  private static Refused errorFor(String error) {
    if (error.equals("access_denied")) {
      return new Refused(
          GoogleAuthException.Reason.CONSENT_DENIED,
          "Google sign-in was cancelled: access to your calendar was not granted. Sign in again"
              + " and allow access to use Google Meet mode.");
    }
    return new Refused(
        GoogleAuthException.Reason.SIGN_IN_FAILED, "Google sign-in failed: " + error + ".");
  }

  private static void respond(HttpExchange exchange, int status, String title, String text)
      throws IOException {
    String html =
        "<!doctype html><html><head><meta charset=\"utf-8\"><title>Convene: "
            + title
            + "</title></head><body style=\"font-family:sans-serif\"><h1>"
            + title
            + "</h1><p>"
            + text
            + "</p></body></html>";
    byte[] body = html.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  static Map<String, String> query(String raw) {
    Map<String, String> result = new HashMap<>();
    if (raw == null || raw.isEmpty()) {
      return result;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      result.putIfAbsent(
          URLDecoder.decode(name, StandardCharsets.UTF_8),
          URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return result;
  }

  private static String randomToken() {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static String readable(Duration d) {
    return d.toSeconds() >= 60 && d.toSeconds() % 60 == 0
        ? d.toMinutes() + " minutes"
        : d.toMillis() + " ms";
  }
}
