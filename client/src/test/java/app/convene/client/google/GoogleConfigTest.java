package app.convene.client.google;

import app.convene.client.storage.UserFolders;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the OAuth client comes from, the user folders, and the browser opener's guard. */
final class GoogleConfigTest {
  @TempDir Path configDir;

  @Test
  void environmentBeatsTheFile() throws Exception {
    Files.writeString(configDir.resolve(GoogleConfig.FILE_NAME), "client_id=file-id\nclient_secret=file-secret\n");

    GoogleConfig config = GoogleConfig.load(
        Map.of(GoogleConfig.ENV_ID, "env-id", GoogleConfig.ENV_SECRET, "env-secret"), configDir).orElseThrow();

    assertThat(config.clientId()).isEqualTo("env-id");
    assertThat(config.clientSecret()).isEqualTo("env-secret");
    assertThat(config.endpoints()).isEqualTo(GoogleEndpoints.GOOGLE);
  }

  @Test
  void fileInTheConfigFolderIsReadWhenTheEnvironmentHasNothing() throws Exception {
    Files.writeString(configDir.resolve(GoogleConfig.FILE_NAME), "# ours\nclient_id = 1234-abc.apps.googleusercontent.com\nclient_secret = GOCSPX-x\n");

    GoogleConfig config = GoogleConfig.load(Map.of(), configDir).orElseThrow();

    assertThat(config.clientId()).isEqualTo("1234-abc.apps.googleusercontent.com");
    assertThat(config.clientSecret()).isEqualTo("GOCSPX-x");
  }

  @Test
  void nothingConfiguredIsEmptyAndTheInstructionsNameTheFileAndVariables() throws Exception {
    assertThat(GoogleConfig.load(Map.of(), configDir)).isEmpty();

    assertThat(GoogleConfig.setupInstructions(configDir))
        .contains(configDir.resolve("google-oauth.properties").toString())
        .contains("Desktop app")
        .contains(GoogleConfig.ENV_ID)
        .contains(GoogleConfig.ENV_SECRET)
        .contains("Google Calendar API");
  }

  @Test
  void halfConfiguredFileIsAnErrorNamingTheMissingKey() throws Exception {
    Files.writeString(configDir.resolve(GoogleConfig.FILE_NAME), "client_id=only-the-id\n");

    assertThatThrownBy(() -> GoogleConfig.load(Map.of(), configDir))
        .isInstanceOf(GoogleException.class)
        .hasMessageContaining("client_secret")
        .hasMessageContaining(GoogleConfig.FILE_NAME);
  }

  @Test
  void toStringHidesTheSecret() {
    GoogleConfig config = new GoogleConfig("id", "GOCSPX-very-secret", GoogleEndpoints.GOOGLE);

    assertThat(config.toString()).contains("id").doesNotContain("GOCSPX-very-secret");
  }

  @Test
  void endpointsUnderALocalServerKeepGooglesPaths() {
    GoogleEndpoints local = GoogleEndpoints.under(URI.create("http://127.0.0.1:5000/"));

    assertThat(local.authorization()).hasToString("http://127.0.0.1:5000/o/oauth2/v2/auth");
    assertThat(local.token()).hasToString("http://127.0.0.1:5000/token");
    assertThat(local.calendarRoot()).hasToString("http://127.0.0.1:5000/");
  }

  @Test
  void foldersFollowEachPlatformsConvention() {
    Path home = Path.of("/home/ana");

    assertThat(UserFolders.of("Linux", Map.of(), home))
        .isEqualTo(new UserFolders(Path.of("/home/ana/.config/convene"), Path.of("/home/ana/.local/share/convene")));
    assertThat(UserFolders.of("Linux", Map.of("XDG_CONFIG_HOME", "/cfg", "XDG_DATA_HOME", "relative/ignored"), home))
        .isEqualTo(new UserFolders(Path.of("/cfg/convene"), Path.of("/home/ana/.local/share/convene")));
    assertThat(UserFolders.of("Mac OS X", Map.of(), home).configDir())
        .isEqualTo(Path.of("/home/ana/Library/Application Support/Convene"));
    assertThat(UserFolders.of("Windows 11", Map.of("APPDATA", "/users/ana/roaming", "LOCALAPPDATA", "/users/ana/local"), home))
        .as("nothing roams: settings and data in one local folder")
        .isEqualTo(new UserFolders(Path.of("/users/ana/local/Convene"), Path.of("/users/ana/local/Convene")));
    assertThat(UserFolders.of("Windows 11", Map.of("APPDATA", "/users/ana/roaming"), home).dataDir())
        .isEqualTo(Path.of("/home/ana/AppData/Local/Convene"));
  }

  @Test
  void embeddedServerKeepsItsDataInsideTheAppsDataFolderOnEveryOs() {
    Map<String, String> env = Map.of("APPDATA", "/users/ana/roaming", "LOCALAPPDATA", "/users/ana/local",
        "XDG_DATA_HOME", "/data/ana");
    for (String os : List.of("Windows 11", "Mac OS X", "Linux")) {
      assertThat(app.convene.server.DataDirectory.defaultFor(env, os, "/home/ana")).as(os)
          .isEqualTo(UserFolders.of(os, env, Path.of("/home/ana")).dataDir().resolve("server"));
    }
  }

  @Test
  void browserOpenerRefusesAnythingButWebAddresses() {
    for (String bad : List.of("file:///etc/passwd", "javascript:alert(1)", "mailto:a@b.c", "ms-settings:privacy")) {
      assertThatThrownBy(() -> BrowserOpener.system().open(URI.create(bad)))
          .as(bad).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void browserCommandPerPlatformPassesTheAddressAsOneArgument() {
    URI meet = URI.create("https://meet.google.com/abc-defg-hij?x=1&y=2");

    assertThat(SystemBrowser.command("Linux", meet)).containsExactly("xdg-open", meet.toString());
    assertThat(SystemBrowser.command("Mac OS X", meet)).containsExactly("open", meet.toString());
    assertThat(SystemBrowser.command("Windows 10", meet))
        .containsExactly("rundll32", "url.dll,FileProtocolHandler", meet.toString());
  }
}
