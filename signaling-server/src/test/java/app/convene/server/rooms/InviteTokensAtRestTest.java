package app.convene.server.rooms;

import static org.assertj.core.api.Assertions.assertThat;

import app.convene.protocol.ErrorMessage;
import app.convene.protocol.Joined;
import app.convene.protocol.api.RoomRequest;
import app.convene.protocol.api.RoomView;
import app.convene.server.ServerConfig;
import app.convene.server.SignalingServer;
import app.convene.server.http.Caller;
import app.convene.server.store.Database;
import app.convene.server.testing.Api;
import app.convene.server.testing.TestClient;
import app.convene.server.testing.TestDatabase;
import app.convene.server.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Invite tokens at rest, on H2 and PostgreSQL: the {@code video_rooms} table (and the embedded
 * database file) never holds a working token, yet the token admits to the call and the host sees
 * it again; tokens stored in plaintext by a server before schema version 5 are hashed and sealed
 * when the server starts, and keep working.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class InviteTokensAtRestTest {
  private static final String LEGACY_TOKEN = "legacy-plaintext-token-0123456789abcdef";
  private static final byte[] SECRET = "a token secret of at least 32 bytes!!".getBytes(
      StandardCharsets.UTF_8);

  @Parameter TestDatabase kind;
  @TempDir Path dataDir;
  private TestDatabase.Fresh database;

  @BeforeEach
  void freshDatabase() throws SQLException {
    database = kind.create();
  }

  @AfterEach
  void dropDatabase() throws SQLException {
    database.close();
  }

  @Test
  void theTableHoldsNoTokenYetTheTokenAdmitsAndTheHostSeesIt() throws Exception {
    String token;
    String roomId;
    try (SignalingServer server = start()) {
      Api api = new Api(server.apiUri());
      Api.User anna = api.register("Anna");
      Api.User boris = api.register("Boris");
      RoomView room = api.post("rooms", anna.token(), new RoomRequest("Budget", 4))
          .as(RoomView.class);
      token = room.inviteToken();
      roomId = room.id();
      assertThat(token).matches("[\\w-]{32}");

      assertThat(cells("SELECT * FROM video_rooms")).isNotEmpty()
          .noneMatch(cell -> cell.contains(token));
      assertThat(cells("SELECT invite_token_hash FROM video_rooms"))
          .containsExactly(InviteTokens.hash(token));
      assertThat(api.get("rooms/" + roomId, anna.token()).as(RoomView.class).inviteToken())
          .isEqualTo(token);
      assertThat(join(server, boris, roomId, "not-the-token")).isInstanceOf(ErrorMessage.class);
      assertThat(join(server, boris, roomId, token)).isInstanceOf(Joined.class);
    }
    if (kind == TestDatabase.H2) {
      byte[] file = Files.readAllBytes(dataDir.resolve("convene.mv.db"));
      assertThat(new String(file, StandardCharsets.ISO_8859_1)).contains("Budget")
          .doesNotContain(token);
    }
  }

  @Test
  void plaintextTokensOfAnOlderSchemaAreHashedAndSealedAndKeepWorking() throws Exception {
    UUID hostId = UUID.randomUUID();
    UUID roomId = UUID.randomUUID();
    Flyway.configure().dataSource(url(), database.user(), null)
        .locations("classpath:db/migration").target("1").load().migrate();
    try (Connection c = jdbc()) {
      execute(c, "INSERT INTO users (id, email, display_name, password_hash, created_at)"
          + " VALUES (?, 'anna@example.org', 'Anna', 'unused', 0)", hostId);
      execute(c, "INSERT INTO video_rooms (id, name, host_id, active, max_users, invite_token,"
          + " created_at) VALUES (?, 'Old room', ?, TRUE, 4, '" + LEGACY_TOKEN + "', 0)",
          roomId, hostId);
    }

    try (Database db = Database.open(database.url(), database.user(), null, dataDir)) {
      RoomService rooms = new RoomService(db, Clock.systemUTC(), 8, SECRET);
      assertThat(rooms.sealPlaintextInviteTokens()).isEqualTo(1);

      assertThat(cells("SELECT * FROM video_rooms")).noneMatch(cell -> cell.contains(LEGACY_TOKEN));
      assertThat(cells("SELECT invite_token_hash FROM video_rooms"))
          .containsExactly(InviteTokens.hash(LEGACY_TOKEN));
      Caller stranger = new Caller(UUID.randomUUID(), "boris@example.org", "Boris", true);
      assertThat(rooms.admit(stranger, roomId.toString(), LEGACY_TOKEN)).isPresent();
      assertThat(rooms.admit(stranger, roomId.toString(), LEGACY_TOKEN + "x")).isEmpty();
      assertThat(rooms.inviteToken(roomId)).contains(LEGACY_TOKEN);
      assertThat(rooms.sealPlaintextInviteTokens()).isZero();

      RoomService otherSecret = new RoomService(db, Clock.systemUTC(), 8, new byte[32]);
      assertThat(otherSecret.inviteToken(roomId)).isEmpty();
      assertThat(otherSecret.admit(stranger, roomId.toString(), LEGACY_TOKEN)).isPresent();
    }
  }

  /** The hash the server computes in Java is the one the database's own SHA-256 gives. */
  @Test
  void storedHashIsTheDatabasesOwnSha256OfTheToken() throws Exception {
    String sql = kind == TestDatabase.H2
        ? "SELECT LOWER(RAWTOHEX(HASH('SHA256', CAST(? AS VARCHAR))))"
        : "SELECT encode(sha256(convert_to(?, 'UTF8')), 'hex')";
    try (Connection c = jdbc(); PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, LEGACY_TOKEN);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        assertThat(r.getString(1)).isEqualTo(InviteTokens.hash(LEGACY_TOKEN));
      }
    }
  }

  private SignalingServer start() throws Exception {
    ServerConfig config = database.configure(TestServer.config())
        .withStorage(s -> s.withDataDir(dataDir));
    return SignalingServer.start(config);
  }

  private static Object join(SignalingServer server, Api.User user, String roomId, String invite)
      throws Exception {
    try (TestClient client = TestClient.connect(server.signalingUri(), user.token(),
        UnaryOperator.identity())) {
      return client.joinRoom(roomId, "Guest", invite);
    }
  }

  private String url() {
    return database.url() != null ? database.url() : Database.embeddedUrl(dataDir);
  }

  private Connection jdbc() throws SQLException {
    return DriverManager.getConnection(url(), database.user(), null);
  }

  /** Every non-null value of every row the query returns, as text. */
  private List<String> cells(String query) throws SQLException {
    List<String> cells = new ArrayList<>();
    try (Connection c = jdbc(); PreparedStatement s = c.prepareStatement(query);
        ResultSet r = s.executeQuery()) {
      while (r.next()) {
        for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
          String value = r.getString(i);
          if (value != null) {
            cells.add(value);
          }
        }
      }
    }
    return cells;
  }

  private static void execute(Connection c, String sql, Object... values) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        s.setObject(i + 1, values[i]);
      }
      s.executeUpdate();
    }
  }
}
