package app.convene.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import app.convene.server.ServerConfig;
import app.convene.server.store.Database;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A {@link TestServer} on a fresh database of one kind, with a {@link TestClock}, shared by the
 * tests of one class (each test registers its own users). Also opens plain JDBC connections to
 * the same database, for looking at tables and for making a write fail for real.
 */
public final class DatabaseServer implements AutoCloseable {
  /** Where the test clock starts: a Tuesday, or {@code convene.test.now} when given. */
  public static final Instant START = TestTime.startOr(Instant.parse("2026-12-01T08:00:00Z"));

  private static final List<String> TABLES = List.of("users", "user_preferences",
      "refresh_tokens", "video_rooms", "calendar_events", "event_attendees");

  private final TestDatabase kind;
  private final TestDatabase.Fresh database;
  private final TestClock clock;
  private final TestServer server;

  private DatabaseServer(TestDatabase kind, TestDatabase.Fresh database, TestClock clock,
      TestServer server) {
    this.kind = kind;
    this.database = database;
    this.clock = clock;
    this.server = server;
  }

  public static DatabaseServer start(TestDatabase kind) throws Exception {
    return start(kind, TestServer.config());
  }

  public static DatabaseServer start(TestDatabase kind, ServerConfig config) throws Exception {
    TestDatabase.Fresh database = kind.create();
    TestClock clock = new TestClock(START);
    try {
      return new DatabaseServer(kind, database, clock,
          TestServer.start(database.configure(config), clock));
    } catch (Exception | Error e) {
      database.close();
      throw e;
    }
  }

  public TestDatabase kind() {
    return kind;
  }

  public TestClock clock() {
    return clock;
  }

  public TestServer server() {
    return server;
  }

  public Api api() {
    return server.api();
  }

  /** A new connection to the server's database; close it. */
  public Connection jdbc() throws SQLException {
    if (database.url() == null) {
      return DriverManager.getConnection(Database.embeddedUrl(server.dataDir()));
    }
    return DriverManager.getConnection(database.url(), database.user(), null);
  }

  /** Runs statements, e.g. to add a constraint that makes a write fail. */
  public void execute(String... sql) throws SQLException {
    try (Connection c = jdbc(); Statement s = c.createStatement()) {
      for (String statement : sql) {
        s.execute(statement);
      }
    }
  }

  /**
   * Marks the account's address verified, as following its e-mail verification link does (these
   * servers send no mail; see VerificationMailTest for the link itself).
   */
  public void markVerified(String email) throws SQLException {
    try (Connection c = jdbc(); PreparedStatement s = c.prepareStatement(
        "UPDATE users SET email_verified_at = ? WHERE email = ?")) {
      s.setLong(1, clock.instant().toEpochMilli());
      s.setString(2, email.toLowerCase(Locale.ROOT));
      assertThat(s.executeUpdate()).as("accounts with %s", email).isEqualTo(1);
    }
  }

  /** How many rows each of the server's tables has. */
  public Map<String, Long> rowCounts() throws SQLException {
    Map<String, Long> counts = new LinkedHashMap<>();
    try (Connection c = jdbc(); Statement s = c.createStatement()) {
      for (String table : TABLES) {
        try (ResultSet r = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
          r.next();
          counts.put(table, r.getLong(1));
        }
      }
    }
    return counts;
  }

  @Override
  public void close() throws IOException, SQLException {
    try {
      server.close();
    } finally {
      database.close();
    }
  }
}
