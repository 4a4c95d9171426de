package app.convene.server.store;

import java.nio.file.Path;
import java.sql.SQLException;

/**
 * Turns H2's refusals to open the embedded database file into sentences an administrator can act
 * on: an encrypted file opened without a key reads as corrupted (H2 error 90030), and a wrong key
 * or a key for an unencrypted file as an encryption error (90049).
 */
final class EmbeddedFileErrors {
  private static final int FILE_CORRUPTED = 90030;
  private static final int FILE_ENCRYPTION_ERROR = 90049;

  private EmbeddedFileErrors() {}

  static RuntimeException explain(RuntimeException e, Path dataDir, AtRestSettings atRest) {
    Path file = dataDir.toAbsolutePath().resolve("convene.mv.db");
    int code = errorCode(e);
    if (code == FILE_ENCRYPTION_ERROR && atRest.encryptsDatabase()) {
      return new IllegalArgumentException("the embedded database " + file + " cannot be opened"
          + " with the key in " + atRest.databaseKeyFile() + ": the key is wrong, or the file is"
          + " not encrypted (encrypt an existing file with H2's ChangeFileEncryption tool, see"
          + " docs/server.md)", e);
    }
    if (code == FILE_CORRUPTED && !atRest.encryptsDatabase()) {
      return new IllegalArgumentException("the embedded database " + file + " cannot be read:"
          + " it is encrypted (start the server with --database-key-file) or damaged", e);
    }
    return e;
  }

  private static int errorCode(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql) {
        return sql.getErrorCode();
      }
    }
    return 0;
  }
}
