package app.convene.client.google.ui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The Google calendars the user chose to show, one id a line in {@code google-calendars.txt} in
 * the data folder, readable by its owner only. Blocking I/O: call off the FX thread.
 */
final class ChosenCalendars {
  private final Path file;

  ChosenCalendars(Path dataDir) {
    this.file = dataDir.resolve("google-calendars.txt");
  }

  /** The saved choice, or empty when the user never chose (or the file cannot be read). */
  Optional<Set<String>> load() {
    try {
      if (!Files.isRegularFile(file)) {
        return Optional.empty();
      }
      Set<String> ids = new LinkedHashSet<>();
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (!line.isBlank()) {
          ids.add(line.strip());
        }
      }
      return Optional.of(ids);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  void save(Set<String> ids) throws IOException {
    Files.createDirectories(file.getParent());
    Path temp = Files.createTempFile(file.getParent(), ".google-calendars", ".tmp");
    try {
      PosixFileAttributeView view = Files.getFileAttributeView(temp, PosixFileAttributeView.class);
      if (view != null) {
        view.setPermissions(PosixFilePermissions.fromString("rw-------"));
      }
      Files.writeString(temp, String.join("\n", ids) + "\n", StandardCharsets.UTF_8);
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  Path file() {
    return file;
  }
}
