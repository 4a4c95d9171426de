package app.convene.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import app.convene.protocol.Joined;
import app.convene.protocol.api.RoomRequest;
import app.convene.protocol.api.RoomView;
import app.convene.server.ServerConfig;
import app.convene.server.SignalingServer;
import app.convene.server.throttle.ThrottleSettings;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A real server on a free loopback port with its own temporary data folder (and so its own
 * embedded database, unless the config names another), the clients a test connected to it, and a
 * signed-in user, the "host", whose rooms the signaling tests use by name: {@link #roomId} creates
 * a room the first time a name is used. {@link #close()} drops the clients, stops the server and
 * deletes the folder.
 */
public final class TestServer implements AutoCloseable {
  private final SignalingServer server;
  private final Path dataDir;
  private final Clock clock;
  private final Api api;
  private final List<Closeable> clients = new ArrayList<>();
  private final Map<String, String> rooms = new HashMap<>();
  private Api.User host;

  private TestServer(SignalingServer server, Path dataDir, Clock clock) {
    this.server = server;
    this.dataDir = dataDir;
    this.clock = clock;
    this.api = new Api(server.apiUri());
  }

  /**
   * The defaults on a free port of 127.0.0.1, with no resume grace: a dropped socket's room-mates
   * hear {@code peer-left} at once (the resume tests set a grace of their own). Every test
   * client comes from 127.0.0.1 and the host of {@link #joined} opens many sockets, so the
   * per-address throttle and the socket cap are set out of reach (the throttle tests set their
   * own); the per-account throttle keeps its defaults.
   */
  public static ServerConfig config() {
    return ServerConfig.defaults().withNetwork(n -> n.withHost("127.0.0.1").withPort(0))
        .withSignaling(s -> s.withResumeGrace(Duration.ZERO))
        .withThrottle(ThrottleSettings.DEFAULT.withAddressFailures(1_000_000)
            .withAttemptsPerWindow(1_000_000).withMaxSocketsPerAccount(1_000_000));
  }

  public static TestServer start() throws Exception {
    return start(config());
  }

  /** Starts on the tests' clock ({@link TestTime#clock()}). */
  public static TestServer start(ServerConfig config) throws Exception {
    return start(config, TestTime.clock());
  }

  /** Starts with the config's database, a new temporary data folder and this clock. */
  public static TestServer start(ServerConfig config, Clock clock) throws Exception {
    Path dataDir = Files.createTempDirectory("convene-test-");
    try {
      return new TestServer(
          SignalingServer.start(config.withStorage(s -> s.withDataDir(dataDir)), clock), dataDir,
          clock);
    } catch (Exception | Error e) {
      delete(dataDir);
      throw e;
    }
  }

  public SignalingServer server() {
    return server;
  }

  /** The server's clock. */
  public Clock clock() {
    return clock;
  }

  /** The server's temporary data folder. */
  public Path dataDir() {
    return dataDir;
  }

  /** A REST client for this server. */
  public Api api() {
    return api;
  }

  /**
   * Marks the account's address verified in the server's database, as following the verification
   * link mailed to it does (test servers send no mail): an invitation by address admits only a
   * verified account.
   */
  public void markVerified(String email) throws java.sql.SQLException {
    try (java.sql.Connection c = java.sql.DriverManager.getConnection(
            app.convene.server.store.Database.embeddedUrl(dataDir));
        java.sql.PreparedStatement s = c.prepareStatement(
            "UPDATE users SET email_verified_at = ? WHERE email = ?")) {
      s.setLong(1, clock.millis());
      s.setString(2, email);
      assertThat(s.executeUpdate()).as("accounts with %s", email).isEqualTo(1);
    }
  }

  /** The user whose token {@link #connect()} uses and who hosts the rooms of {@link #roomId}. */
  public synchronized Api.User host() {
    if (host == null) {
      host = api.register("Host");
    }
    return host;
  }

  /** The id of the room with this name (stripped), created by the host on first use. */
  public synchronized String roomId(String name) {
    return rooms.computeIfAbsent(name.strip(), n -> {
      Api.Answer created = api.post("rooms", host().token(), new RoomRequest(n, null));
      assertThat(created.status()).as("create room %s: %s", n, created.body()).isEqualTo(201);
      return created.as(RoomView.class).id();
    });
  }

  /** A client connected as the host, closed with this server. */
  public TestClient connect() throws Exception {
    return connect(host().token());
  }

  /** A client connected with this access token, closed with this server. */
  public TestClient connect(String accessToken) throws Exception {
    TestClient client = TestClient.connect(server.signalingUri(), accessToken, this::roomId);
    synchronized (this) {
      clients.add(client);
    }
    return client;
  }

  /** A client of the host that joined the named room; its reply is {@link Joiner#joined()}. */
  public Joiner joined(String room, String name) throws Exception {
    TestClient client = connect();
    return new Joiner(client, client.join(room, name));
  }

  /** A client of the host that does the upgrade by hand and never reads. */
  public RawWebSocket connectRaw(int receiveBufferBytes) throws Exception {
    RawWebSocket raw =
        RawWebSocket.connect(server.signalingUri(), host().token(), receiveBufferBytes);
    synchronized (this) {
      clients.add(raw);
    }
    return raw;
  }

  @Override
  public void close() throws IOException {
    try {
      for (Closeable client : clients) {
        client.close();
      }
      server.close();
    } finally {
      delete(dataDir);
    }
  }

  private static void delete(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A client and the {@code joined} reply it got. */
  public record Joiner(TestClient client, Joined joined) {
    public String peerId() {
      return joined.peerId();
    }
  }
}
