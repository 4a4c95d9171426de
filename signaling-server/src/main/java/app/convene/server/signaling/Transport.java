package app.convene.server.signaling;

import java.util.function.Consumer;

/**
 * What a {@link SignalingSession} needs from its WebSocket; {@link SignalingEndpoint} implements it
 * with Jetty's session. Every method returns at once and may be called from any thread.
 */
interface Transport {
  /** WebSocket close status: a normal close. */
  int NORMAL = 1000;

  /** WebSocket close status: the server is going away. */
  int GOING_AWAY = 1001;

  /** WebSocket close status: the peer broke a rule (here: it read too slowly). */
  int POLICY_VIOLATION = 1008;

  /** Sends a text message; {@code done} gets {@code null} or the failure, on any thread. */
  void sendText(String text, Consumer<Throwable> done);

  /** Sends a WebSocket ping; a failure is ignored (a dead socket closes by itself). */
  void ping();

  /** Starts the WebSocket close handshake with this status and reason. */
  void close(int status, String reason);

  /** Drops the TCP connection without a handshake; does nothing if it is closed already. */
  void abort();

  /** The remote address, for logs. */
  String remoteAddress();
}
