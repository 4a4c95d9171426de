package app.convene.client.call;

import app.convene.client.signaling.SignalingClient;
import app.convene.protocol.Join;
import app.convene.protocol.SignalMessage;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;

/**
 * A call's signaling socket, which may be replaced: the first one, and after a drop each new one
 * that {@link #reconnectOnce} opens. Each socket has a generation; the {@link Inbound} of an older
 * one is ignored ({@link #isCurrent}).
 *
 * <p>Threading: the call executor, except {@link #send}, which any thread may call.
 */
final class SignalingLine {
  private final CallSession call;
  private final JoinTicket ticket;
  private final Reconnect reconnect;
  private final ExecutorService executor;
  private volatile SignalingClient current; // null while reconnecting
  private int generation;
  private boolean tokenRefused; // the last upgrade got HTTP 401: renew the token first

  SignalingLine(CallSession call, JoinTicket ticket, Reconnect reconnect,
      ExecutorService executor) {
    this.call = call;
    this.ticket = ticket;
    this.reconnect = reconnect;
    this.executor = executor;
  }

  /** Any thread: opens the first socket with the ticket's token; its input goes to the call. */
  CompletableFuture<SignalingClient> open() {
    return SignalingClient.connect(ticket.server(), ticket.accessToken(), new Inbound(call, 0),
            executor, ticket.trust())
        .thenApply(client -> {
          executor.execute(() -> current = client);
          return client;
        });
  }

  /** The join to send on a new socket: resuming our place when we have a token for it. */
  Join joinMessage() {
    Join join = new Join(ticket.roomId(), ticket.name(), ticket.invite());
    String token = call.resumption().token();
    return token == null ? join : join.resuming(token);
  }

  /** Whether {@code socket} is the generation of the socket in use (or being opened). */
  boolean isCurrent(int socket) {
    return socket == generation;
  }

  /** The socket in use dropped. */
  void dropped() {
    current = null;
  }

  /** Sends on the current socket; false while there is none. */
  boolean send(SignalMessage message) {
    SignalingClient socket = current;
    return socket != null && socket.send(message);
  }

  /** The call ends: a socket still connecting is closed when it opens; the current one now. */
  void close(SignalMessage goodbye) {
    generation++;
    SignalingClient socket = current;
    if (socket != null) {
      if (goodbye != null) {
        socket.send(goodbye);
      }
      socket.close();
    }
  }

  /**
   * Opens a new socket (a fresh access token first, off the call thread) and sends the join that
   * resumes our place; {@code done} hears, on the call executor, whether the socket opened.
   */
  void reconnectOnce(Consumer<Throwable> done) {
    int socket = ++generation;
    // The token may need a REST refresh: blocking I/O, on a thread of its own.
    boolean renew = tokenRefused;
    CompletableFuture.supplyAsync(() -> freshToken(renew),
            task -> Thread.ofVirtual().name("call-token").start(task))
        .thenCompose(token ->
            SignalingClient.connect(ticket.server(), token, new Inbound(call, socket), executor,
                ticket.trust()))
        .whenComplete((client, failure) -> {
          // Not on the call executor directly: once the call is closed it drops tasks, and a
          // socket that opened meanwhile must still be closed.
          if (client != null && executor.isShutdown()) {
            client.close();
            return;
          }
          executor.execute(() -> reconnected(socket, client, failure, done));
        });
  }

  /** Call executor: the outcome of {@link #reconnectOnce}. */
  private void reconnected(
      int socket, SignalingClient client, Throwable failure, Consumer<Throwable> done) {
    if (failure != null) {
      Throwable cause = failure instanceof CompletionException && failure.getCause() != null
          ? failure.getCause() : failure;
      tokenRefused = cause instanceof SignalingClient.SignInRefused;
      done.accept(failure);
    } else if (call.isEnded() || socket != generation) {
      client.close();
    } else {
      current = client;
      client.send(joinMessage());
      done.accept(null);
    }
  }

  private String freshToken(boolean renew) {
    try {
      return renew ? reconnect.tokens().renewedAccessToken() : reconnect.tokens().accessToken();
    } catch (Exception e) {
      throw new CompletionException(e);
    }
  }
}
