package app.convene.server.signaling;

import app.convene.protocol.ErrorCode;
import app.convene.protocol.ErrorMessage;
import app.convene.protocol.PeerLeft;
import app.convene.protocol.ProtocolException;
import app.convene.protocol.SignalCodec;
import app.convene.protocol.SignalMessage;
import app.convene.server.http.Caller;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One signaling connection: reads the client's frames into messages for its {@link Participant},
 * sends through a bounded {@link OutgoingQueue}, keeps the connection alive with pings, and closes
 * it when the client reads too slowly, stops answering, or the server shuts down.
 *
 * <p>Threads: {@link #onText}, {@link #onBinary}, {@link #onKeepAlive}, {@link #onError} and {@link
 * #onClosed} arrive on Jetty threads, one at a time per connection. {@link #send} is called from
 * other connections' threads (possibly while they hold their own locks; it only enqueues), {@link
 * #ping} and the slow-consumer handling run on the service's timer, and {@link #shutdown} runs on
 * the thread that closes the server.
 */
final class SignalingSession {
  /** How long a close handshake may take before the TCP connection is dropped. */
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(2);

  private static final Logger log = LoggerFactory.getLogger(SignalingSession.class);

  private final String peerId;
  private final Transport transport;
  private final SignalingService service;
  private final OutgoingQueue queue;
  private final Caller caller;
  private final String authSession;
  private final Participant participant;
  private final CompletableFuture<Void> closed = new CompletableFuture<>();
  private final AtomicBoolean shuttingDown = new AtomicBoolean();
  private volatile long lastHeard = System.nanoTime(); // when the client last sent any frame

  SignalingSession(String peerId, Caller caller, Transport transport, SignalingService service) {
    this(peerId, caller, null, transport, service);
  }

  /** @param authSession the sign-in session (refresh token family) of the access token, or null */
  SignalingSession(String peerId, Caller caller, String authSession, Transport transport,
      SignalingService service) {
    this.peerId = Objects.requireNonNull(peerId, "peerId == null");
    this.caller = Objects.requireNonNull(caller, "caller == null");
    this.authSession = authSession;
    this.transport = Objects.requireNonNull(transport, "transport == null");
    this.service = Objects.requireNonNull(service, "service == null");
    this.queue =
        new OutgoingQueue(
            transport::sendText,
            service.executor(),
            service.config().maxQueuedMessages(),
            this::sendFailed);
    this.participant = new Participant(peerId, caller, service, this::send, this::letGo);
  }

  String peerId() {
    return peerId;
  }

  /** The signed-in user of this connection. */
  Caller caller() {
    return caller;
  }

  /** The sign-in session the connection was opened with, or {@code null} when unknown. */
  String authSession() {
    return authSession;
  }

  /**
   * Closes the connection with status 1008 and this reason, because its user signed out, changed
   * the password or holds too many sockets. The room hears {@code peer-left} once it is closed.
   * Any thread; returns at once.
   */
  void revoke(String reason) {
    log.atInfo().addKeyValue("peer", peerId).addKeyValue("reason", reason)
        .log("closing the connection");
    queue.close();
    closeSocket(Transport.POLICY_VIOLATION, reason);
  }

  /** The id of the room this connection is in now, or {@code null}. Any thread. */
  String roomId() {
    return participant.roomId();
  }

  /** Completes once the connection is closed. */
  CompletableFuture<Void> closed() {
    return closed;
  }

  /** A text message from the client. */
  void onText(String text) {
    heard();
    if (participant.isDetached()) {
      return;
    }
    int limit = service.config().maxMessageBytes();
    if (InputChecks.exceeds(text, limit)) {
      int bytes = text.getBytes(StandardCharsets.UTF_8).length;
      participant.error(
          ErrorCode.MESSAGE_TOO_LARGE,
          "the message has " + bytes + " bytes; the limit is " + limit,
          null);
      return;
    }
    try {
      participant.handle(SignalCodec.parse(text));
    } catch (ProtocolException e) {
      participant.error(e.code(), e.getMessage(), e.ref());
    } catch (RuntimeException e) {
      log.atError().setCause(e).addKeyValue("peer", peerId).log("failed to handle a message");
      participant.error(ErrorCode.INTERNAL_ERROR, "the server failed to handle the message", null);
    }
  }

  /** A binary message from the client, which the protocol does not have. */
  void onBinary() {
    heard();
    if (!participant.isDetached()) {
      participant.error(
          ErrorCode.MALFORMED_MESSAGE, "binary messages are not supported; send JSON text", null);
    }
  }

  /** A ping from the client, or a pong that answers {@link #ping}. */
  void onKeepAlive() {
    heard();
  }

  /** The connection failed; Jetty closes it. */
  void onError(Throwable cause) {
    log.atDebug().setCause(cause).addKeyValue("peer", peerId).log("connection failed");
    end();
  }

  /** The connection is closed. */
  void onClosed(int status, String reason) {
    log.atDebug()
        .addKeyValue("peer", peerId)
        .addKeyValue("status", status)
        .addKeyValue("reason", reason)
        .log("connection closed");
    end();
  }

  /** Queues a message for the client; a full queue makes this connection a slow consumer. */
  void send(SignalMessage message) {
    if (queue.offer(SignalCodec.write(message)) == OutgoingQueue.Result.OVERFLOWED) {
      service.schedule(this::slowConsumer, Duration.ZERO);
    }
  }

  /**
   * Sends a keep-alive ping, or closes the connection when the client has sent nothing, not even a
   * pong, for longer than the idle timeout. (Jetty's own idle timeout counts our pings as activity,
   * so on its own it would keep a vanished client forever.)
   */
  void ping() {
    if (participant.isDetached()) {
      return;
    }
    Duration silent = Duration.ofNanos(System.nanoTime() - lastHeard);
    if (silent.compareTo(service.config().idleTimeout()) <= 0) {
      transport.ping();
      return;
    }
    log.atInfo()
        .addKeyValue("peer", peerId)
        .addKeyValue("silentMillis", silent.toMillis())
        .log("client answers no pings, closing the connection");
    participant.detach(PeerLeft.Reason.DISCONNECTED);
    queue.close();
    closeSocket(Transport.GOING_AWAY, "idle timeout");
  }

  /** Tells the client the server is stopping, then closes with status 1001. */
  void shutdown() {
    if (shuttingDown.compareAndSet(false, true)) {
      ErrorMessage farewell =
          new ErrorMessage(
              ErrorCode.SERVER_SHUTTING_DOWN, "the server is shutting down; reconnect later");
      queue.finish(
          SignalCodec.write(farewell),
          () -> transport.close(Transport.GOING_AWAY, "server shutting down"));
    }
  }

  /** Another connection resumed this one's seat; this one is closed without a word to the room. */
  private void letGo() {
    log.atInfo().addKeyValue("peer", peerId).log("seat resumed on another connection; closing");
    queue.close();
    closeSocket(Transport.NORMAL, "resumed on another connection");
  }

  private void slowConsumer() {
    log.atWarn()
        .addKeyValue("peer", peerId)
        .addKeyValue("limit", service.config().maxQueuedMessages())
        .log("slow consumer: outgoing queue overflowed, closing the connection");
    participant.detach(PeerLeft.Reason.DISCONNECTED);
    ErrorMessage error =
        new ErrorMessage(
            ErrorCode.SLOW_CONSUMER, "the client read too slowly; its messages were dropped");
    queue.abandon(
        SignalCodec.write(error),
        () -> closeSocket(Transport.POLICY_VIOLATION, "slow consumer"));
  }

  /** Starts the close handshake, and drops the connection if it is stuck behind unsent data. */
  private void closeSocket(int status, String reason) {
    transport.close(status, reason);
    service.schedule(transport::abort, CLOSE_TIMEOUT);
  }

  private void sendFailed(Throwable failure) {
    log.atDebug()
        .setCause(failure)
        .addKeyValue("peer", peerId)
        .log("send failed, dropping the connection");
    service.schedule(transport::abort, Duration.ZERO);
  }

  private void end() {
    participant.detach(PeerLeft.Reason.DISCONNECTED);
    queue.close();
    service.closed(this);
    closed.complete(null);
  }

  private void heard() {
    lastHeard = System.nanoTime();
  }
}
