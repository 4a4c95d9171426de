package app.convene.client.signaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.convene.client.testing.ServerProcess;
import app.convene.client.testing.TestBackend;
import app.convene.client.testing.TestBackend.Account;
import app.convene.protocol.ErrorCode;
import app.convene.protocol.ErrorMessage;
import app.convene.protocol.Join;
import app.convene.protocol.Joined;
import app.convene.protocol.Leave;
import app.convene.protocol.PeerLeft;
import app.convene.protocol.SignalMessage;
import java.net.URI;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One signaling socket against a real server on loopback (one per class), and against a server
 * that sends what no Convene server would ({@link HostileServer}).
 */
class SignalingClientTest {
  private static final Pattern JAVA_NAME = Pattern.compile("\\b[a-z]+(\\.[a-z0-9]+)+\\.[A-Z]\\w*");
  private static final String DELIVERY = "test-delivery";

  private static TestBackend backend;

  private final ExecutorService delivery =
      Executors.newSingleThreadExecutor(r -> new Thread(r, DELIVERY));
  private final Recorder events = new Recorder();

  @BeforeAll
  static void startServer() throws Exception {
    backend = TestBackend.start();
  }

  @AfterAll
  static void stopServer() throws Exception {
    backend.close();
  }

  @AfterEach
  void stopDelivery() {
    delivery.shutdownNow();
  }

  @Test
  void joiningARoomDeliversJoinedOnTheDeliveryExecutor() throws Exception {
    Account anna = backend.account("Anna");
    String roomId = backend.meeting(anna, "Standup");

    try (SignalingClient client = connect(backend.signalingUri(), anna.accessToken())) {
      assertThat(client.send(new Join(roomId, "Anna"))).isTrue();

      Joined joined = events.next(Joined.class);
      assertThat(joined.roomId()).isEqualTo(roomId);
      assertThat(joined.peers()).isEmpty();
      assertThat(events.threads).containsOnly(DELIVERY);
    }
  }

