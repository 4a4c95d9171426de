package app.convene.client.storage;

import app.convene.client.media.OsFamily;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the operating system keeps a secret for the current user: the key of a data folder's
 * sealed files ({@link SealedFiles}), so that a copy of the folder alone (a backup, a synced or
 * stolen disk image without the user's login) does not open them. Each instance is bound to one
 * data folder. Implementations run the system's own command-line tools instead of binding native
 * APIs: {@code secret-tool} (libsecret) for the Secret Service on Linux, {@code security} for the
 * macOS Keychain, and Windows PowerShell for DPAPI.
 *
 * <p>Blocking (a process per call, tens of milliseconds on Linux): off the FX thread.
 */
public interface KeyVault {
  /**
   * The stored key.
   *
   * @return empty when the vault holds none for this folder
   * @throws IOException when the vault cannot be asked now (no keyring running, the tool
   *     missing, locked and not unlocked, a timeout): not the same as holding no key
   */
  Optional<byte[]> load() throws IOException;

  /** Stores the key for this folder, replacing any there. */
  void store(byte[] key) throws IOException;

  /** In words, for logs and the README: e.g. "the Secret Service (GNOME Keyring, KWallet)". */
  String description();

  /**
   * The vault of this operating system for the data folder.
   *
   * @param environment the environment of the tools' processes: this process's, or a test's
   *     with its own D-Bus session
   */
  static KeyVault forFolder(OsFamily os, Path dataDir, Map<String, String> environment) {
    Path folder = dataDir.toAbsolutePath().normalize();
    return switch (os) {
      case LINUX -> new SecretServiceVault(List.of("secret-tool"), environment, folder);
      case MACOS -> new MacKeychainVault(List.of("/usr/bin/security"), environment, folder);
      case WINDOWS -> new WindowsDpapiVault(List.of(WindowsDpapiVault.powerShell(environment)),
          environment, folder);
    };
  }
}
