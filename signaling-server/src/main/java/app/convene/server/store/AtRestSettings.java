package app.convene.server.store;

import java.nio.file.Path;

/**
 * Encryption of the server's data at rest that an administrator chooses.
 *
 * @param databaseKeyFile a file whose content (first line, without surrounding white space) is
 *     the password that encrypts the embedded H2 database file with AES ({@code CIPHER=AES}), or
 *     {@code null} for an unencrypted file. Kept apart from the data folder (a mounted secret);
 *     only for the embedded database.
 */
public record AtRestSettings(Path databaseKeyFile) {
  /** No database encryption (the default). */
  public static final AtRestSettings OFF = new AtRestSettings(null);

  public boolean encryptsDatabase() {
    return databaseKeyFile != null;
  }
}
