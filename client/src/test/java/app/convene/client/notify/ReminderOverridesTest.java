package app.convene.client.notify;

import static org.assertj.core.api.Assertions.assertThat;

import app.convene.client.i18n.Messages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReminderOverridesTest {
  @TempDir Path dir;

  @Test
  void aChoiceIsKeptAcrossRestartsAndNoneDiffersFromDefault() throws Exception {
    Path file = dir.resolve("choices.json");
    ReminderOverrides first = new ReminderOverrides(file, Runnable::run);
    first.set("e1", List.of(Duration.ofMinutes(10)));
    first.set("e2", List.of());
    first.set("e3", List.of(Duration.ofMinutes(15)));
    first.set("e3", null);
    assertThat(Files.getPosixFilePermissions(file).toString()).isEqualTo("[OWNER_READ, OWNER_WRITE]");

    ReminderOverrides again = new ReminderOverrides(file, Runnable::run);
    assertThat(again.get("e1")).contains(List.of(Duration.ofMinutes(10)));
    assertThat(again.get("e2")).contains(List.of());
    assertThat(again.get("e3")).isEmpty();
  }

  @Test
  void aDamagedFileMeansDefaults() throws Exception {
    Path file = dir.resolve("choices.json");
    Files.writeString(file, "[1,2");
    assertThat(new ReminderOverrides(file, Runnable::run).get("e1")).isEmpty();
  }

  @Test
  void everyChoiceHasItsOwnLabel() {
    Messages.use(Locale.ENGLISH);
    assertThat(ReminderOverrides.CHOICES.stream().map(ReminderOverrides::label))
        .doesNotHaveDuplicates()
        .contains("No reminder", "At the start", "10 minutes before");
  }
}
