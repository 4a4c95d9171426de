package app.convene.client.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The macOS and Windows vaults as far as Linux can check them: the command lines and input they
 * give {@code security} and {@code powershell.exe}, against stand-ins of those tools that record
 * what they get and keep what they are given (the real tools run in the installers' workflow
 * only). What matters most: the key is never on a command line, and what is stored is read back.
 */
class KeychainToolsTest {
  @TempDir Path dir;

  /**
   * {@code security}: {@code find-generic-password -s S -a A -w} prints the stored password or
   * ends with 44; {@code -i} reads {@code add-generic-password ... -w PASSWORD} from stdin.
   */
  private static final String SECURITY = """
      #!/bin/bash
      printf '%s\\n' "$*" >> "$STANDIN/argv"
      if [ "$1" = "find-generic-password" ]; then
        item="$STANDIN/item-$3-$5"
        [ -f "$item" ] || { echo "security: SecKeychainSearchCopyNext: The specified item could not be found in the keychain." >&2; exit 44; }
        cat "$item"; echo; exit 0
      fi
      if [ "$1" = "-i" ]; then
        read -r command rest
        [ "$command" = "add-generic-password" ] || exit 2
        set -- $rest
        while [ $# -gt 0 ]; do
          case "$1" in
            -U) shift ;;
            -s) service="$2"; shift 2 ;;
            -a) account="$2"; shift 2 ;;
            -l) shift 2 ;;
            -w) password="$2"; shift 2 ;;
            *) echo "unknown $1" >&2; exit 2 ;;
          esac
        done
        printf '%s' "$password" > "$STANDIN/item-$service-$account"
        exit 0
      fi
      exit 2
      """;

  /**
   * {@code powershell.exe -NoProfile -NonInteractive -EncodedCommand SCRIPT}: the script decoded
   * from UTF-16LE must call ProtectedData; "protecting" here prefixes the input, which is enough
   * to tell that the blob file holds the tool's output and not the key.
   */
  private static final String POWERSHELL = """
      #!/bin/bash
      printf '%s\\n' "$*" >> "$STANDIN/argv"
      [ "$1 $2 $3" = "-NoProfile -NonInteractive -EncodedCommand" ] || exit 2
      script=$(printf '%s' "$4" | base64 -d | iconv -f UTF-16LE -t UTF-8)
      case "$script" in
        *"ProtectedData]::Protect("*)
          printf 'sealed:%s' "$CONVENE_VAULT_INPUT" | base64 -w0 ;;
        *"ProtectedData]::Unprotect("*)
          blob=$(printf '%s' "$CONVENE_VAULT_INPUT" | base64 -d)
          case "$blob" in sealed:*) printf '%s' "${blob#sealed:}" ;; *) echo "Exception calling Unprotect" >&2; exit 1 ;; esac ;;
        *) exit 2 ;;
      esac
      """;

  @Test
  void macKeychainGetsTheKeyOnStandardInputAndGivesItBack() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("Library/Application Support/Convene"));
    Path tool = standIn("security", SECURITY);
    MacKeychainVault vault = new MacKeychainVault(List.of(tool.toString()), environment(), folder);

    assertThat(vault.load()).isEmpty();
    Path file = folder.resolve("session.json");
    SealedFiles.inKeychain(folder, vault).write(file, bytes("signed in"));

    byte[] key = vault.load().orElseThrow();
    assertThat(key).hasSize(32);
    String argv = Files.readString(dir.resolve("argv"));
    assertThat(argv).doesNotContain(Base64.getEncoder().encodeToString(key))
        .contains("find-generic-password -s app.convene.files -a "
            + MacKeychainVault.account(folder) + " -w")
        .contains("-i");
    assertThat(MacKeychainVault.account(folder)).matches("[0-9a-f]{32}");
    assertThat(folder.resolve("file-key")).doesNotExist();
    assertThat(SealedFiles.inKeychain(folder, vault).read(file).content())
        .isEqualTo(bytes("signed in"));
  }

  @Test
  void windowsDpapiSealsTheKeyAndKeepsOnlyTheSealedBlobInTheFolder() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("AppData/Local/Convene"));
    Path tool = standIn("powershell", POWERSHELL);
    WindowsDpapiVault vault = new WindowsDpapiVault(List.of(tool.toString()), environment(),
        folder);

    assertThat(vault.load()).isEmpty();
    Path file = folder.resolve("session.json");
    SealedFiles.inKeychain(folder, vault).write(file, bytes("signed in"));

    byte[] key = vault.load().orElseThrow();
    assertThat(key).hasSize(32);
    String encodedKey = Base64.getEncoder().encodeToString(key);
    assertThat(Files.readString(dir.resolve("argv"))).doesNotContain(encodedKey);
    String blob = Files.readString(folder.resolve(WindowsDpapiVault.BLOB_FILE));
    assertThat(blob).isNotEqualTo(encodedKey);
    assertThat(new String(Base64.getDecoder().decode(blob), StandardCharsets.US_ASCII))
        .isEqualTo("sealed:" + encodedKey);
    assertThat(folder.resolve("file-key")).doesNotExist();
    assertThat(SealedFiles.inKeychain(folder, vault).read(file).content())
        .isEqualTo(bytes("signed in"));
  }

  @Test
  void aDpapiBlobThatDoesNotOpenCountsAsNoKey() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("copied from another account"));
    Files.writeString(folder.resolve(WindowsDpapiVault.BLOB_FILE),
        Base64.getEncoder().encodeToString(bytes("someone else's")));
    WindowsDpapiVault vault = new WindowsDpapiVault(
        List.of(standIn("powershell", POWERSHELL).toString()), environment(), folder);

    assertThat(vault.load()).isEmpty();
  }

  @Test
  void thePowerShellScriptsAreWhatDpapiNeeds() {
    assertThat(WindowsDpapiVault.PROTECT)
        .contains("[Security.Cryptography.ProtectedData]::Protect($in, $entropy, $scope)")
        .contains("DataProtectionScope]::CurrentUser")
        .contains("$env:CONVENE_VAULT_INPUT")
        .doesNotContain("\"");
    assertThat(WindowsDpapiVault.UNPROTECT)
        .contains("[Security.Cryptography.ProtectedData]::Unprotect($in, $entropy, $scope)");
    assertThat(WindowsDpapiVault.powerShell(Map.of("SystemRoot", "D:\\Windows")))
        .isEqualTo("D:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe");
  }

  private Map<String, String> environment() {
    return Map.of("PATH", System.getenv("PATH"), "STANDIN", dir.toString());
  }

  private Path standIn(String name, String script) throws Exception {
    Path tool = dir.resolve(name);
    Files.writeString(tool, script);
    Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwx------"));
    return tool;
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
