package app.convene.client.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --keychain} on the app's command line. */
class AppOptionsKeychainTest {
  @TempDir Path dir;

  @Test
  void theKeychainIsOnUnlessTurnedOff() {
    assertThat(AppOptions.parse(new String[0]).keychain()).isTrue();
    assertThat(AppOptions.parse(new String[] {"--keychain=system"}).keychain()).isTrue();
    assertThat(AppOptions.parse(new String[] {"--keychain=off"}).keychain()).isFalse();
  }

  @Test
  void anotherValueIsRefusedByName() {
    assertThatThrownBy(() -> AppOptions.parse(new String[] {"--keychain=yes"}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--keychain must be system or off");
  }

  @Test
  void offKeepsTheKeyInTheDataFolder() throws Exception {
    AppOptions options = AppOptions.parse(new String[] {"--keychain=off", "--data-dir=" + dir});

    options.sealedFiles().write(dir.resolve("session.json"),
        "{}".getBytes(StandardCharsets.UTF_8));

    assertThat(dir.resolve("file-key")).exists();
    assertThat(dir.resolve("file-key.vault")).doesNotExist();
  }
}
