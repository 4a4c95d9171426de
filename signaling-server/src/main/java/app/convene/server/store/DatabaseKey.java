package app.convene.server.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The password that encrypts the embedded database file, read from the key file an administrator
 * provides ({@code --database-key-file}). Never generated: a key the server wrote next to the
 * database would protect nothing. Read once, when the database opens.
 */
final class DatabaseKey {
  /** The shortest accepted key, in characters; {@code openssl rand -base64 32} gives 44. */
  static final int MIN_LENGTH = 16;

  private DatabaseKey() {}

  /**
   * The key: the file's first line without surrounding white space.
   *
   * @throws IllegalArgumentException in words for the administrator when the file is missing,
   *     unreadable, too short or holds white space (H2 splits its passwords at a space)
   */
  static String read(Path file) {
    Objects.requireNonNull(file, "file == null");
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("the database key file " + file + " does not exist");
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "the database key file " + file + " cannot be read: " + e.getMessage());
    }
    String key = text.lines().findFirst().orElse("").strip();
    if (key.length() < MIN_LENGTH) {
      throw new IllegalArgumentException("the database key file " + file + " must hold a key of"
          + " at least " + MIN_LENGTH + " characters on its first line, e.g. the output of"
          + " 'openssl rand -base64 32'");
    }
    if (key.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException(
          "the database key in " + file + " must not contain spaces or other white space");
    }
    return key;
  }
}
