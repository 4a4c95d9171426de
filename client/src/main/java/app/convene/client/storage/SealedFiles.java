package app.convene.client.storage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The user's private files encrypted at rest: AES-256-GCM with a fresh 96-bit nonce per write and
 * the file's name as associated data (a file copied over another does not decrypt). The key is 32
 * random bytes, kept in the operating system's keychain ({@link KeyVault}: the Secret Service,
 * the macOS Keychain, Windows DPAPI) where one answers, else in {@code file-key} in the data
 * folder, readable by the owner only (docs: README, "Files at rest").
 *
 * <p>Where the key goes: a {@code file-key} present always wins (it sealed the files there) and
 * moves into the keychain as soon as the keychain answers: it is stored, read back, and only
 * then is the file deleted and {@code file-key.vault} (no secret: a note that the key is in the
 * keychain) written. With that note present and the keychain not answering, the key is not
 * replaced: reading and writing fail until it answers again (the user signs in meanwhile),
 * instead of a new key silently orphaning what the old one sealed. A keychain that answers but
 * holds no key (the user deleted it) gets a new one, as a damaged key file does.
 *
 * <p>A file in the format before encryption (plain JSON) is still read, once: {@link Read#plain()}
 * tells the caller to write it back through {@link #write}. Blocking file I/O: off the FX thread.
 * Thread-safe. Two instances on one folder (two stores, or two processes) agree on the key: the
 * one that creates the note {@code file-key.vault} first makes the key, the others wait for it.
 */
public final class SealedFiles {
  /** The file's first bytes: the format and its version. */
  private static final byte[] MAGIC = "CVS1".getBytes(StandardCharsets.US_ASCII);
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  /** What {@link #read} found: the content, and whether it was stored unencrypted. */
  public record Read(byte[] content, boolean plain) {}

  private final Path dataDir;
  private final FolderKey folderKey;
  private final SecureRandom random = new SecureRandom();
  private SecretKey key; // guarded by this

  private SealedFiles(Path dataDir, KeyVault vault) {
    this.dataDir = Objects.requireNonNull(dataDir, "dataDir == null");
    this.folderKey = new FolderKey(dataDir, vault, random);
  }

  /** The folder's files with their key in the keychain where one answers (the app). */
  public static SealedFiles inKeychain(Path dataDir, KeyVault vault) {
    return new SealedFiles(dataDir, Objects.requireNonNull(vault, "vault == null"));
  }

  /**
   * The folder's files with their key in {@code file-key} only: tests, which must not fill the
   * developer's keychain, and throw-away folders such as the AOT training run's.
   */
  public static SealedFiles withKeyFile(Path dataDir) {
    return new SealedFiles(dataDir, null);
  }

  /** The folder whose files these are. */
  public Path dataDir() {
    return dataDir;
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

  /** Encrypts the content and writes it atomically, owner-only ({@link OwnerOnlyFiles#write}). */
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
    OwnerOnlyFiles.write(file, all);
  }

  /**
   * Whether these files' key is in the operating system's keychain, so that the files alone open
   * nothing; false when it fell back to {@code file-key} (no keychain answered, or {@code
   * --keychain=off}). Loads the key first; blocking.
   */
  public boolean keyInKeychain() throws IOException {
    key();
    return folderKey.inKeychain();
  }

  /** The key file, for tests and documentation. */
  public Path keyFile() {
    return folderKey.keyFile();
  }

  /** The note that the key is in the keychain, for tests and documentation. */
  public Path vaultNote() {
    return folderKey.vaultNote();
  }

  private synchronized SecretKey key() throws IOException {
    if (key == null) {
      key = new SecretKeySpec(folderKey.loadOrCreate(), "AES");
    }
    return key;
  }

  private static byte[] associatedData(Path file) {
    return file.getFileName().toString().getBytes(StandardCharsets.UTF_8);
  }

  private static boolean startsWithMagic(byte[] bytes) {
    return bytes.length >= MAGIC.length
        && Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length);
  }
}