  @Test
  void aTokenTheServerDoesNotTakeFailsTheConnectAsARefusedSignIn() {
    CompletableFuture<SignalingClient> opened =
        SignalingClient.connect(backend.signalingUri(), "not-a-token", events, delivery);

    assertThatThrownBy(() -> opened.get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause().isInstanceOf(SignalingClient.SignInRefused.class)
        .hasMessage("the server did not accept the sign-in (HTTP 401)");
  }

  @Test
  void aServerThatIsDownFailsTheConnectInWordsNotAsARefusedSignIn() throws Exception {
    URI down = URI.create("ws://127.0.0.1:" + ServerProcess.freePort() + "/signal");

    CompletableFuture<SignalingClient> opened =
        SignalingClient.connect(down, "token", events, delivery);

    assertThatThrownBy(() -> opened.get(10, TimeUnit.SECONDS)).cause()
        .isNotInstanceOf(SignalingClient.SignInRefused.class)
        .satisfies(e -> assertWords(e.getMessage()))
        .hasMessageStartingWith("cannot reach the server: ");
    assertThat(events.closed).as("nothing was open, so nothing closes").isEmpty();
  }

  @Test
  void aServerThatStopsEndsTheSessionOnceInWordsAndTheSameTokenConnectsOnceItIsBack()
      throws Exception {
    Account anna = backend.account("Anna");
    String roomId = backend.meeting(anna, "Standup");
    SignalingClient client = connect(backend.signalingUri(), anna.accessToken());
    client.send(new Join(roomId, "Anna"));
    events.next(Joined.class);

    backend.stop();

    ErrorMessage goodbye = events.next(ErrorMessage.class);
    assertThat(goodbye.code()).isEqualTo(ErrorCode.SERVER_SHUTTING_DOWN);
    String reason = events.closed.poll(10, TimeUnit.SECONDS);
    assertThat(reason).isEqualTo("server shutting down (1001)");
    assertThat(client.send(new Leave())).as("a closed socket takes nothing").isFalse();
    CompletableFuture<SignalingClient> whileDown =
        SignalingClient.connect(backend.signalingUri(), anna.accessToken(), events, delivery);
    assertThatThrownBy(() -> whileDown.get(10, TimeUnit.SECONDS)).cause()
        .as("worth retrying with the same token").isNotInstanceOf(SignalingClient.SignInRefused.class);

    backend.startAgain();

    Recorder second = new Recorder();
    try (SignalingClient again = SignalingClient.connect(backend.signalingUri(),
        anna.accessToken(), second, delivery).get(10, TimeUnit.SECONDS)) {
      again.send(new Join(roomId, "Anna"));
      assertThat(second.next(Joined.class).roomId()).isEqualTo(roomId);
    }
    client.close();
    delivery.submit(() -> {}).get(); // whatever was queued for the listeners has run
    assertThat(events.closed).as("the first socket ended once only").isEmpty();
    assertThat(events.messages).isEmpty();
  }

  @Test
  void closingTwiceEndsTheSessionOnceAndTheListenerHearsItOnTheDeliveryExecutor()
      throws Exception {
    Account anna = backend.account("Anna");
    SignalingClient client = connect(backend.signalingUri(), anna.accessToken());

    client.close();
    client.close();

    assertThat(events.closed.poll(10, TimeUnit.SECONDS)).isNotBlank();
    assertThat(client.send(new Leave())).isFalse();
    delivery.submit(() -> {}).get(); // whatever was queued for the listener has run
    assertThat(events.closed).as("one end only").isEmpty();
    assertThat(events.threads).containsOnly(DELIVERY);
  }

  @Test
  void framesThatAreNotMessagesAreSkippedAndTheConnectionCarriesOn() throws Exception {
    try (HostileServer server = new HostileServer()) {
      CompletableFuture<SignalingClient> opened =
          SignalingClient.connect(server.uri(), "token", events, delivery);
      server.accept();
      SignalingClient client = opened.get(10, TimeUnit.SECONDS);

      for (String garbage : List.of("not json", "[1,2]", "{}", "{\"type\":\"no-such-type\"}",
          "{\"type\":\"peer-left\"}", "{\"type\":\"joined\",\"room\":7}", "{".repeat(5_000),
          "{\"type\":\"error\",\"code\":\"NO_SUCH_CODE\",\"message\":\"x\"}")) {
        server.sendText(garbage);
      }
      server.sendFrame(0x2, new byte[] {1, 2, 3}); // binary: not for us
      server.sendText("{\"type\":\"peer-left\",\"peerId\":\"p-7f3a\",\"reason\":\"DISCONNECTED\"}");

      assertThat(events.next(PeerLeft.class).peerId()).as("the first message we can read")
          .isEqualTo("p-7f3a");
      assertThat(client.send(new Leave())).isTrue();
      assertThat(server.readText()).isEqualTo("{\"type\":\"leave\"}");
      assertThat(events.closed).isEmpty();
      assertThat(events.threads).containsOnly(DELIVERY);
      client.close();
    }
  }

  @Test
  void aFrameThatBreaksTheWebSocketProtocolEndsTheConnectionOnceInWords() throws Exception {
    try (HostileServer server = new HostileServer()) {
      CompletableFuture<SignalingClient> opened =
          SignalingClient.connect(server.uri(), "token", events, delivery);
      server.accept();
      SignalingClient client = opened.get(10, TimeUnit.SECONDS);

      server.sendFrame(0x3, new byte[0]); // a reserved opcode

      String reason = events.closed.poll(10, TimeUnit.SECONDS);
      assertThat(reason).isEqualTo("the connection to the server was lost");
      assertThat(client.send(new Leave())).isFalse();
      client.close();
      delivery.submit(() -> {}).get();
      assertThat(events.closed).as("one end only").isEmpty();
    }
  }

  private SignalingClient connect(URI server, String token) throws Exception {
    return SignalingClient.connect(server, token, events, delivery).get(10, TimeUnit.SECONDS);
  }

  private static void assertWords(String message) {
    assertThat(message).isNotBlank().doesNotContain("Exception", "null")
        .doesNotContainPattern(JAVA_NAME);
  }

  /** What the listener heard, and on which threads. */
  private static final class Recorder implements SignalingListener {
    final BlockingQueue<SignalMessage> messages = new LinkedBlockingQueue<>();
    final BlockingQueue<String> closed = new LinkedBlockingQueue<>();
    final BlockingQueue<String> threads = new LinkedBlockingQueue<>();

    @Override
    public void onMessage(SignalMessage message) {
      threads.add(Thread.currentThread().getName());
      messages.add(message);
    }

    @Override
    public void onClosed(String reason) {
      threads.add(Thread.currentThread().getName());
      closed.add(reason);
    }

    /** The next message, which must be of {@code type}. */
    <T extends SignalMessage> T next(Class<T> type) throws InterruptedException {
      SignalMessage message = messages.poll(10, TimeUnit.SECONDS);
      assertThat(message).as("a %s within 10 s", type.getSimpleName()).isInstanceOf(type);
      return type.cast(message);
    }
  }
}
