package app.convene.client.notify;

import static org.assertj.core.api.Assertions.assertThat;

import app.convene.client.i18n.Messages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The notification centre's history is stored; what it says follows the app's language of the
 * moment, not the language it was said in.
 */
class PhraseTest {
  private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
  private static final Instant NOW = Instant.parse("2026-12-07T06:55:00Z");
  private static final Instant START = Instant.parse("2026-12-07T07:00:00Z");

  @AfterEach
  void english() {
    Messages.use(Locale.ENGLISH);
  }

  @Test
  void aStoredReminderAndNoticeReadInTheLanguageChosenLater(@TempDir Path dir) throws Exception {
    Messages.use(Locale.ENGLISH);
    Clock clock = Clock.fixed(NOW, MOSCOW);
    NotificationEntry reminder = NotificationEntry.of("r1", NotificationEntry.Kind.REMINDER,
        Phrase.literal("Design review"), Notifier.reminderPhrase(START, clock), NOW, "e1@1",
        MOSCOW);
    NotificationEntry cancelled = NotificationEntry.of("n1", NotificationEntry.Kind.CANCELLED,
        Phrase.of("notice.untitled"), Phrase.of("notice.cancelled",
            new Phrase.Arg.Word("notice.someone"), new Phrase.Arg.DateTime(START)),
        NOW, "e2@1", MOSCOW);
    String englishText = reminder.text(MOSCOW);
    assertThat(englishText).contains("in 5 min");
    NotificationLog log = new NotificationLog(dir.resolve("notifications.json"));
    log.save(List.of(reminder, cancelled));

    Messages.use(Locale.forLanguageTag("ru"));
    List<NotificationEntry> stored = log.load();

    NotificationEntry storedReminder = stored.stream().filter(e -> e.id().equals("r1"))
        .findFirst().orElseThrow();
    NotificationEntry storedCancelled = stored.stream().filter(e -> e.id().equals("n1"))
        .findFirst().orElseThrow();
    assertThat(storedReminder.title(MOSCOW)).isEqualTo("Design review");
    assertThat(storedReminder.text(MOSCOW))
        .isEqualTo(Messages.format("notify.startsAt", "10:00", 5)).doesNotContain("min)");
    assertThat(storedCancelled.title(MOSCOW)).isEqualTo(Messages.get("notice.untitled"));
    assertThat(storedCancelled.text(MOSCOW)).contains(Messages.get("notice.someone"))
        .doesNotContain("Someone");
    assertThat(storedCancelled.text()).contains("Someone"); // the words first shown, kept
  }

  @Test
  void anEntryStoredByAnEarlierVersionKeepsItsWords(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("notifications.json");
    Files.writeString(file, """
        [{"id":"old","kind":"INFO","title":"No system tray","text":"Reminders still pop up",
          "at":"2026-12-01T08:00:00Z","meetingKey":null,"read":true}]
        """);
    Messages.use(Locale.forLanguageTag("ru"));

    NotificationEntry old = new NotificationLog(file).load().getFirst();

    assertThat(old.title(MOSCOW)).isEqualTo("No system tray");
    assertThat(old.text(MOSCOW)).isEqualTo("Reminders still pop up");
  }
}
