package app.convene.client.storage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key of a data folder's {@link SealedFiles}: where it is kept and how it gets there, by the
 * rules in SealedFiles' class comment (a key file wins and moves into the keychain; with the note
 * {@code file-key.vault} a keychain that does not answer is an error, never a new key).
 */
final class FolderKey {
  private static final Logger log = LoggerFactory.getLogger(FolderKey.class);
  private static final String KEY_FILE = "file-key";
  private static final String VAULT_NOTE = "file-key.vault";
  /** How long an instance waits for another that is creating the key in the keychain. */
  private static final Duration CREATOR_WAIT = Duration.ofSeconds(5);
  static final int KEY_BYTES = 32;

  private final Path dataDir;
  private final KeyVault vault; // null: the key file only
  private final SecureRandom random;

  FolderKey(Path dataDir, KeyVault vault, SecureRandom random) {
    this.dataDir = Objects.requireNonNull(dataDir, "dataDir == null");
    this.vault = vault;
    this.random = Objects.requireNonNull(random, "random == null");
  }

  Path keyFile() {
    return dataDir.resolve(KEY_FILE);
  }

  Path vaultNote() {
    return dataDir.resolve(VAULT_NOTE);
  }

  /** The folder's key, made if there is none; blocking (files, a keychain's tool). */
  byte[] loadOrCreate() throws IOException {
    return vault == null ? loadOrCreateKeyFile() : loadOrCreateInVault();
  }

  /**
   * Whether the key is in the keychain (and not in {@code file-key}): true once {@link
   * #loadOrCreate} found or put it there. Blocking (a file's existence).
   */
  boolean inKeychain() {
    return vault != null && Files.exists(vaultNote()) && !Files.exists(keyFile());
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
    OwnerOnlyFiles.directory(note.toAbsolutePath().getParent());
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
      OwnerOnlyFiles.write(file, Base64.getEncoder().encode(key));
      return key;
    }
    throw new IOException("cannot create the key file " + file);
  }

  /** Writes the key to a private temporary file and moves it into place unless one is there. */
  private static boolean createKeyFile(Path file, byte[] key) throws IOException {
    Path dir = OwnerOnlyFiles.directory(file.toAbsolutePath().getParent());
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
}
