package app.convene.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import app.convene.protocol.ErrorCode;
import app.convene.protocol.ErrorMessage;
import app.convene.protocol.Join;
import app.convene.protocol.Joined;
import app.convene.protocol.ProtocolException;
import app.convene.protocol.SignalCodec;
import app.convene.protocol.SignalMessage;
import java.io.Closeable;
import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okio.ByteString;

/**
 * A signaling client for tests: a real OkHttp WebSocket whose received messages, close and
 * failure land in a queue that the test reads with a timeout.
 */
public final class TestClient implements Closeable {
  /** How long a test waits for something that should happen. */
  public static final Duration TIMEOUT = Duration.ofSeconds(5);

  private static final OkHttpClient HTTP = new OkHttpClient();

  /** The server closed (or started closing) the socket. */
  public record Closed(int code, String reason) {}

  /** The socket failed, e.g. the HTTP upgrade was refused. */
  public record Failed(Throwable cause, Integer httpStatus) {}

  private final BlockingQueue<Object> events = new LinkedBlockingQueue<>();
  private final List<SignalMessage> received = new CopyOnWriteArrayList<>();
  private final Map<SignalMessage, String> texts =
      Collections.synchronizedMap(new IdentityHashMap<>());
  private final CompletableFuture<Void> opened = new CompletableFuture<>();
  private final WebSocket socket;
  private final UnaryOperator<String> rooms;

  private TestClient(OkHttpClient http, URI uri, String accessToken, UnaryOperator<String> rooms) {
    Request.Builder request = new Request.Builder().url(uri.toString());
    if (accessToken != null) {
      request.header("Authorization", "Bearer " + accessToken);
    }
    this.rooms = rooms;
    socket = http.newWebSocket(request.build(), new Listener());
  }

  /**
   * Connects with the access token in the {@code Authorization} header and waits for the upgrade.
   *
   * @param rooms turns the room given to {@link #join} into the room id sent
   */
  public static TestClient connect(URI uri, String accessToken, UnaryOperator<String> rooms)
      throws Exception {
    return connect(HTTP, uri, accessToken, rooms);
  }

  /**
   * Like {@link #connect}, with OkHttp pinging the server this often; OkHttp fails the socket when
   * a pong does not arrive before the next ping is due.
   */
  public static TestClient connectPinging(
      URI uri, String accessToken, UnaryOperator<String> rooms, Duration pingInterval)
      throws Exception {
    return connect(HTTP.newBuilder().pingInterval(pingInterval).build(), uri, accessToken, rooms);
  }

  /**
   * Starts connecting without waiting; for upgrades expected to fail.
   *
   * @param accessToken sent as a Bearer token, or {@code null} for none
   */
  public static TestClient connectLater(URI uri, String accessToken) {
    return new TestClient(HTTP, uri, accessToken, UnaryOperator.identity());
  }

  private static TestClient connect(
      OkHttpClient http, URI uri, String accessToken, UnaryOperator<String> rooms)
      throws Exception {
    TestClient client = new TestClient(http, uri, accessToken, rooms);
    client.opened.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    return client;
  }

  /** The shared OkHttp client, for plain HTTP requests. */
  public static OkHttpClient http() {
    return HTTP;
  }

  public void send(SignalMessage message) {
    sendText(SignalCodec.write(message));
  }

  public void sendText(String text) {
    assertThat(socket.send(text)).as("OkHttp accepted the message").isTrue();
  }

  public void sendBinary(byte[] bytes) {
    assertThat(socket.send(ByteString.of(bytes))).as("OkHttp accepted the message").isTrue();
  }

  /** Bytes that OkHttp has yet to write to the socket. */
  public long queuedBytes() {
    return socket.queueSize();
  }

  /**
   * Joins a room and returns the server's reply. {@code room} is a name that the {@link
   * TestServer} that made this client turns into the id of a room it created (see {@link
   * TestServer#roomId}).
   */
  public Joined join(String room, String name) throws InterruptedException {
    send(new Join(rooms.apply(room), name));
    return expect(Joined.class);
  }

