package app.convene.client.notify;

import app.convene.client.storage.OwnerOnlyFiles;
import app.convene.client.storage.UserFolders;
import app.convene.protocol.api.RestJson;
import app.convene.client.i18n.Messages;
import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The user's own reminder choice per meeting ("Remind me" in the calendar's context menu), in an
 * owner-only file on this computer: minutes before the start for each meeting id; an empty list
 * means no reminder. Meetings without a choice get the defaults.
 *
 * <p>Thread-safe: {@link #get} from any thread; {@link #set} writes the file on the io executor.
 */
public final class ReminderOverrides {
  /** What the menu offers, in order: {@code null} is the default, empty is none. */
  public static final List<List<Duration>> CHOICES = choices();

  private static final Logger log = LoggerFactory.getLogger(ReminderOverrides.class);
  private static final TypeReference<Map<String, List<Long>>> MAP = new TypeReference<>() {};

  private final Path file;
  private final Executor io;
  private final Map<String, List<Duration>> byEvent = new ConcurrentHashMap<>();

  /** Reads the file now (it is small); a damaged one counts as empty. */
  public ReminderOverrides(Path file, Executor io) {
    this.file = Objects.requireNonNull(file, "file == null");
    this.io = Objects.requireNonNull(io, "io == null");
    try {
      RestJson.mapper().readValue(Files.readAllBytes(file), MAP).forEach((id, minutes) -> {
        if (id != null && minutes != null) {
          byEvent.put(id, minutes.stream().map(Duration::ofMinutes).toList());
        }
      });
    } catch (NoSuchFileException e) {
      // no choices yet
    } catch (IOException | RuntimeException e) {
      log.warn("ignoring unreadable reminder choices {}: {}", file, e.getMessage());
    }
  }

  /** The meeting's own lead times, or empty for the defaults. */
  public Optional<List<Duration>> get(String eventId) {
    return Optional.ofNullable(byEvent.get(eventId));
  }

  /** Sets (or with {@code null} forgets) the meeting's own lead times. */
  public void set(String eventId, List<Duration> leads) {
    Objects.requireNonNull(eventId, "eventId == null");
    if (leads == null) {
      byEvent.remove(eventId);
    } else {
      byEvent.put(eventId, List.copyOf(leads));
    }
    Map<String, List<Long>> snapshot = new HashMap<>();
    byEvent.forEach((id, list) -> snapshot.put(id, list.stream().map(Duration::toMinutes).toList()));
    io.execute(() -> {
      try {
        OwnerOnlyFiles.write(file, RestJson.mapper().writeValueAsBytes(snapshot));
      } catch (IOException e) {
        log.warn("cannot write reminder choices {}: {}", file, e.getMessage());
      }
    });
  }

  /** The menu text of a choice. */
  public static String label(List<Duration> choice) {
    if (choice == null) {
      return Messages.get("remind.default");
    }
    if (choice.isEmpty()) {
      return Messages.get("remind.none");
    }
    long minutes = choice.getFirst().toMinutes();
    return minutes == 0 ? Messages.get("remind.atStart") : Messages.format("remind.before", minutes);
  }

  private static List<List<Duration>> choices() {
    java.util.ArrayList<List<Duration>> list = new java.util.ArrayList<>();
    list.add(null);
    list.add(List.of());
    for (long minutes : new long[] {0, 5, 10, 15, 30}) {
      list.add(List.of(Duration.ofMinutes(minutes)));
    }
    return java.util.Collections.unmodifiableList(list);
  }
}
