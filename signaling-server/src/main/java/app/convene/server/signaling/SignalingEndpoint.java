package app.convene.server.signaling;

import app.convene.server.http.Caller;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.function.Consumer;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * The WebSocket endpoint of one signaling connection, and the only class that knows Jetty's
 * WebSocket API: it hands Jetty's events to a {@link SignalingSession} and offers Jetty's session
 * to it as a {@link Transport}.
 *
 * <p>Jetty calls the listener methods on its own threads, one at a time for a connection, and asks
 * for the next frame once a method returns.
 */
public final class SignalingEndpoint implements Session.Listener.AutoDemanding {
  private final SignalingService service;
  private final Caller caller;
  private final String authSession;
  private volatile Session session;
  private volatile SignalingSession signaling;

  /**
   * @param caller the signed-in user whose access token the upgrade request carried
   */
  public SignalingEndpoint(SignalingService service, Caller caller) {
    this(service, caller, null);
  }

  /** @param authSession the sign-in session of the access token, or {@code null} if unknown */
  public SignalingEndpoint(SignalingService service, Caller caller, String authSession) {
    this.service = Objects.requireNonNull(service, "service == null");
    this.caller = Objects.requireNonNull(caller, "caller == null");
    this.authSession = authSession;
  }

  @Override
  public void onWebSocketOpen(Session session) {
    this.session = session;
    signaling = service.open(new JettyTransport(session), caller, authSession);
  }

  @Override
  public void onWebSocketText(String text) {
    signaling.onText(text);
  }

  @Override
  public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
    callback.succeed();
    signaling.onBinary();
  }

  @Override
  public void onWebSocketPing(ByteBuffer payload) {
    session.sendPong(payload, Callback.NOOP); // a listener with this method answers pings itself
    signaling.onKeepAlive();
  }

  @Override
  public void onWebSocketPong(ByteBuffer payload) {
    signaling.onKeepAlive();
  }

  @Override
  public void onWebSocketError(Throwable cause) {
    SignalingSession current = signaling;
    if (current != null) {
      current.onError(cause);
    }
  }

  @Override
  public void onWebSocketClose(int statusCode, String reason, Callback callback) {
    SignalingSession current = signaling;
    if (current != null) {
      current.onClosed(statusCode, reason);
    }
    callback.succeed();
  }

  /** Jetty's session as a {@link Transport}; every call returns at once. */
  private record JettyTransport(Session session) implements Transport {
    @Override
    public void sendText(String text, Consumer<Throwable> done) {
      session.sendText(text, Callback.from(() -> done.accept(null), done));
    }

    @Override
    public void ping() {
      session.sendPing(ByteBuffer.allocate(0), Callback.NOOP);
    }

    @Override
    public void close(int status, String reason) {
      session.close(status, reason, Callback.NOOP);
    }

    @Override
    public void abort() {
      session.disconnect();
    }

    @Override
    public String remoteAddress() {
      return String.valueOf(session.getRemoteSocketAddress());
    }
  }
}
