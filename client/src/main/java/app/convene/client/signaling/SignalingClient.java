package app.convene.client.signaling;

import app.convene.protocol.ProtocolException;
import app.convene.protocol.SignalCodec;
import app.convene.protocol.SignalMessage;
import app.convene.client.tls.ServerTrust;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One WebSocket connection to the signaling server. The only class that knows OkHttp.
 *
 * <p>Listener calls are made on the {@code delivery} executor given to {@link #connect}, in the
 * order the messages arrived; {@link #send} may be called from any thread.
 */
public final class SignalingClient implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SignalingClient.class);
  private static final OkHttpClient SHARED =
      new OkHttpClient.Builder()
          .pingInterval(Duration.ofSeconds(20))
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private final WebSocket socket;
  private final AtomicBoolean closed = new AtomicBoolean();

  private SignalingClient(WebSocket socket) {
    this.socket = socket;
  }

  /**
   * Opens a connection; the future completes once the server accepted the WebSocket upgrade and
   * fails with a readable message when it did not.
   *
   * @param accessToken the account's access token, sent as {@code Authorization: Bearer}
   */
  public static CompletableFuture<SignalingClient> connect(
      URI server, String accessToken, SignalingListener listener, Executor delivery) {
    return connect(server, accessToken, listener, delivery, ServerTrust.system());
  }

  /**
   * Like the other {@code connect}, trusting these certificate authorities for {@code wss://}.
   */
  public static CompletableFuture<SignalingClient> connect(URI server, String accessToken,
      SignalingListener listener, Executor delivery, ServerTrust trust) {
    Objects.requireNonNull(trust, "trust == null");
    Objects.requireNonNull(server, "server == null");
    Objects.requireNonNull(accessToken, "accessToken == null");
    Objects.requireNonNull(listener, "listener == null");
    Objects.requireNonNull(delivery, "delivery == null");
    CompletableFuture<SignalingClient> opened = new CompletableFuture<>();
    Request request = new Request.Builder().url(httpUrl(server))
        .header("Authorization", "Bearer " + accessToken).build();
    OkHttpClient client = "wss".equals(server.getScheme())
        ? SHARED.newBuilder().sslSocketFactory(trust.socketFactory(), trust.trustManager()).build()
        : SHARED;
    client.newWebSocket(request, new Relay(listener, delivery, opened));
    return opened;
  }

  /** Queues one message; returns false when the connection is closed or closing. */
  public boolean send(SignalMessage message) {
    return socket.send(SignalCodec.write(message));
  }

  /** Closes the connection normally (status 1000). */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      socket.close(1000, "bye");
    }
  }

  private static String httpUrl(URI server) {
    String text = server.toString();
    if (text.startsWith("ws://")) {
      return "http://" + text.substring(5);
    }
    if (text.startsWith("wss://")) {
      return "https://" + text.substring(6);
    }
    return text;
  }

  /** The server refused the upgrade's access token (HTTP 401); a new token may do. */
  public static final class SignInRefused extends java.io.IOException {
    SignInRefused(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** Hands OkHttp's callbacks (on its reader thread) to the delivery executor. */
  private static final class Relay extends WebSocketListener {
    private final SignalingListener listener;
    private final Executor delivery;
    private final CompletableFuture<SignalingClient> opened;
    private final AtomicBoolean ended = new AtomicBoolean();

    Relay(SignalingListener listener, Executor delivery, CompletableFuture<SignalingClient> opened) {
      this.listener = listener;
      this.delivery = delivery;
      this.opened = opened;
    }

    @Override
    public void onOpen(WebSocket webSocket, Response response) {
      // Built here, from the socket OkHttp hands us: onOpen can run before newWebSocket returns.
      opened.complete(new SignalingClient(webSocket));
    }

    @Override
    public void onMessage(WebSocket webSocket, String text) {
      SignalMessage message;
      try {
        message = SignalCodec.parse(text);
      } catch (ProtocolException e) {
        log.warn("ignoring a server message we cannot read: {} ({})", e.getMessage(), e.code());
        return;
      }
      deliver(() -> listener.onMessage(message));
    }

    @Override
    public void onClosing(WebSocket webSocket, int code, String reason) {
      webSocket.close(1000, null);
      end(reason.isBlank() ? "closed by the server (" + code + ")" : reason + " (" + code + ")");
    }

    @Override
    public void onClosed(WebSocket webSocket, int code, String reason) {
      end("closed (" + code + ")");
    }

    @Override
    public void onFailure(WebSocket webSocket, Throwable t, Response response) {
      String reason =
          response == null && opened.isDone() ? "the connection to the server was lost"
              : response == null ? "cannot reach the server: " + t.getMessage()
              : response.code() == 401 ? "the server did not accept the sign-in (HTTP 401)"
              : "the server refused the connection: HTTP " + response.code();
      if (!opened.isDone()) {
        opened.completeExceptionally(response != null && response.code() == 401
            ? new SignInRefused(reason, t) : new java.io.IOException(reason, t));
        ended.set(true);
        return;
      }
      end(reason);
    }

    private void end(String reason) {
      if (ended.compareAndSet(false, true)) {
        deliver(() -> listener.onClosed(reason));
      }
    }

    /** Hands over unless the receiver already shut its executor down (it closed the call). */
    private void deliver(Runnable event) {
      try {
        delivery.execute(event);
      } catch (RejectedExecutionException e) {
        log.debug("dropping a signaling event after the call closed");
      }
    }
  }
}
