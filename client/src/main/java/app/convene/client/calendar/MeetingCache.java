package app.convene.client.calendar;

import app.convene.client.account.AppDirs;
import app.convene.client.api.Json;
import app.convene.protocol.api.OccurrenceView;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last known meetings of one account, so the calendar opens when the server cannot be
 * reached. One file per account in the user's data folder, owner-only, replaced atomically.
 * Blocking file I/O: off the FX thread.
 */
public final class MeetingCache {
  private static final Logger log = LoggerFactory.getLogger(MeetingCache.class);

  /** What the cache holds: the occurrences of {@code [from, to)} as fetched at {@code fetchedAt}. */
  public record Snapshot(Instant fetchedAt, Instant from, Instant to, List<OccurrenceView> occurrences) {
    public Snapshot {
      occurrences = List.copyOf(occurrences);
    }
  }

  private final Path file;

  public MeetingCache(Path dataDir, String userId) {
    this.file = dataDir.resolve("meetings-" + userId.replaceAll("[^A-Za-z0-9-]", "_") + ".json");
  }

  public Optional<Snapshot> load() {
    try {
      return Optional.of(Json.MAPPER.readValue(Files.readAllBytes(file), Snapshot.class));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      log.warn("ignoring an unreadable meeting cache {}: {}", file, e.getMessage());
      return Optional.empty();
    }
  }

  /**
   * Merges a fresh fetch of {@code [from, to)} into the cache: what the fetch covers is replaced,
   * what lies outside it is kept.
   */
  public void store(Snapshot fresh) {
    List<OccurrenceView> merged = new ArrayList<>(fresh.occurrences());
    Instant from = fresh.from();
    Instant to = fresh.to();
    Optional<Snapshot> old = load();
    if (old.isPresent()) {
      for (OccurrenceView o : old.get().occurrences()) {
        if (!o.start().isBefore(fresh.to()) || !o.end().isAfter(fresh.from())) {
          merged.add(o);
        }
      }
      from = min(from, old.get().from());
      to = max(to, old.get().to());
    }
    merged.sort(Comparator.comparing(OccurrenceView::start));
    try {
      AppDirs.writePrivate(file, Json.MAPPER.writeValueAsBytes(
          new Snapshot(fresh.fetchedAt(), from, to, merged)));
    } catch (IOException e) {
      log.warn("cannot write the meeting cache {}: {}", file, e.getMessage());
    }
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
