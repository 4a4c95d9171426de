package app.convene.client.google;

import static app.convene.client.google.GoogleTestSupport.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.client.auth.oauth2.Credential;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The on-disk cache: snapshot plus journal, as a restart of the app reads it. */
final class GoogleEventCacheTest {
  static final String WORK = "me@example.com";
  static final Duration HOUR = Duration.ofHours(1);

  @TempDir Path dataDir;
  FakeGoogle fake;
  Credential credential;
  GoogleCalendarSync sync;

  @BeforeEach
  void firstSync() throws Exception {
    fake = FakeGoogle.start();
    fake.calendar.addCalendar(WORK, "Work", "#9fe1e7", true);
    fake.calendar.addEvent(WORK, "Planning", NOW, HOUR);
    fake.calendar.addEvent(WORK, "Retro", NOW, HOUR);
    credential = GoogleTestSupport.signIn(fake, dataDir);
    sync = restart();
    sync.sync(Set.of(WORK));
  }

  @AfterEach
  void stopFake() {
    fake.close();
  }

  @Test
  void incrementalSyncAppendsToTheJournalAndARestartReplaysIt() throws Exception {
    Path snapshot = only(".json");
    byte[] snapshotBefore = Files.readAllBytes(snapshot);
    fake.calendar.edit(WORK, "ev1", "summary", "Planning (moved)");
    fake.calendar.delete(WORK, "ev2");

    sync.sync(Set.of(WORK));

    assertThat(Files.readAllBytes(snapshot)).isEqualTo(snapshotBefore);
    Path journal = only(".journal");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(journal))).isEqualTo("rw-------");
    assertThat(Files.readAllLines(journal)).hasSize(1);
    assertThat(restart().cachedEvents(Set.of(WORK))).extracting(GoogleEvent::summary)
        .containsExactly("Planning (moved)");
  }

  @Test
  void journalLineCutShortByACrashIsIgnoredAndItsChangesComeAgain() throws Exception {
    fake.calendar.edit(WORK, "ev1", "summary", "First change");
    sync.sync(Set.of(WORK));
    fake.calendar.edit(WORK, "ev2", "summary", "Second change");
    sync.sync(Set.of(WORK));
    Path journal = only(".journal");
    String lines = Files.readString(journal);
    Files.writeString(journal, lines.substring(0, lines.length() - 20), StandardCharsets.UTF_8,
        StandardOpenOption.TRUNCATE_EXISTING);

    GoogleCalendarSync restarted = restart();
    assertThat(restarted.cachedEvents(Set.of(WORK))).extracting(GoogleEvent::summary)
        .containsExactlyInAnyOrder("First change", "Retro");

    SyncResult again = restarted.sync(Set.of(WORK));
    assertThat(again.fullSyncs()).isEmpty();
    assertThat(restarted.cachedEvents(Set.of(WORK))).extracting(GoogleEvent::summary)
        .containsExactlyInAnyOrder("First change", "Second change");
  }

  @Test
  void fullResyncReplacesTheSnapshotAndDropsTheJournal() throws Exception {
    fake.calendar.edit(WORK, "ev1", "summary", "Changed");
    sync.sync(Set.of(WORK));
    assertThat(only(".journal")).exists();
    fake.calendar.expireSyncTokens();

    sync.sync(Set.of(WORK));

    try (Stream<Path> files = Files.list(dataDir.resolve("google/calendars"))) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".journal"));
    }
    assertThat(restart().cachedEvents(Set.of(WORK))).extracting(GoogleEvent::summary)
        .containsExactlyInAnyOrder("Changed", "Retro");
  }

  @Test
  void syncWithoutChangesWritesNothing() throws Exception {
    Path snapshot = only(".json");
    long modified = Files.getLastModifiedTime(snapshot).toMillis();

    SyncResult result = sync.sync(Set.of(WORK));

    assertThat(result.anyChange()).isFalse();
    assertThat(Files.getLastModifiedTime(snapshot).toMillis()).isEqualTo(modified);
    try (Stream<Path> files = Files.list(dataDir.resolve("google/calendars"))) {
      assertThat(files.toList()).hasSize(1);
    }
  }

  private GoogleCalendarSync restart() {
    return GoogleTestSupport.sync(fake, credential, dataDir, new GoogleTestSupport.FastRetry().retry, 250);
  }

  private Path only(String suffix) throws Exception {
    try (Stream<Path> files = Files.list(dataDir.resolve("google/calendars"))) {
      return files.filter(p -> p.getFileName().toString().endsWith(suffix)).findFirst().orElseThrow();
    }
  }
}