  /** Joins the room with this id (as it is, no name lookup) and returns the reply or error. */
  public SignalMessage joinRoom(String roomId, String name, String invite)
      throws InterruptedException {
    send(new Join(roomId, name, invite));
    Object next = next();
    while (next instanceof app.convene.protocol.Notice) {
      next = next(); // a calendar notice pushed meanwhile (e.g. "starts in 5 minutes") is no reply
    }
    assertThat(next).as("reply to join").isInstanceOf(SignalMessage.class);
    return (SignalMessage) next;
  }

  /** The text a message received by this client came in, as the server wrote it. */
  public String textOf(SignalMessage message) {
    String text = texts.get(message);
    assertThat(text).as("text of %s", message).isNotNull();
    return text;
  }

  /** The next thing received must be a message of this type. */
  public <T extends SignalMessage> T expect(Class<T> type) throws InterruptedException {
    Object next = next();
    assertThat(next).as("next message").isInstanceOf(type);
    return type.cast(next);
  }

  /** The next thing received must be an error with this code. */
  public ErrorMessage expectError(ErrorCode code) throws InterruptedException {
    ErrorMessage error = expect(ErrorMessage.class);
    assertThat(error.code()).as("error code of %s", error).isEqualTo(code);
    return error;
  }

  /** Skips whatever else arrives until a message of this type that matches. */
  public <T extends SignalMessage> T awaitMessage(Class<T> type, Predicate<? super T> matching)
      throws InterruptedException {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (true) {
      Object next = next(deadline);
      if (type.isInstance(next) && matching.test(type.cast(next))) {
        return type.cast(next);
      }
      assertThat(next).as("socket still open while waiting for a %s", type.getSimpleName())
          .isNotInstanceOfAny(Closed.class, Failed.class);
    }
  }

  /** Skips messages until the server closes the socket. */
  public Closed awaitClosed() throws InterruptedException {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (true) {
      Object next = next(deadline);
      if (next instanceof Closed closed) {
        return closed;
      }
      assertThat(next).as("event while waiting for the close").isNotInstanceOf(Failed.class);
    }
  }

  /** Waits for the socket to fail, e.g. a refused upgrade. */
  public Failed awaitFailure() throws InterruptedException {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (true) {
      if (next(deadline) instanceof Failed failed) {
        return failed;
      }
    }
  }

  /** Whether any message received so far, consumed by the test or not, matches. */
  public boolean hasReceived(Predicate<SignalMessage> matching) {
    return received.stream().anyMatch(matching);
  }

  /** How many messages received so far, consumed by the test or not, match. */
  public long countReceived(Predicate<SignalMessage> matching) {
    return received.stream().filter(matching).count();
  }

  /** Drops the TCP connection without a close handshake. */
  public void drop() {
    socket.cancel();
  }

  @Override
  public void close() {
    socket.cancel();
  }

  private Object next() throws InterruptedException {
    return next(System.nanoTime() + TIMEOUT.toNanos());
  }

  private Object next(long deadline) throws InterruptedException {
    Object next = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
    assertThat(next).as("something received within %s", TIMEOUT).isNotNull();
    return next;
  }

  private final class Listener extends WebSocketListener {
    @Override
    public void onOpen(WebSocket webSocket, Response response) {
      opened.complete(null);
    }

    @Override
    public void onMessage(WebSocket webSocket, String text) {
      try {
        SignalMessage message = SignalCodec.parse(text);
        texts.put(message, text);
        received.add(message);
        events.add(message);
      } catch (ProtocolException e) {
        events.add(new Failed(new AssertionError("server sent an unreadable message: " + text, e), null));
      }
    }

    @Override
    public void onClosing(WebSocket webSocket, int code, String reason) {
      events.add(new Closed(code, reason));
      webSocket.close(1000, null);
    }

    @Override
    public void onFailure(WebSocket webSocket, Throwable t, Response response) {
      Failed failed = new Failed(t, response == null ? null : response.code());
      opened.completeExceptionally(t);
      events.add(failed);
    }
  }
}
