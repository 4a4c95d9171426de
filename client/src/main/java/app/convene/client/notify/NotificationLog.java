package app.convene.client.notify;

import app.convene.client.storage.OwnerOnlyFiles;
import app.convene.client.storage.UserFolders;
import app.convene.protocol.api.RestJson;
import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The notification centre's history in an owner-only JSON file: newest first, at most {@link
 * #LIMIT} entries, an entry's id kept once. A damaged file is set aside, not fatal.
 *
 * <p>Not thread-safe; {@link NotificationsModel} calls it from one background thread at a time.
 */
final class NotificationLog {
  /** How many entries the centre keeps. */
  static final int LIMIT = 200;

  private static final Logger log = LoggerFactory.getLogger(NotificationLog.class);
  private static final TypeReference<List<NotificationEntry>> LIST = new TypeReference<>() {};

  private final Path file;

  NotificationLog(Path file) {
    this.file = Objects.requireNonNull(file, "file == null");
  }

  /** The stored entries, newest first; empty if there are none or the file is unreadable. */
  List<NotificationEntry> load() {
    try {
      List<NotificationEntry> entries = RestJson.mapper().readValue(Files.readAllBytes(file), LIST);
      return normalise(entries);
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (IOException | RuntimeException e) {
      log.warn("ignoring an unreadable notification history {}: {}", file, e.getMessage());
      return List.of();
    }
  }

  /** Replaces the stored entries (newest first, trimmed to the limit). */
  void save(List<NotificationEntry> entries) {
    try {
      OwnerOnlyFiles.write(file, RestJson.mapper().writeValueAsBytes(normalise(entries)));
    } catch (IOException e) {
      log.warn("cannot write the notification history {}: {}", file, e.getMessage());
    }
  }

  /** Newest first, one entry per id (the first seen), at most {@link #LIMIT}. */
  static List<NotificationEntry> normalise(List<NotificationEntry> entries) {
    List<NotificationEntry> sorted = new ArrayList<>(entries);
    sorted.removeIf(Objects::isNull);
    sorted.sort(Comparator.comparing(NotificationEntry::at).reversed());
    List<NotificationEntry> result = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (NotificationEntry entry : sorted) {
      if (seen.add(entry.id()) && result.size() < LIMIT) {
        result.add(entry);
      }
    }
    return result;
  }
}
