package app.convene.client.storage;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Where Convene keeps a user's settings ({@code configDir}) and data ({@code dataDir}):
 *
 * <ul>
 *   <li>Linux: {@code $XDG_CONFIG_HOME/convene} (else {@code ~/.config/convene}) and {@code
 *       $XDG_DATA_HOME/convene} (else {@code ~/.local/share/convene});
 *   <li>Windows: {@code %LOCALAPPDATA%\Convene} for both: nothing roams (tokens, caches and the
 *       database belong to this machine), and settings sit beside the data;
 *   <li>macOS: {@code ~/Library/Application Support/Convene} for both.
 * </ul>
 */
public record UserFolders(Path configDir, Path dataDir) {
  public UserFolders {
    Objects.requireNonNull(configDir, "configDir == null");
    Objects.requireNonNull(dataDir, "dataDir == null");
  }

  /** The folders of the user running this process. */
  public static UserFolders forCurrentUser() {
    return of(
        System.getProperty("os.name", ""), System.getenv(), Path.of(System.getProperty("user.home")));
  }

  public static UserFolders of(String osName, Map<String, String> env, Path home) {
    String os = osName.toLowerCase(Locale.ROOT);
    if (os.startsWith("windows")) {
      Path local = absolute(env.get("LOCALAPPDATA"), home.resolve("AppData").resolve("Local"))
          .resolve("Convene");
      return new UserFolders(local, local);
    }
    if (os.startsWith("mac")) {
      Path support = home.resolve("Library").resolve("Application Support").resolve("Convene");
      return new UserFolders(support, support);
    }
    Path config = absolute(env.get("XDG_CONFIG_HOME"), home.resolve(".config"));
    Path data = absolute(env.get("XDG_DATA_HOME"), home.resolve(".local").resolve("share"));
    return new UserFolders(config.resolve("convene"), data.resolve("convene"));
  }

  /** XDG says a relative value is invalid and must be ignored; the same holds for an empty one. */
  private static Path absolute(String value, Path fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    Path path = Path.of(value);
    return path.isAbsolute() ? path : fallback;
  }
}
