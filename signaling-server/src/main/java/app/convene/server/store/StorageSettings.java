package app.convene.server.store;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the server keeps its data.
 *
 * @param dataDir the server's own folder: the embedded database and the generated token secret
 * @param databaseUrl a {@code jdbc:postgresql:} or {@code jdbc:h2:} URL, or {@code null} for the
 *     embedded H2 database file in {@code dataDir}
 * @param databaseUser the database user, or {@code null}
 * @param databasePassword the database password, or {@code null}; never logged
 * @param atRest encryption of the embedded database file ({@link AtRestSettings#OFF} for none);
 *     only with the embedded database
 */
public record StorageSettings(Path dataDir, String databaseUrl, String databaseUser,
    String databasePassword, AtRestSettings atRest) {

  public StorageSettings {
    Objects.requireNonNull(dataDir, "dataDir == null");
    if (databaseUrl != null && !isJdbcUrl(databaseUrl)) {
      throw new IllegalArgumentException(
          "databaseUrl must start with jdbc:postgresql: or jdbc:h2:, or be null for the embedded"
              + " database");
    }
    Objects.requireNonNull(atRest, "atRest == null");
    if (atRest.encryptsDatabase() && databaseUrl != null) {
      throw new IllegalArgumentException("a database key file encrypts only the embedded"
          + " database; PostgreSQL is encrypted by its own means (docs/server.md)");
    }
  }

  /** The embedded, unencrypted database in {@code dataDir}. */
  public static StorageSettings embedded(Path dataDir) {
    return new StorageSettings(dataDir, null, null, null, AtRestSettings.OFF);
  }

  /** Whether the URL names a database this server can use: PostgreSQL or H2. */
  public static boolean isJdbcUrl(String url) {
    return url.startsWith("jdbc:postgresql:") || url.startsWith("jdbc:h2:");
  }

  public StorageSettings withDataDir(Path dataDir) {
    return new StorageSettings(dataDir, databaseUrl, databaseUser, databasePassword, atRest);
  }

  /** Another database than the embedded one; {@code null} user and password for none. */
  public StorageSettings withDatabase(String url, String user, String password) {
    return new StorageSettings(dataDir, url, user, password, atRest);
  }

  public StorageSettings withAtRest(AtRestSettings atRest) {
    return new StorageSettings(dataDir, databaseUrl, databaseUser, databasePassword, atRest);
  }

  /** Like the record's own, but never shows the password, not even inside the URL. */
  @Override
  public String toString() {
    return "StorageSettings[dataDir=" + dataDir
        + ", databaseUrl=" + (databaseUrl == null ? "embedded" : withoutPassword(databaseUrl))
        + ", databaseUser=" + databaseUser
        + ", databasePassword=" + (databasePassword == null ? "none" : "(hidden)")
        + ", atRest=" + atRest + "]";
  }

  /** A JDBC URL may carry {@code password=…} among its parameters; that part is masked. */
  private static String withoutPassword(String url) {
    return url.replaceAll("(?i)(password=)[^&;]*", "$1(hidden)");
  }
}
