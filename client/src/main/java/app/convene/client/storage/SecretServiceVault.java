package app.convene.client.storage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Linux: the freedesktop Secret Service (GNOME Keyring, KWallet, KeePassXC), through libsecret's
 * {@code secret-tool} (Debian and Ubuntu package {@code libsecret-tools}). The key is stored
 * Base64-encoded under the attributes {@code application=app.convene.files} and
 * {@code folder=<the data folder's absolute path>}, labelled so that the user recognises it in
 * Seahorse or KWallet Manager.
 *
 * <p>{@code secret-tool lookup} ends with 1 both when nothing is stored and when the service
 * cannot be reached; only the latter writes an error, which is how the two are told apart.
 */
final class SecretServiceVault implements KeyVault {
  static final String APPLICATION = "app.convene.files";

  private final List<String> secretTool;
  private final Map<String, String> environment;
  private final Path folder;

  /**
   * @param secretTool the command that runs secret-tool
   * @param environment the tool's environment ({@code DBUS_SESSION_BUS_ADDRESS} finds the
   *     session's keyring)
   */
  SecretServiceVault(List<String> secretTool, Map<String, String> environment, Path folder) {
    this.secretTool = List.copyOf(Objects.requireNonNull(secretTool, "secretTool == null"));
    this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment == null"));
    this.folder = Objects.requireNonNull(folder, "folder == null");
  }

  @Override
  public Optional<byte[]> load() throws IOException {
    VaultCommand.Result result = run(List.of("lookup"), new byte[0]);
    if (result.exit() == 0) {
      try {
        return Optional.of(Base64.getDecoder().decode(result.outText()));
      } catch (IllegalArgumentException e) {
        return Optional.empty(); // not ours, or damaged: a new key replaces it
      }
    }
    if (result.exit() == 1 && result.err().isBlank()) {
      return Optional.empty();
    }
    throw new IOException("the Secret Service cannot be reached: " + result.reason("secret-tool"));
  }

  @Override
  public void store(byte[] key) throws IOException {
    VaultCommand.Result result = run(List.of("store", "--label=Convene: key of " + folder),
        Base64.getEncoder().encodeToString(key).getBytes(StandardCharsets.US_ASCII));
    if (result.exit() != 0) {
      throw new IOException("the Secret Service did not store the key: "
          + result.reason("secret-tool"));
    }
  }

  @Override
  public String description() {
    return "the Secret Service (GNOME Keyring, KWallet)";
  }

  /**
   * Whether the session has a D-Bus bus to ask: its address is set, or the bus of the user's
   * systemd session is at its usual place. Without one, secret-tool would have D-Bus
   * "autolaunch" a bus of its own through X11, whose keyring then waits for a password prompt
   * that may never show: the app would wait for the tool's time-out instead of falling back.
   */
  static boolean hasSessionBus(Map<String, String> environment) {
    String address = environment.get("DBUS_SESSION_BUS_ADDRESS");
    if (address != null && !address.isBlank()) {
      return true;
    }
    String runtime = environment.get("XDG_RUNTIME_DIR");
    return runtime != null && !runtime.isBlank() && Files.exists(Path.of(runtime, "bus"));
  }

  private VaultCommand.Result run(List<String> action, byte[] input) throws IOException {
    if (!hasSessionBus(environment)) {
      throw new IOException("no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is not set)");
    }
    List<String> command = new ArrayList<>(secretTool);
    command.addAll(action);
    command.addAll(List.of("application", APPLICATION, "folder", folder.toString()));
    return VaultCommand.run(command, environment, Map.of(), input);
  }
}
