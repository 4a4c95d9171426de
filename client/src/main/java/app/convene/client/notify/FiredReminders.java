package app.convene.client.notify;

import app.convene.client.storage.OwnerOnlyFiles;
import app.convene.client.storage.UserFolders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reminders already shown, kept in an owner-only file so a restart does not show them again.
 * One line per reminder: {@code <meeting start millis> <reminder id>}; entries of meetings that
 * started more than a day ago are dropped when the file is written. Not thread-safe.
 */
final class FiredReminders {
  private static final Logger log = LoggerFactory.getLogger(FiredReminders.class);
  private static final long KEEP_MILLIS = 24 * 3600 * 1000L;

  private final Path file;
  private final Map<String, Long> fired = new LinkedHashMap<>();

  FiredReminders(Path file) {
    this.file = file;
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        int space = line.indexOf(' ');
        if (space > 0) {
          try {
            fired.put(line.substring(space + 1), Long.parseLong(line.substring(0, space)));
          } catch (NumberFormatException e) {
            // a damaged line: skip it
          }
        }
      }
    } catch (NoSuchFileException e) {
      // nothing fired yet
    } catch (IOException e) {
      log.warn("ignoring an unreadable reminder file {}: {}", file, e.getMessage());
    }
  }

  boolean contains(String id) {
    return fired.containsKey(id);
  }

  void add(String id, Instant meetingStart, Instant now) {
    fired.put(id, meetingStart.toEpochMilli());
    fired.values().removeIf(start -> start < now.toEpochMilli() - KEEP_MILLIS);
    StringBuilder text = new StringBuilder();
    fired.forEach((key, start) -> text.append(start).append(' ').append(key).append('\n'));
    try {
      OwnerOnlyFiles.write(file, text.toString().getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      log.warn("cannot write the reminder file {}: {}", file, e.getMessage());
    }
  }
}
