package app.convene.client.google.ui;

import app.convene.client.storage.OwnerOnlyFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

  /** Writes the choice atomically, owner-only ({@link OwnerOnlyFiles#write}). */
  void save(Set<String> ids) throws IOException {
    OwnerOnlyFiles.write(file, (String.join("\n", ids) + "\n").getBytes(StandardCharsets.UTF_8));
  }

  Path file() {
    return file;
  }
}
