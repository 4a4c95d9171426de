package app.convene.client.calendar;

import app.convene.client.storage.SealedFiles;
import app.convene.protocol.api.RestJson;
import app.convene.protocol.api.OccurrenceView;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last known meetings of one account, so the calendar opens when the server cannot be
 * reached. One file per account in the user's data folder, owner-only, encrypted ({@link
 * SealedFiles}), replaced atomically; a file from before encryption is read once and written back
 * encrypted, and a damaged one counts as no cache (the next fetch fills it). Blocking file I/O: off
 * the FX thread.
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
  private final SealedFiles sealed;

  /** @param sealed the data folder's files, which hold this user's cache */
  public MeetingCache(SealedFiles sealed, String userId) {
    this.sealed = Objects.requireNonNull(sealed, "sealed == null");
    this.file = sealed.dataDir()
        .resolve("meetings-" + userId.replaceAll("[^A-Za-z0-9-]", "_") + ".json");
  }

  public Optional<Snapshot> load() {
    try {
      SealedFiles.Read read = sealed.read(file);
      Snapshot snapshot = RestJson.mapper().readValue(read.content(), Snapshot.class);
      if (read.plain()) {
        write(snapshot);
      }
      return Optional.of(snapshot);
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
    write(new Snapshot(fresh.fetchedAt(), from, to, merged));
  }

  private void write(Snapshot snapshot) {
    try {
      sealed.write(file, RestJson.mapper().writeValueAsBytes(snapshot));
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
