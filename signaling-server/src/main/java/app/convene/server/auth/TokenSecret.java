package app.convene.server.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/**
 * The key that signs access tokens: the configured secret, or 32 random bytes generated on first
 * start into {@code token-secret} in the data folder (Base64, readable by the owner only where the
 * file system has POSIX permissions) and read from there on later starts, so that tokens survive a
 * restart. Called once at start-up.
 */
public final class TokenSecret {
  static final String FILE_NAME = "token-secret";
  private static final int GENERATED_BYTES = 32;

  private TokenSecret() {}

  /**
   * @param configured the configured secret (at least 32 bytes as UTF-8), or {@code null}
   * @param dataDir the data folder, which must exist
   */
  public static byte[] load(String configured, Path dataDir) throws IOException {
    Objects.requireNonNull(dataDir, "dataDir == null");
    if (configured != null) {
      return configured.getBytes(StandardCharsets.UTF_8);
    }
    Path file = dataDir.resolve(FILE_NAME);
    if (!Files.exists(file)) {
      byte[] secret = new byte[GENERATED_BYTES];
      new SecureRandom().nextBytes(secret);
      try {
        write(file, Base64.getEncoder().encodeToString(secret));
        return secret;
      } catch (FileAlreadyExistsException e) {
        // another server on this folder was faster; read its secret
      }
    }
    byte[] secret = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII)
        .strip());
    if (secret.length < GENERATED_BYTES) {
      throw new IOException(file + " holds fewer than " + GENERATED_BYTES + " bytes; delete it"
          + " to generate a new secret (every signed-in user must sign in again)");
    }
    return secret;
  }

  private static void write(Path file, String text) throws IOException {
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      Files.createFile(file,
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(file, text + "\n", StandardCharsets.US_ASCII,
          StandardOpenOption.TRUNCATE_EXISTING);
    } else {
      Files.writeString(file, text + "\n", StandardCharsets.US_ASCII,
          StandardOpenOption.CREATE_NEW);
    }
  }
}
