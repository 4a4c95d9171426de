package app.convene.client.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import app.convene.client.testing.TestKeyring;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The files' key in a real Secret Service: GNOME Keyring on a D-Bus session bus of the test's
 * own ({@link TestKeyring}: the developer's keyring is never touched), spoken to through the real
 * {@code secret-tool}. Without those programs the tests are skipped, but fail when {@code CI} is
 * {@code true} ({@code .ci/run} installs them).
 */
class SecretServiceKeychainTest {
  private static TestKeyring keyring;
  private static Map<String, String> environment;

  @TempDir Path dir;

  @BeforeAll
  static void startKeyring(@TempDir Path home) throws Exception {
    Optional<String> missing = TestKeyring.missingTool();
    if (missing.isPresent()) {
      String problem = missing.get() + " is not installed (Debian: dbus-daemon, gnome-keyring,"
          + " libsecret-tools)";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new AssertionError(problem + " (CI=true: the keychain tests must run)");
      }
      Assumptions.abort(problem + "; skipping (set CI=true to fail instead)");
    }
    keyring = TestKeyring.start(home);
    environment = keyring.environment();
  }

  @AfterAll
  static void stopKeyring() {
    if (keyring != null) {
      keyring.close();
    }
  }

  @Test
  void aNewKeyGoesIntoTheKeychainAndNothingInTheFolderOpensTheFiles() throws Exception {
    Path file = dir.resolve("session.json");
    SealedFiles.inKeychain(dir, vault(dir)).write(file, bytes("secret session"));

    assertThat(SealedFiles.inKeychain(dir, vault(dir)).read(file).content())
        .isEqualTo(bytes("secret session"));
    assertThat(dir.resolve("file-key")).doesNotExist();
    assertThat(dir.resolve("file-key.vault")).exists();
    assertThat(SealedFiles.inKeychain(dir, vault(dir)).keyInKeychain()).isTrue();
    assertThat(SealedFiles.withKeyFile(dir.resolve("elsewhere")).keyInKeychain()).isFalse();
    assertThat(lookup(dir)).hasValueSatisfying(key -> assertThat(key).hasSize(32));
    // The folder alone (copied elsewhere, or read without the user's keyring) does not open it.
    assertThatThrownBy(() -> SealedFiles.withKeyFile(dir).read(file))
        .isInstanceOf(IOException.class);
  }

  @Test
  void aKeyFileFromBeforeMovesIntoTheKeychain() throws Exception {
    Path file = dir.resolve("session.json");
    SealedFiles.withKeyFile(dir).write(file, bytes("sealed by the file's key"));
    byte[] fileKey = Base64.getDecoder().decode(Files.readString(dir.resolve("file-key")).strip());

    assertThat(SealedFiles.inKeychain(dir, vault(dir)).read(file).content())
        .isEqualTo(bytes("sealed by the file's key"));

    assertThat(dir.resolve("file-key")).doesNotExist();
    assertThat(dir.resolve("file-key.vault")).exists();
    assertThat(lookup(dir)).contains(fileKey);
    assertThat(SealedFiles.inKeychain(dir, vault(dir)).read(file).content())
        .isEqualTo(bytes("sealed by the file's key"));
  }

  @Test
  void aKeychainThatDoesNotAnswerLeavesTheKeyInTheFolderUntilItDoes() throws Exception {
    Path file = dir.resolve("meetings.json");
    SealedFiles.inKeychain(dir, unreachable(dir)).write(file, bytes("cached week"));

    assertThat(dir.resolve("file-key")).exists();
    assertThat(dir.resolve("file-key.vault")).doesNotExist();
    assertThat(lookup(dir)).isEmpty();

    assertThat(SealedFiles.inKeychain(dir, vault(dir)).read(file).content())
        .isEqualTo(bytes("cached week"));
    assertThat(dir.resolve("file-key")).doesNotExist();
    assertThat(lookup(dir)).isPresent();
  }

  @Test
  void withoutASessionBusTheKeyStaysInTheFolderWithoutWaiting() {
    // No bus address and none at XDG_RUNTIME_DIR/bus: secret-tool would have D-Bus autolaunch
    // a bus through X11 (this test has a display), whose keyring waits for a password prompt.
    Map<String, String> noBus = new HashMap<>(environment);
    noBus.remove("DBUS_SESSION_BUS_ADDRESS");
    Optional.ofNullable(System.getenv("DISPLAY")).ifPresent(shown -> noBus.put("DISPLAY", shown));
    KeyVault vault = new SecretServiceVault(List.of("secret-tool"), noBus, dir);
    Path file = dir.resolve("session.json");

    assertTimeoutPreemptively(Duration.ofSeconds(30),
        () -> SealedFiles.inKeychain(dir, vault).write(file, bytes("signed in")));
    assertThat(dir.resolve("file-key")).exists();
    assertThatThrownBy(vault::load).hasMessageContaining("no D-Bus session bus");
  }

  @Test
  void aKeyInTheKeychainIsNotReplacedWhileTheKeychainDoesNotAnswer() throws Exception {
    Path file = dir.resolve("session.json");
    SealedFiles.inKeychain(dir, vault(dir)).write(file, bytes("signed in"));
    byte[] sealed = Files.readAllBytes(file);

    SealedFiles cut = SealedFiles.inKeychain(dir, unreachable(dir));
    assertThatThrownBy(() -> cut.read(file)).isInstanceOf(IOException.class)
        .hasMessageContaining("Secret Service").hasMessageContaining("does not answer");
    assertThatThrownBy(() -> cut.write(file, bytes("under a new key")))
        .isInstanceOf(IOException.class);

    assertThat(dir.resolve("file-key")).doesNotExist();
    assertThat(Files.readAllBytes(file)).isEqualTo(sealed);
    assertThat(SealedFiles.inKeychain(dir, vault(dir)).read(file).content())
        .isEqualTo(bytes("signed in"));
  }

  @Test
  void aKeyDeletedFromTheKeychainIsReplacedAndWhatItSealedCountsAsLost() throws Exception {
    Path file = dir.resolve("session.json");
    SealedFiles.inKeychain(dir, vault(dir)).write(file, bytes("old"));
    byte[] old = lookup(dir).orElseThrow();
    secretTool("clear", dir);

    SealedFiles after = SealedFiles.inKeychain(dir, vault(dir));
    assertThatThrownBy(() -> after.read(file)).isInstanceOf(IOException.class)
        .hasMessageContaining("another key");
    after.write(file, bytes("new"));
    assertThat(SealedFiles.inKeychain(dir, vault(dir)).read(file).content())
        .isEqualTo(bytes("new"));
    assertThat(lookup(dir)).hasValueSatisfying(key -> assertThat(key).isNotEqualTo(old));
  }

  @Test
  void instancesThatStartTogetherAgreeOnOneKey() throws Exception {
    int instances = 6;
    ExecutorService pool = Executors.newFixedThreadPool(instances);
    try {
      List<Future<Path>> writes = new ArrayList<>();
      for (int i = 0; i < instances; i++) {
        Path file = dir.resolve("file-" + i + ".json");
        Callable<Path> write = () -> {
          SealedFiles.inKeychain(dir, vault(dir)).write(file, bytes(file.toString()));
          return file;
        };
        writes.add(pool.submit(write));
      }
      SealedFiles reader = SealedFiles.inKeychain(dir, vault(dir));
      for (Future<Path> write : writes) {
        Path file = write.get(60, TimeUnit.SECONDS);
        assertThat(reader.read(file).content()).isEqualTo(bytes(file.toString()));
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(dir.resolve("file-key")).doesNotExist();
  }

  @Test
  void differentFoldersHaveDifferentKeys() throws Exception {
    Path other = Files.createDirectories(dir.resolve("other profile"));
    SealedFiles.inKeychain(dir, vault(dir)).write(dir.resolve("a.json"), bytes("a"));
    SealedFiles.inKeychain(other, vault(other)).write(other.resolve("a.json"), bytes("b"));

    assertThat(lookup(dir).orElseThrow()).isNotEqualTo(lookup(other).orElseThrow());
  }

  private static KeyVault vault(Path folder) {
    return new SecretServiceVault(List.of("secret-tool"), environment,
        folder.toAbsolutePath().normalize());
  }

  /** The Secret Service as from a login without a session bus. */
  private static KeyVault unreachable(Path folder) {
    Map<String, String> noBus = new HashMap<>(environment);
    noBus.put("DBUS_SESSION_BUS_ADDRESS", "unix:path=" + folder.resolve("no-such-bus"));
    return new SecretServiceVault(List.of("secret-tool"), noBus,
        folder.toAbsolutePath().normalize());
  }

  /** What the keyring holds for the folder, read with secret-tool directly. */
  private static Optional<byte[]> lookup(Path folder) throws Exception {
    String out = secretTool("lookup", folder);
    return out.isEmpty() ? Optional.empty() : Optional.of(Base64.getDecoder().decode(out));
  }

  private static String secretTool(String action, Path folder) throws Exception {
    return keyring.secretTool("", action, "application", SecretServiceVault.APPLICATION, "folder",
        folder.toAbsolutePath().normalize().toString());
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
