package app.convene.client.storage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Windows: the key sealed with DPAPI for the current user ({@code ProtectedData}, scope
 * {@code CurrentUser}, the application's name as extra entropy), so only this Windows account
 * on this machine can open it; the sealed blob is kept in {@code file-key.dpapi} in the data
 * folder. It runs Windows PowerShell 5.1, which every Windows 10 and 11 has, with the script
 * as {@code -EncodedCommand} (UTF-16LE, Base64: no quoting of a command line to get right) and
 * the input in the child's environment, {@code CONVENE_VAULT_INPUT}, which only the user and
 * administrators can read. About half a second per call, once per start.
 *
 * <p>A blob that does not open (the folder copied from another account or machine) counts as
 * no key: the app makes a new one, and the user signs in again.
 */
final class WindowsDpapiVault implements KeyVault {
  static final String BLOB_FILE = "file-key.dpapi";
  static final String INPUT_VARIABLE = "CONVENE_VAULT_INPUT";
  private static final String PREFIX = "Add-Type -AssemblyName System.Security;"
      + " $entropy = [Text.Encoding]::UTF8.GetBytes('app.convene.files');"
      + " $in = [Convert]::FromBase64String($env:" + INPUT_VARIABLE + ");"
      + " $scope = [Security.Cryptography.DataProtectionScope]::CurrentUser;";
  static final String PROTECT = PREFIX
      + " $out = [Security.Cryptography.ProtectedData]::Protect($in, $entropy, $scope);"
      + " [Console]::Out.Write([Convert]::ToBase64String($out))";
  static final String UNPROTECT = PREFIX
      + " $out = [Security.Cryptography.ProtectedData]::Unprotect($in, $entropy, $scope);"
      + " [Console]::Out.Write([Convert]::ToBase64String($out))";

  private final List<String> powerShell;
  private final Map<String, String> environment;
  private final Path blob;

  /** @param powerShell the command that runs powershell.exe */
  WindowsDpapiVault(List<String> powerShell, Map<String, String> environment, Path folder) {
    this.powerShell = List.copyOf(Objects.requireNonNull(powerShell, "powerShell == null"));
    this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment == null"));
    this.blob = Objects.requireNonNull(folder, "folder == null").resolve(BLOB_FILE);
  }

  /** powershell.exe in the system folder, not whatever a PATH finds first. */
  static String powerShell(Map<String, String> environment) {
    String root = environment.getOrDefault("SystemRoot", "C:\\Windows");
    return root + "\\System32\\WindowsPowerShell\\v1.0\\powershell.exe";
  }

  @Override
  public Optional<byte[]> load() throws IOException {
    String sealed;
    try {
      sealed = Files.readString(blob, StandardCharsets.US_ASCII).strip();
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
    VaultCommand.Result result = run(UNPROTECT, sealed);
    if (result.exit() != 0) {
      return Optional.empty(); // sealed for another account or machine, or damaged
    }
    return decode(result);
  }

  @Override
  public void store(byte[] key) throws IOException {
    VaultCommand.Result result = run(PROTECT, Base64.getEncoder().encodeToString(key));
    if (result.exit() != 0 || decode(result).isEmpty()) {
      throw new IOException("DPAPI did not seal the key: " + result.reason("PowerShell"));
    }
    OwnerOnlyFiles.write(blob, result.outText().getBytes(StandardCharsets.US_ASCII));
  }

  @Override
  public String description() {
    return "Windows DPAPI (the user's Windows sign-in)";
  }

  /** The script as {@code -EncodedCommand} takes it. */
  static String encoded(String script) {
    return Base64.getEncoder().encodeToString(script.getBytes(StandardCharsets.UTF_16LE));
  }

  private VaultCommand.Result run(String script, String input) throws IOException {
    List<String> command = new ArrayList<>(powerShell);
    command.addAll(List.of("-NoProfile", "-NonInteractive", "-EncodedCommand", encoded(script)));
    return VaultCommand.run(command, environment, Map.of(INPUT_VARIABLE, input), new byte[0]);
  }

  private static Optional<byte[]> decode(VaultCommand.Result result) {
    try {
      byte[] bytes = Base64.getDecoder().decode(result.outText());
      return bytes.length == 0 ? Optional.empty() : Optional.of(bytes);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
