package app.convene.client.storage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * macOS: a generic password in the user's login Keychain, through {@code /usr/bin/security}.
 * Service {@code app.convene.files}, account the first 32 hex digits of the SHA-256 of the data
 * folder's path (the path itself holds spaces, "Application Support", which the tool's
 * interactive mode would have to quote), label {@code Convene}; the password is the key in
 * Base64. The Keychain lets the tool that created an item read it back without asking.
 *
 * <p>The key is written through {@code security -i}, which reads its command from standard
 * input: {@code add-generic-password -w KEY} as arguments would show the key to every user's
 * {@code ps}. {@code find-generic-password} ends with 44 ({@code errSecItemNotFound}) when
 * there is no such item.
 */
final class MacKeychainVault implements KeyVault {
  static final String SERVICE = "app.convene.files";
  static final int NOT_FOUND = 44;

  private final List<String> security;
  private final Map<String, String> environment;
  private final String account;

  /** @param security the command that runs {@code /usr/bin/security} */
  MacKeychainVault(List<String> security, Map<String, String> environment, Path folder) {
    this.security = List.copyOf(Objects.requireNonNull(security, "security == null"));
    this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment == null"));
    this.account = account(Objects.requireNonNull(folder, "folder == null"));
  }

  @Override
  public Optional<byte[]> load() throws IOException {
    VaultCommand.Result result = run(List.of("find-generic-password", "-s", SERVICE, "-a",
        account, "-w"), new byte[0]);
    if (result.exit() == NOT_FOUND) {
      return Optional.empty();
    }
    if (result.exit() != 0) {
      throw new IOException("the Keychain cannot be read: " + result.reason("security"));
    }
    try {
      return Optional.of(Base64.getDecoder().decode(result.outText()));
    } catch (IllegalArgumentException e) {
      return Optional.empty(); // damaged: a new key replaces it
    }
  }

  @Override
  public void store(byte[] key) throws IOException {
    String line = "add-generic-password -U -s " + SERVICE + " -a " + account + " -l Convene -w "
        + Base64.getEncoder().encodeToString(key) + "\n";
    VaultCommand.Result result = run(List.of("-i"), line.getBytes(StandardCharsets.US_ASCII));
    if (result.exit() != 0) {
      throw new IOException("the Keychain did not store the key: " + result.reason("security"));
    }
  }

  @Override
  public String description() {
    return "the macOS Keychain";
  }

  /** The item's account name: the folder's path, hashed. */
  static String account(Path folder) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(folder.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private VaultCommand.Result run(List<String> arguments, byte[] input) throws IOException {
    List<String> command = new ArrayList<>(security);
    command.addAll(arguments);
    return VaultCommand.run(command, environment, Map.of(), input);
  }
}
