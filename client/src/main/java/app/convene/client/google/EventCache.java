package app.convene.client.google;

import app.convene.client.storage.OwnerOnlyFiles;
import app.convene.protocol.api.RestJson;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Google events saved on this computer, so they show offline: per calendar, in {@code
 * <dataDir>/google/calendars/}, an owner-only snapshot ({@code <hash>.json}: sync token and events,
 * replaced atomically) and a {@link CacheJournal} of the incremental syncs since ({@code
 * <hash>.journal}), folded into a new snapshot once it grows past {@value #COMPACT_BYTES} bytes. A
 * snapshot that cannot be parsed is renamed to {@code *.corrupt} (kept for inspection) and that
 * calendar is read in full again. Thread-safe; blocking I/O.
 */
final class EventCache {
  private static final Logger log = LoggerFactory.getLogger(EventCache.class);
  private static final ObjectMapper JSON = RestJson.mapper();
  /** Snapshots of format 1 have no {@code format}: it reads as 0, an old format. */
  private static final ObjectReader SNAPSHOT = JSON.readerFor(CalendarState.class)
      .without(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
  static final String FOLDER = "calendars";
  /**
   * The snapshot format; 2 added reminders, 3 the dates of all-day events and, per event, the
   * user's own answer, its type, whether the user organises it and its conference's name (older
   * snapshots lack them, so their calendars are read again in full once).
   */
  static final int FORMAT = 3;
  static final long COMPACT_BYTES = 256 * 1024;

  /**
   * One calendar's saved state; {@code syncToken} is {@code null} until a full read finished. Takes
   * {@code events} over without a copy (a calendar may hold thousands): callers pass a map they
   * no longer change.
   *
   * @param format {@link #FORMAT} for states written by this version; older snapshots lack fields
   *     (their events have no reminders), so their calendars are read in full again
   * @param defaultReminders the calendar's popup leads, {@code null} when unknown
   */
  record CalendarState(
      int format,
      String calendarId,
      String summary,
      String colorHex,
      List<Duration> defaultReminders,
      String syncToken,
      Map<String, GoogleEvent> events) {
    CalendarState {
      defaultReminders = defaultReminders == null ? null : List.copyOf(defaultReminders);
      events = Collections.unmodifiableMap(events);
    }

    CalendarState(
        String calendarId,
        String summary,
        String colorHex,
        List<Duration> defaultReminders,
        String syncToken,
        Map<String, GoogleEvent> events) {
      this(FORMAT, calendarId, summary, colorHex, defaultReminders, syncToken, events);
    }
  }

  private final Path dir;
  private final Set<String> mustCompact = new HashSet<>();
  private Map<String, CalendarState> states;

  EventCache(Path googleDir) {
    this.dir = googleDir.resolve(FOLDER);
  }

  synchronized Optional<CalendarState> get(String calendarId) {
    return Optional.ofNullable(states().get(calendarId));
  }

  /**
   * Replaces a calendar's state with a new snapshot (after a full read, or a rename). Disk first:
   * memory changes only when the write worked. The journal goes first, so a crash in between
   * leaves the older snapshot and its token, which the next sync brings up to date.
   */
  synchronized void put(CalendarState state) throws IOException {
    journal(state.calendarId()).delete();
    OwnerOnlyFiles.write(fileOf(state.calendarId(), ".json"), JSON.writeValueAsBytes(state));
    mustCompact.remove(state.calendarId());
    states().put(state.calendarId(), state);
  }

  /**
   * Records an incremental sync: appends {@code changed} and {@code removed} to the journal (or
   * writes a snapshot when the journal has grown large), then makes {@code state} current.
   */
  synchronized void update(CalendarState state, List<GoogleEvent> changed, List<String> removed)
      throws IOException {
    String id = state.calendarId();
    if (mustCompact.contains(id) || !states().containsKey(id)) {
      put(state);
      return;
    }
    long size;
    try {
      size =
          journal(id)
              .append(
                  new CacheJournal.Entry(
                      state.syncToken(),
                      state.summary(),
                      state.colorHex(),
                      state.defaultReminders(),
                      changed,
                      removed));
    } catch (IOException e) {
      mustCompact.add(id); // a half-written line must not stay in the middle of the journal
      throw e;
    }
    states().put(id, state);
    if (size > COMPACT_BYTES) {
      put(state);
    }
  }

  /**
   * The saved events of those calendars, each in its calendar's current colour and, when it uses
   * them, with its calendar's current default reminders.
   */
  synchronized List<GoogleEvent> events(Set<String> calendarIds) {
    List<GoogleEvent> result = new ArrayList<>();
    for (String id : calendarIds) {
      CalendarState state = states().get(id);
      if (state == null) {
        continue;
      }
      for (GoogleEvent event : state.events().values()) {
        result.add(event.inCalendar(state.colorHex(), state.defaultReminders()));
      }
    }
    result.sort(Comparator.comparing(GoogleEvent::start, Comparator.nullsLast(Comparator.naturalOrder())));
    return result;
  }

  /**
   * Records a calendar's new name, colour and default reminders in its saved state, when it has
   * one.
   */
  synchronized void rename(GoogleCalendarInfo info) throws IOException {
    CalendarState state = states().get(info.id());
    if (state != null
        && !(Objects.equals(state.colorHex(), info.colorHex())
            && Objects.equals(state.summary(), info.summary())
            && Objects.equals(state.defaultReminders(), info.defaultReminders()))) {
      put(
          new CalendarState(
              info.id(),
              info.summary(),
              info.colorHex(),
              info.defaultReminders(),
              state.syncToken(),
              state.events()));
    }
  }

  /** Forgets a calendar and deletes its files (Google no longer knows it). */
  synchronized void remove(String calendarId) throws IOException {
    journal(calendarId).delete();
    Files.deleteIfExists(fileOf(calendarId, ".json"));
    mustCompact.remove(calendarId);
    states().remove(calendarId);
  }

  /** Deletes every saved calendar of a Google data folder. */
  static void deleteAll(Path googleDir) throws IOException {
    Path folder = googleDir.resolve(FOLDER);
    if (!Files.isDirectory(folder)) {
      return;
    }
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }

  synchronized void clear() throws IOException {
    deleteAll(dir.getParent());
    mustCompact.clear();
    states = new HashMap<>();
  }

  private Map<String, CalendarState> states() {
    if (states == null) {
      states = load();
    }
    return states;
  }

  private Map<String, CalendarState> load() {
    Map<String, CalendarState> loaded = new HashMap<>();
    if (!Files.isDirectory(dir)) {
      return loaded;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.json")) {
      for (Path file : files) {
        String name = file.getFileName().toString();
        CacheJournal journal =
            new CacheJournal(file.resolveSibling(name.replace(".json", ".journal")), JSON);
        try {
          CalendarState state = replay(SNAPSHOT.readValue(file.toFile()), journal);
          loaded.put(state.calendarId(), state.format() < FORMAT ? readAgain(state) : state);
        } catch (JacksonException | NullPointerException e) {
          log.warn("Unreadable Google calendar cache {}; it will be read from Google again", file);
          Files.move(
              file,
              file.resolveSibling(name + ".corrupt"),
              StandardCopyOption.REPLACE_EXISTING);
          journal.delete();
        }
      }
    } catch (IOException e) {
      log.warn("Could not read the Google calendar cache in {}", dir, e);
    }
    return loaded;
  }

  private static CalendarState replay(CalendarState snapshot, CacheJournal journal)
      throws IOException {
    List<CacheJournal.Entry> entries = journal.read();
    if (entries.isEmpty()) {
      return snapshot;
    }
    Map<String, GoogleEvent> events = new HashMap<>(snapshot.events());
    CacheJournal.Entry last = null;
    for (CacheJournal.Entry entry : entries) {
      entry.removed().forEach(events::remove);
      entry.changed().forEach(e -> events.put(e.id(), e));
      last = entry;
    }
    return new CalendarState(
        snapshot.format(),
        snapshot.calendarId(),
        last.summary(),
        last.colorHex(),
        last.defaultReminders(),
        last.syncToken(),
        events);
  }

  /**
   * An older snapshot: its events show (with unknown reminders) until the next sync, which reads
   * the calendar in full for want of a sync token, and then writes the current format.
   */
  private static CalendarState readAgain(CalendarState old) {
    return new CalendarState(
        old.format(), old.calendarId(), old.summary(), old.colorHex(),
        old.format() >= 2 ? old.defaultReminders() : null, null, old.events());
  }

  private CacheJournal journal(String calendarId) {
    return new CacheJournal(fileOf(calendarId, ".journal"), JSON);
  }

  private Path fileOf(String calendarId, String suffix) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(calendarId.getBytes(StandardCharsets.UTF_8));
      return dir.resolve(HexFormat.of().formatHex(hash, 0, 16) + suffix);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }
}
