package app.convene.client.account;

import app.convene.client.google.UserFolders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** Where the app keeps the user's files, and how it writes them so only the user can read them. */
public final class AppDirs {
  private AppDirs() {}

  /**
   * The per-user data folder, {@link UserFolders#dataDir()}: {@code $XDG_DATA_HOME/convene} or
   * {@code ~/.local/share/convene} on Linux, {@code %LOCALAPPDATA%\\Convene} on Windows (it does
   * not roam), {@code ~/Library/Application Support/Convene} on macOS.
   */
  public static Path defaultDataDir() {
    return UserFolders.forCurrentUser().dataDir();
  }

  /** Creates {@code dir} if needed, readable by its owner only where the file system allows. */
  public static Path ensurePrivateDir(Path dir) throws IOException {
    Files.createDirectories(dir);
    if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    }
    return dir;
  }

  /**
   * Writes {@code content} to {@code file} atomically (a temporary file renamed over it), readable
   * and writable by the owner only: a crash never leaves half a file.
   */
  public static void writePrivate(Path file, byte[] content) throws IOException {
    Path dir = ensurePrivateDir(file.toAbsolutePath().getParent());
    Path temp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
    try {
      if (Files.getFileStore(temp).supportsFileAttributeView("posix")) {
        Files.setPosixFilePermissions(temp, Set.copyOf(PosixFilePermissions.fromString("rw-------")));
      }
      Files.write(temp, content);
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
