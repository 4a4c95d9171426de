package app.convene.client.account;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The user's private files encrypted at rest: AES-256-GCM with a fresh 96-bit nonce per write and
 * the file's name as associated data (a file copied over another does not decrypt). The key is 32
 * random bytes in {@code file-key} in the data folder, created on first use and readable by the
 * owner only; the operating system's keychain is not used yet (docs: README, "Files at rest").
 *
 * <p>A file in the format before encryption (plain JSON) is still read, once: {@link Read#plain()}
 * tells the caller to write it back through {@link #write}. Blocking file I/O: off the FX thread.
 * Thread-safe; two instances on one folder share the key file.
 */
public final class SealedFiles {
  /** The file's first bytes: the format and its version. */
  private static final byte[] MAGIC = "CVS1".getBytes(StandardCharsets.US_ASCII);
  private static final String KEY_FILE = "file-key";
  private static final int KEY_BYTES = 32;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  /** What {@link #read} found: the content, and whether it was stored unencrypted. */
  public record Read(byte[] content, boolean plain) {}

  private final Path dataDir;
  private final SecureRandom random = new SecureRandom();
  private SecretKey key; // guarded by this

  public SealedFiles(Path dataDir) {
    this.dataDir = Objects.requireNonNull(dataDir, "dataDir == null");
  }

  /**
   * Reads and decrypts a file.
   *
   * @throws NoSuchFileException when there is none
   * @throws IOException when it cannot be read, or is damaged, or was sealed with another key
   */
  public Read read(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    if (!startsWithMagic(bytes)) {
      return new Read(bytes, true);
    }
    if (bytes.length < MAGIC.length + NONCE_BYTES + TAG_BITS / 8) {
      throw new IOException("the file is cut short");
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key(),
          new GCMParameterSpec(TAG_BITS, bytes, MAGIC.length, NONCE_BYTES));
      cipher.updateAAD(associatedData(file));
      int start = MAGIC.length + NONCE_BYTES;
      return new Read(cipher.doFinal(bytes, start, bytes.length - start), false);
    } catch (GeneralSecurityException e) {
      throw new IOException("the file is damaged or was written with another key", e);
    }
  }

  /** Encrypts the content and writes it atomically, owner-only ({@link AppDirs#writePrivate}). */
  public void write(Path file, byte[] content) throws IOException {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    byte[] sealed;
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(associatedData(file));
      sealed = cipher.doFinal(content);
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot encrypt " + file.getFileName(), e);
    }
    byte[] all = Arrays.copyOf(MAGIC, MAGIC.length + NONCE_BYTES + sealed.length);
    System.arraycopy(nonce, 0, all, MAGIC.length, NONCE_BYTES);
    System.arraycopy(sealed, 0, all, MAGIC.length + NONCE_BYTES, sealed.length);
    AppDirs.writePrivate(file, all);
  }

  /** The key file, for tests and documentation. */
  public Path keyFile() {
    return dataDir.resolve(KEY_FILE);
  }

  private synchronized SecretKey key() throws IOException {
    if (key == null) {
      key = new SecretKeySpec(loadOrCreateKey(), "AES");
    }
    return key;
  }

  /**
   * The key of the folder; a new one when there is none. A damaged key file is replaced: what was
   * sealed with it is lost either way, and the app must go on (a sign-in, a fresh fetch).
   */
  private byte[] loadOrCreateKey() throws IOException {
    Path file = keyFile();
    for (int attempt = 0; attempt < 2; attempt++) {
      try {
        byte[] key = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII)
            .strip());
        if (key.length == KEY_BYTES) {
          return key;
        }
      } catch (NoSuchFileException e) {
        byte[] key = new byte[KEY_BYTES];
        random.nextBytes(key);
        if (createKeyFile(file, key)) {
          return key;
        }
        continue; // another instance was faster: read its key
      } catch (IllegalArgumentException e) {
        // not Base64: replaced below
      }
      byte[] key = new byte[KEY_BYTES];
      random.nextBytes(key);
      AppDirs.writePrivate(file, Base64.getEncoder().encode(key));
      return key;
    }
    throw new IOException("cannot create the key file " + file);
  }

  /** Writes the key to a private temporary file and moves it into place unless one is there. */
  private static boolean createKeyFile(Path file, byte[] key) throws IOException {
    Path dir = AppDirs.ensurePrivateDir(file.toAbsolutePath().getParent());
    Path temp = Files.createTempFile(dir, KEY_FILE, ".tmp");
    try {
      if (Files.getFileStore(temp).supportsFileAttributeView("posix")) {
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
      }
      Files.write(temp, Base64.getEncoder().encode(key));
      Files.move(temp, file);
      return true;
    } catch (FileAlreadyExistsException e) {
      return false;
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static byte[] associatedData(Path file) {
    return file.getFileName().toString().getBytes(StandardCharsets.UTF_8);
  }

  private static boolean startsWithMagic(byte[] bytes) {
    return bytes.length >= MAGIC.length
        && Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length);
  }
}
