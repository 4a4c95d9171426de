package app.convene.client.account;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
  private static final Logger log = LoggerFactory.getLogger(SealedFiles.class);
  private static final String KEY_FILE = "file-key";
  private static final String VAULT_NOTE = "file-key.vault";
  /** How long an instance waits for another that is creating the key in the keychain. */
  private static final Duration CREATOR_WAIT = Duration.ofSeconds(5);
  private static final int KEY_BYTES = 32;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  /** What {@link #read} found: the content, and whether it was stored unencrypted. */
  public record Read(byte[] content, boolean plain) {}

  private final Path dataDir;
  private final KeyVault vault; // null: the key file only
  private final SecureRandom random = new SecureRandom();
  private SecretKey key; // guarded by this

  private SealedFiles(Path dataDir, KeyVault vault) {
    this.dataDir = Objects.requireNonNull(dataDir, "dataDir == null");
    this.vault = vault;
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

  /** The note that the key is in the keychain, for tests and documentation. */
  public Path vaultNote() {
    return dataDir.resolve(VAULT_NOTE);
  }

  private synchronized SecretKey key() throws IOException {
    if (key == null) {
      key = new SecretKeySpec(vault == null ? loadOrCreateKeyFile() : loadOrCreateInVault(),
          "AES");
    }
    return key;
  }

  /** The key by the rules of the class comment, with a keychain. */
  private byte[] loadOrCreateInVault() throws IOException {
    Optional<byte[]> fromFile = readKeyFile();
    if (fromFile.isPresent()) {
      moveToVault(fromFile.get());
      return fromFile.get();
    }
    Optional<byte[]> stored;
    try {
      stored = vault.load().filter(k -> k.length == KEY_BYTES);
    } catch (IOException e) {
      if (Files.exists(vaultNote())) {
        throw new IOException("the key of these files is in " + vault.description()
            + ", which does not answer: " + e.getMessage(), e);
      }
      log.warn("{} does not answer ({}); the files' key stays in {}", vault.description(),
          e.getMessage(), keyFile());
      return loadOrCreateKeyFile();
    }
    if (stored.isPresent()) {
      return stored.get();
    }
    return createInVault();
  }

  /**
   * A new key in the keychain. The instance that creates the note makes the key; another waits
   * for it to appear, and makes one itself only if it never does (that one died).
   */
  private byte[] createInVault() throws IOException {
    Path note = vaultNote();
    boolean creator = createNote(note);
    if (!creator) {
      long until = System.nanoTime() + CREATOR_WAIT.toNanos();
      while (System.nanoTime() - until < 0) {
        Optional<byte[]> stored = vault.load().filter(k -> k.length == KEY_BYTES);
        if (stored.isPresent()) {
          return stored.get();
        }
        sleep();
      }
    }
    byte[] created = new byte[KEY_BYTES];
    random.nextBytes(created);
    try {
      storeChecked(created);
      return created;
    } catch (IOException e) {
      Files.deleteIfExists(note);
      log.warn("{} did not keep a new key ({}); it goes in {}", vault.description(),
          e.getMessage(), keyFile());
      return loadOrCreateKeyFile();
    }
  }

  /** Moves a key file's key into the keychain; where that fails the file stays, and is used. */
  private void moveToVault(byte[] fileKey) {
    try {
      storeChecked(fileKey);
      createNote(vaultNote());
      Files.deleteIfExists(keyFile());
      log.info("moved the files' key from {} into {}", keyFile(), vault.description());
    } catch (IOException e) {
      log.info("the files' key stays in {}: {}", keyFile(), e.getMessage());
    }
  }

  /** Stores the key and reads it back: a keychain that says yes and keeps nothing is a no. */
  private void storeChecked(byte[] key) throws IOException {
    vault.store(key);
    Optional<byte[]> back = vault.load();
    if (back.isEmpty() || !MessageDigest.isEqual(back.get(), key)) {
      throw new IOException(vault.description() + " did not give the key back");
    }
  }

  /** Creates the note; false when it is there already. */
  private static boolean createNote(Path note) throws IOException {
    AppDirs.ensurePrivateDir(note.toAbsolutePath().getParent());
    try {
      Files.writeString(note, "The key of the sealed files here is in the system's keychain.\n",
          StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      return true;
    } catch (FileAlreadyExistsException e) {
      return false;
    }
  }

  private static void sleep() throws IOException {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for the key", e);
    }
  }

  /** The key file's key; empty when there is none or it is damaged. */
  private Optional<byte[]> readKeyFile() throws IOException {
    try {
      byte[] key = Base64.getDecoder().decode(Files.readString(keyFile(),
          StandardCharsets.US_ASCII).strip());
      return key.length == KEY_BYTES ? Optional.of(key) : Optional.empty();
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * The key file's key; a new one when there is none. A damaged key file is replaced: what was
   * sealed with it is lost either way, and the app must go on (a sign-in, a fresh fetch).
   */
  private byte[] loadOrCreateKeyFile() throws IOException {
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
