package app.convene.server.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's database: a connection pool on PostgreSQL or the embedded H2 file, migrated to the
 * newest schema with Flyway when it opens ({@code db/migration} on the class path).
 *
 * <p>Thread-safe. {@link #read} and {@link #inTransaction} block the calling thread (a Jetty
 * request thread, the jobs thread or a signaling thread) for the duration of the work.
 */
public final class Database implements AutoCloseable {
  /** Which database engine. */
  public enum Kind {
    H2,
    POSTGRESQL
  }

  private static final Logger log = LoggerFactory.getLogger(Database.class);
  private static final String UNIQUE_VIOLATION = "23505";

  private final HikariDataSource pool;
  private final Kind kind;

  private Database(HikariDataSource pool, Kind kind) {
    this.pool = pool;
    this.kind = kind;
  }

  /**
   * Opens and migrates the database.
   *
   * @param url a {@code jdbc:postgresql:} or {@code jdbc:h2:} URL, or {@code null} for the H2 file
   *     {@code convene} in {@code dataDir}
   * @param user the user, or {@code null}
   * @param password the password, or {@code null}
   */
  public static Database open(String url, String user, String password, Path dataDir) {
    return open(url, user, password, dataDir, AtRestSettings.OFF);
  }

  /**
   * Opens and migrates the database, the embedded file encrypted as {@code atRest} says (H2's
   * {@code CIPHER=AES}: the file password, a space, then the user password).
   *
   * @throws IllegalArgumentException in words for the administrator when the key file is wrong,
   *     or the embedded file cannot be opened with (or without) a key
   */
  public static Database open(String url, String user, String password, Path dataDir,
      AtRestSettings atRest) {
    Objects.requireNonNull(dataDir, "dataDir == null");
    Objects.requireNonNull(atRest, "atRest == null");
    if (atRest.encryptsDatabase() && url != null) {
      throw new IllegalArgumentException(
          "a database key file encrypts only the embedded database, not " + url);
    }
    String jdbcUrl = url != null ? url : embeddedUrl(dataDir);
    String fullPassword = password;
    if (atRest.encryptsDatabase()) {
      jdbcUrl += ";CIPHER=AES";
      fullPassword = DatabaseKey.read(atRest.databaseKeyFile()) + " "
          + (password == null ? "" : password);
    }
    Kind kind = jdbcUrl.startsWith("jdbc:postgresql:") ? Kind.POSTGRESQL : Kind.H2;
    HikariConfig config = new HikariConfig();
    config.setPoolName("convene-db");
    config.setJdbcUrl(jdbcUrl);
    config.setUsername(user);
    config.setPassword(fullPassword);
    config.setMaximumPoolSize(10);
    config.setMinimumIdle(1);
    config.setConnectionTimeout(10_000);
    config.setInitializationFailTimeout(10_000);
    HikariDataSource pool;
    try {
      pool = new HikariDataSource(config);
    } catch (RuntimeException e) {
      if (url == null) {
        throw EmbeddedFileErrors.explain(e, dataDir, atRest);
      }
      throw e;
    }
    try {
      migrate(pool);
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
    log.atInfo().addKeyValue("database", kind).log("database ready");
    return new Database(pool, kind);
  }

  /**
   * The URL of the embedded database in a data folder: the H2 file {@code convene.mv.db} in
   * PostgreSQL mode, kept open until the server closes it.
   *
   * <p>{@code WRITE_DELAY=0}: every commit writes its changes to the file before it returns, so
   * that a write the API acknowledged survives the server's process being killed. (H2's default
   * keeps them in memory for up to a second, its MVStore auto-commit delay, and lost hundreds of
   * acknowledged meetings to {@code kill -9}.) H2 does not fsync a commit: the file's pages are in
   * the operating system's cache, which a power cut can still lose; PostgreSQL, which fsyncs each
   * commit, is the database for that (docs/server.md).
   */
  public static String embeddedUrl(Path dataDir) {
    return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("convene")
        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
        + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
  }

  private static void migrate(DataSource dataSource) {
    var result = Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/migration")
        .failOnMissingLocations(true)
        .load()
        .migrate();
    log.atInfo()
        .addKeyValue("applied", result.migrationsExecuted)
        .addKeyValue("version", result.targetSchemaVersion)
        .log("database migrated");
  }

  public Kind kind() {
    return kind;
  }

  /** Runs the work on a connection in auto-commit mode: for reads and single statements. */
  public <T> T read(SqlWork<T> work) {
    Objects.requireNonNull(work, "work == null");
    try (Connection connection = pool.getConnection()) {
      return work.run(connection);
    } catch (SQLException e) {
      throw new StoreException("database read failed: " + e.getMessage(), e);
    }
  }

  /**
   * Runs the work in one transaction: commits when it returns, rolls back when it throws anything,
   * so that a failed write leaves nothing behind. Exceptions other than {@link SQLException} pass
   * through unchanged after the rollback.
   */
  public <T> T inTransaction(SqlWork<T> work) {
    Objects.requireNonNull(work, "work == null");
    try (Connection connection = pool.getConnection()) {
      connection.setAutoCommit(false);
      try {
        T result = work.run(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException | Error e) {
        rollback(connection, e);
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new StoreException("database write failed: " + e.getMessage(), e);
    }
  }

  /** Closes the pool; the embedded database file closes with its last connection. */
  @Override
  public void close() {
    pool.close();
  }

  static boolean isUniqueViolation(SQLException e) {
    for (SQLException next = e; next != null; next = next.getNextException()) {
      if (UNIQUE_VIOLATION.equals(next.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  private static void rollback(Connection connection, Throwable cause) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }
}
