package app.convene.client.google;

import app.convene.client.storage.OwnerOnlyFiles;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The changes of one calendar since its last snapshot, one JSON line per incremental sync, so that
 * a sync that brought ten changes writes ten events and not the whole calendar. Each line carries
 * the sync token it leads to. A line cut short by a crash is the last one and is ignored on
 * reading: its changes come again, because the previous token is then the current one. Not
 * thread-safe; {@link EventCache} serialises access.
 */
final class CacheJournal {
  /** One incremental sync: what changed and the token after it. */
  record Entry(
      String syncToken,
      String summary,
      String colorHex,
      List<Duration> defaultReminders,
      List<GoogleEvent> changed,
      List<String> removed) {}

  private final Path file;
  private final ObjectMapper json;

  CacheJournal(Path file, ObjectMapper json) {
    this.file = file;
    this.json = json;
  }

  /** Appends one line; returns the journal's size in bytes afterwards. */
  long append(Entry entry) throws IOException {
    byte[] line = (json.writeValueAsString(entry) + "\n").getBytes(StandardCharsets.UTF_8);
    if (!Files.exists(file)) {
      OwnerOnlyFiles.write(file, new byte[0]);
    }
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.APPEND)) {
      ByteBuffer buffer = ByteBuffer.wrap(line);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      return channel.size();
    }
  }

  /** The complete lines, oldest first. */
  List<Entry> read() throws IOException {
    List<Entry> entries = new ArrayList<>();
    if (!Files.isRegularFile(file)) {
      return entries;
    }
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.isBlank()) {
        continue;
      }
      try {
        entries.add(json.readValue(line, Entry.class));
      } catch (JacksonException e) {
        break; // cut short by a crash: this and anything after it are not trusted
      }
    }
    return entries;
  }

  void delete() throws IOException {
    Files.deleteIfExists(file);
  }
}
