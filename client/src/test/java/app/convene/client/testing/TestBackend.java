package app.convene.client.testing;

import app.convene.client.api.ApiClient;
import app.convene.client.api.ApiException;
import app.convene.client.call.JoinTicket;
import app.convene.protocol.api.AuthSession;
import app.convene.protocol.api.EventRequest;
import app.convene.protocol.api.ServiceKind;
import app.convene.protocol.api.UserView;
import app.convene.server.ServerConfig;
import app.convene.server.SignalingServer;
import app.convene.server.store.Database;
import app.convene.server.throttle.ThrottleSettings;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * A real server on a loopback port with an embedded database in a temporary folder, on the test's
 * clock ({@link TestTime}); its clients and meetings use the same clock.
 */
public final class TestBackend implements AutoCloseable {
  /** A registered account and a client signed in as it. */
  public record Account(ApiClient api, String email, String password, UserView user) {
    public String accessToken() {
      try {
        return api.accessToken();
      } catch (ApiException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private volatile SignalingServer server;
  private final Path dataDir;
  private final Clock clock;

  private TestBackend(SignalingServer server, Path dataDir, Clock clock) {
    this.server = server;
    this.dataDir = dataDir;
    this.clock = clock;
  }

  /**
   * The server's defaults, but with the per-address throttle and the socket cap out of reach:
   * every test client comes from 127.0.0.1 and a test class may register many users.
   */
  private static ServerConfig defaults() {
    return ServerConfig.defaults().withThrottle(ThrottleSettings.DEFAULT
        .withAddressFailures(1_000_000).withAttemptsPerWindow(1_000_000)
        .withMaxSocketsPerAccount(1_000_000));
  }

  /** A server on a new clock of {@link TestTime}. */
  public static TestBackend start() throws Exception {
    return start(TestTime.clock());
  }

  /** A server on {@code clock}: pass the clock the app under test runs on. */
  public static TestBackend start(Clock clock) throws Exception {
    Path dir = Files.createTempDirectory("convene-test-server");
    return new TestBackend(SignalingServer.start(
        defaults().withNetwork(n -> n.withPort(0))
            .withStorage(s -> s.withDataDir(dir)), clock), dir, clock);
  }

  /**
   * Like {@link #start(Clock)}, with the defaults changed by {@code config} (e.g. ICE servers).
   * A server that hands out TURN credentials for a real TURN server needs the real clock.
   */
  public static TestBackend start(Clock clock, java.util.function.UnaryOperator<ServerConfig> config)
      throws Exception {
    Path dir = Files.createTempDirectory("convene-test-server");
    return new TestBackend(SignalingServer.start(
        config.apply(ServerConfig.defaults().withNetwork(n -> n.withPort(0))
            .withStorage(s -> s.withDataDir(dir))), clock), dir, clock);
  }

  /** The clock the server, its clients and {@link #meeting} use. */
  public Clock clock() {
    return clock;
  }

  /** Like {@link #start()}, with rooms admitting {@code maxPeers} by default (benchmarks of big rooms). */
  public static TestBackend startAdmitting(int maxPeers) throws Exception {
    Path dir = Files.createTempDirectory("convene-test-server");
    Clock clock = TestTime.clock();
    return new TestBackend(SignalingServer.start(
        defaults().withNetwork(n -> n.withPort(0)).withStorage(s -> s.withDataDir(dir))
            .withSignaling(s -> s.withMaxPeersPerRoom(maxPeers)), clock),
        dir, clock);
  }

  /**
   * Stops the server (clients see it shut down) and starts it again on the same port and data:
   * accounts, meetings and access tokens stay valid.
   */
  public void restart() throws Exception {
    int port = server.port();
    server.close();
    server = SignalingServer.start(defaults().withNetwork(n -> n.withPort(port))
        .withStorage(s -> s.withDataDir(dataDir)),
        clock);
  }

  /** Stops the server gracefully (clients are told to reconnect); {@link #startAgain} follows. */
  public void stop() {
    server.close();
  }

  /** Starts a new server on the port and data of the stopped one. */
  public void startAgain() throws Exception {
    server = SignalingServer.start(
        defaults().withNetwork(n -> n.withPort(server.port()))
            .withStorage(s -> s.withDataDir(dataDir)), clock);
  }

  public URI httpBase() {
    return URI.create("http://127.0.0.1:" + server.port());
  }

  public URI signalingUri() {
    return server.signalingUri();
  }

  /** Registers {@code name} with a unique e-mail address. */
  public Account account(String name) throws ApiException {
    String email = name.toLowerCase().replaceAll("[^a-z]", "") + "-"
        + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    String password = "correct horse " + name;
    ApiClient api = new ApiClient(httpBase(), null, session -> {}, clock);
    AuthSession session = api.register(email, password, name);
    markVerified(email);
    return new Account(api, email, password, session.user());
  }

  /**
   * Marks the address verified in the server's database, as following the verification link
   * mailed to it does (this server sends no mail): invitations by address admit only verified
   * accounts.
   */
  public void markVerified(String email) {
    try (Connection c = DriverManager.getConnection(Database.embeddedUrl(dataDir));
        PreparedStatement s = c.prepareStatement(
            "UPDATE users SET email_verified_at = ? WHERE email = ?")) {
      s.setLong(1, clock.millis());
      s.setString(2, email);
      if (s.executeUpdate() != 1) {
        throw new IllegalStateException("no account with " + email);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot mark " + email + " verified", e);
    }
  }

  /** A native meeting of {@code owner} running now, with {@code attendees}; returns its room id. */
  public String meeting(Account owner, String title, Account... attendees) throws ApiException {
    Instant start = clock.instant().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(5));
    List<String> emails = Arrays.stream(attendees).map(Account::email).toList();
    return owner.api().schedule(new EventRequest(title, "", start, start.plus(Duration.ofHours(1)),
        "Europe/Berlin", emails, ServiceKind.NATIVE, null)).room().id();
  }

  public JoinTicket ticket(Account account, String roomId) {
    return new JoinTicket(signalingUri(), account.accessToken(), roomId, null, account.user().displayName());
  }

  @Override
  public void close() throws IOException {
    server.close();
    try (var files = Files.walk(dataDir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
