package app.convene.server.testing;

import app.convene.server.ServerConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Assumptions;

/**
 * The databases that storage and REST tests run against: the embedded H2 file (in the test
 * server's temporary data folder) and PostgreSQL, each test class in its own fresh schema.
 *
 * <p>PostgreSQL is {@code jdbc:postgresql://127.0.0.1:5432/test} as user {@code postgres} unless
 * {@code CONVENE_TEST_PG_URL} and {@code CONVENE_TEST_PG_USER} say otherwise. When it cannot be
 * reached, its tests are skipped, but fail when the environment variable {@code CI} is {@code
 * true}: CI must run them for real.
 */
public enum TestDatabase {
  H2,
  POSTGRESQL;

  static final String PG_URL = env("CONVENE_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
  static final String PG_USER = env("CONVENE_TEST_PG_USER", "postgres");

  /** A fresh database of this kind; {@link #close()} drops it. */
  public Fresh create() throws SQLException {
    if (this == H2) {
      return new Fresh(null, null, null);
    }
    String schema = "t_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
    try (Connection c = pgAdmin(); Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    }
    String separator = PG_URL.contains("?") ? "&" : "?";
    return new Fresh(PG_URL + separator + "currentSchema=" + schema, PG_USER, schema);
  }

  /** A database made for one test class. */
  public record Fresh(String url, String user, String schema) implements AutoCloseable {
    /** Points the server at this database. */
    public ServerConfig configure(ServerConfig config) {
      return config.withStorage(s -> s.withDatabase(url, user, s.databasePassword()));
    }

    @Override
    public void close() throws SQLException {
      if (schema != null) {
        try (Connection c = pgAdmin(); Statement s = c.createStatement()) {
          s.execute("DROP SCHEMA " + schema + " CASCADE");
        }
      }
    }
  }

  private static Connection pgAdmin() throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", PG_USER);
    properties.setProperty("connectTimeout", "3");
    properties.setProperty("loginTimeout", "3");
    try {
      return DriverManager.getConnection(PG_URL, properties);
    } catch (SQLException e) {
      String problem = "PostgreSQL is not reachable at " + PG_URL + " as " + PG_USER + ": "
          + e.getMessage();
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new AssertionError(problem + " (CI=true: the PostgreSQL tests must run)", e);
      }
      Assumptions.abort(problem + "; skipping (set CI=true to fail instead)");
      throw e; // not reached
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
