package app.convene.client.notify;

import static org.assertj.core.api.Assertions.assertThat;

import app.convene.client.notify.NotificationEntry.Kind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotificationsModelTest {
  private static final Executor NOW = Runnable::run;
  private static final Instant T = Instant.parse("2026-11-27T09:00:00Z");

  @TempDir Path dir;

  private static NotificationEntry entry(String id, int minute) {
    return new NotificationEntry(id, Kind.REMINDER, "Design review", "Starts at 10:00",
        T.plusSeconds(60L * minute), "e1@1", false);
  }

  @Test
  void historySurvivesARestartWithItsUnreadCount() throws Exception {
    Path file = dir.resolve("notifications-u1.json");
    NotificationsModel first = new NotificationsModel(file, NOW, NOW);
    first.add(entry("a", 1));
    first.add(entry("b", 2));
    assertThat(first.unreadProperty().get()).isEqualTo(2);
    assertThat(Files.getPosixFilePermissions(file).toString()).isEqualTo("[OWNER_READ, OWNER_WRITE]");

    NotificationsModel again = new NotificationsModel(file, NOW, NOW);
    assertThat(again.entries()).extracting(NotificationEntry::id).containsExactly("b", "a");
    assertThat(again.unreadProperty().get()).isEqualTo(2);
    again.markAllRead();
    assertThat(new NotificationsModel(file, NOW, NOW).unreadProperty().get()).isZero();
  }

  @Test
  void aNoticeAddedAgainBeforeTheHistoryArrivesStaysReadAsTheHistoryHasIt() {
    Path file = dir.resolve("notifications-u1.json");
    NotificationsModel first = new NotificationsModel(file, NOW, NOW);
    first.add(entry("no-tray", 1));
    first.markAllRead();

    java.util.ArrayDeque<Runnable> io = new java.util.ArrayDeque<>();
    NotificationsModel next = new NotificationsModel(file, io::add, NOW); // history not read yet
    assertThat(next.add(entry("no-tray", 30))).isTrue(); // the next start says it again
    assertThat(next.add(entry("new", 31))).isTrue();
    while (!io.isEmpty()) {
      io.poll().run();
    }

    assertThat(next.entries()).extracting(NotificationEntry::id).containsExactly("new", "no-tray");
    assertThat(next.unreadProperty().get()).isEqualTo(1);
    assertThat(new NotificationsModel(file, NOW, NOW).unreadProperty().get()).isEqualTo(1);
  }

  @Test
  void anIdIsKeptOnce() {
    NotificationsModel model = new NotificationsModel(dir.resolve("n.json"), NOW, NOW);
    assertThat(model.add(entry("a", 1))).isTrue();
    assertThat(model.add(entry("a", 5))).isFalse();
    assertThat(model.entries()).hasSize(1);
    assertThat(model.unreadProperty().get()).isEqualTo(1);
  }

  @Test
  void onlyTheNewestEntriesAreKept() {
    NotificationsModel model = new NotificationsModel(dir.resolve("n.json"), NOW, NOW);
    for (int i = 0; i < NotificationLog.LIMIT + 15; i++) {
      model.add(entry("n" + i, i));
    }
    assertThat(model.entries()).hasSize(NotificationLog.LIMIT);
    assertThat(model.entries().getFirst().id()).isEqualTo("n" + (NotificationLog.LIMIT + 14));
  }

  @Test
  void aDamagedFileStartsAnEmptyHistoryAndIsReplacedOnTheNextChange() throws Exception {
    Path file = dir.resolve("n.json");
    Files.writeString(file, "{not json", StandardCharsets.UTF_8);
    NotificationsModel model = new NotificationsModel(file, NOW, NOW);
    assertThat(model.entries()).isEmpty();
    model.add(entry("a", 1));
    assertThat(new NotificationsModel(file, NOW, NOW).entries()).hasSize(1);
  }

  @Test
  void entriesAddedBeforeTheHistoryArrivesAreKeptWithIt() {
    Path file = dir.resolve("n.json");
    new NotificationsModel(file, NOW, NOW).add(entry("old", 1));
    java.util.ArrayDeque<Runnable> io = new java.util.ArrayDeque<>();
    NotificationsModel model = new NotificationsModel(file, io::add, NOW);
    model.add(entry("new", 2));
    while (!io.isEmpty()) {
      io.poll().run();
    }
    assertThat(model.entries()).extracting(NotificationEntry::id).containsExactly("new", "old");
    assertThat(new NotificationsModel(file, NOW, NOW).entries()).hasSize(2);
  }
}
