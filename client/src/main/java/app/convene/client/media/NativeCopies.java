package app.convene.client.media;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes the copies of webrtc-java's native library that earlier runs left in the temp folder.
 *
 * <p>webrtc-java 0.14.0's {@code NativeLoader} copies {@code webrtc-java-windows-x86_64.dll}
 * (about 20 MB) to {@code Files.createTempFile("webrtc-java-windows-x86_64", ".dll")} in {@code
 * java.io.tmpdir} at every start and loads it from there. Where the file system is POSIX it deletes
 * the copy at once; on Windows it only asks {@code deleteOnExit}, which cannot delete a loaded DLL,
 * so every start leaves one more copy in {@code %TEMP%}. A copy still loaded by a running instance
 * cannot be deleted on Windows and stays; a copy younger than {@link #MIN_AGE} is left alone in
 * case a starting process is still writing it.
 */
public final class NativeCopies {
  private static final Logger log = LoggerFactory.getLogger(NativeCopies.class);
  /** Copies younger than this may belong to a process that is loading them right now. */
  static final Duration MIN_AGE = Duration.ofMinutes(2);
  /** {@code <prefix><unsigned random long>.dll}, as {@code Files.createTempFile} names them; the
   * architectures are the loader's. */
  private static final Pattern COPY = Pattern.compile("webrtc-java-windows-(x86_64|aarch64|aarch32)[0-9]+\\.dll");

  /** How a clean-up went. */
  record Removal(int removed, int left) {}

  private NativeCopies() {}

  /** On Windows: removes earlier runs' copies from {@code java.io.tmpdir} on a daemon thread. */
  public static void removeStaleInBackground() {
    if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
      return; // the loader deletes its copy itself on POSIX file systems
    }
    Path temp = Path.of(System.getProperty("java.io.tmpdir"));
    Thread.ofPlatform().daemon().name("native-copies").start(() -> {
      Removal removal = removeStale(temp, Clock.systemUTC().instant().minus(MIN_AGE));
      if (removal.removed() > 0 || removal.left() > 0) {
        log.info("removed {} old copies of webrtc-java's library from {}; {} in use left",
            removal.removed(), temp, removal.left());
      }
    });
  }

  /**
   * Deletes the library copies in {@code dir} last modified before {@code olderThan}; those that
   * cannot be deleted (in use) are counted as left. Blocks on the file system.
   */
  static Removal removeStale(Path dir, Instant olderThan) {
    Objects.requireNonNull(dir, "dir == null");
    Objects.requireNonNull(olderThan, "olderThan == null");
    int removed = 0;
    int left = 0;
    try (DirectoryStream<Path> copies = Files.newDirectoryStream(dir,
        path -> COPY.matcher(path.getFileName().toString()).matches())) {
      for (Path copy : copies) {
        try {
          if (Files.getLastModifiedTime(copy).toInstant().isBefore(olderThan)) {
            Files.delete(copy);
            removed++;
          }
        } catch (IOException e) { // loaded by a running process: Windows refuses to delete it
          left++;
        }
      }
    } catch (IOException | RuntimeException e) {
      log.warn("cannot clean old copies of webrtc-java's library in {}: {}", dir, e.toString());
    }
    return new Removal(removed, left);
  }
}
