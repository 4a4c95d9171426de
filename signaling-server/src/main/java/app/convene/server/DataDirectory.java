package app.convene.server;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The server's data folder: where it is by default on each OS, and creating it so that only its
 * owner can read it. Stateless.
 */
public final class DataDirectory {
  private DataDirectory() {}

  /**
   * The default data folder: {@code $XDG_DATA_HOME/convene/server} or {@code
   * ~/.local/share/convene/server} on Linux and other Unixes, {@code %LOCALAPPDATA%\Convene\server} on
   * Windows (beside the desktop app's data; it does not roam), {@code ~/Library/Application Support/Convene/server} on macOS.
   */
  public static Path defaultFor(Map<String, String> env) {
    return defaultFor(env, System.getProperty("os.name", ""), System.getProperty("user.home", "."));
  }

  /** The default data folder for this environment, OS name and home folder (the desktop app's
   * tests check that it sits inside the app's own data folder). */
  public static Path defaultFor(Map<String, String> env, String osName, String userHome) {
    Objects.requireNonNull(env, "env == null");
    String os = osName.toLowerCase(Locale.ROOT);
    Path home = Path.of(userHome);
    if (os.startsWith("windows")) {
      String local = env.get("LOCALAPPDATA");
      Path base = local != null && !local.isBlank() && Path.of(local).isAbsolute()
          ? Path.of(local)
          : home.resolve("AppData").resolve("Local");
      return base.resolve("Convene").resolve("server");
    }
    if (os.startsWith("mac")) {
      return home.resolve("Library").resolve("Application Support").resolve("Convene")
          .resolve("server");
    }
    String xdg = env.get("XDG_DATA_HOME");
    Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()
        ? Path.of(xdg)
        : home.resolve(".local").resolve("share");
    return base.resolve("convene").resolve("server");
  }

  /**
   * Creates the folder and its parents if they are missing. Where the file system has POSIX
   * permissions, a folder created here is readable by its owner only ({@code rwx------}); an
   * existing one is left as it is.
   */
  public static Path create(Path dir) throws IOException {
    Objects.requireNonNull(dir, "dir == null");
    Path absolute = dir.toAbsolutePath();
    if (Files.isDirectory(absolute)) {
      return absolute;
    }
    if (absolute.getParent() != null) {
      Files.createDirectories(absolute.getParent());
    }
    try {
      if (isPosix()) {
        Files.createDirectory(
            absolute,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      } else {
        Files.createDirectory(absolute);
      }
    } catch (FileAlreadyExistsException e) {
      if (!Files.isDirectory(absolute)) {
        throw e;
      }
    }
    return absolute;
  }

  static boolean isPosix() {
    return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  }
}
