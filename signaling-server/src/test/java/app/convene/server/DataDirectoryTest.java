package app.convene.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryTest {
  @Test
  void defaultDataFolderFollowsTheOs() {
    assertThat(DataDirectory.defaultFor(Map.of(), "Linux", "/home/anna"))
        .isEqualTo(Path.of("/home/anna/.local/share/convene/server"));
    assertThat(DataDirectory.defaultFor(Map.of("XDG_DATA_HOME", "/data/anna"), "Linux", "/home/anna"))
        .isEqualTo(Path.of("/data/anna/convene/server"));
    assertThat(DataDirectory.defaultFor(Map.of("XDG_DATA_HOME", "relative"), "Linux", "/home/anna"))
        .isEqualTo(Path.of("/home/anna/.local/share/convene/server"));
    assertThat(DataDirectory.defaultFor(Map.of(), "Mac OS X", "/Users/anna"))
        .isEqualTo(Path.of("/Users/anna/Library/Application Support/Convene/server"));
    assertThat(DataDirectory.defaultFor(Map.of("APPDATA", "/c/Users/anna/AppData/Roaming",
            "LOCALAPPDATA", "/d/local/anna"), "Windows 11", "/c/Users/anna"))
        .as("local, never roaming").isEqualTo(Path.of("/d/local/anna/Convene/server"));
    assertThat(DataDirectory.defaultFor(Map.of("APPDATA", "/c/Users/anna/AppData/Roaming"),
            "Windows 11", "/c/Users/anna"))
        .isEqualTo(Path.of("/c/Users/anna/AppData/Local/Convene/server"));
  }

  @Test
  void dataDirectoryIsCreatedReadableByItsOwnerOnly(@TempDir Path parent) throws Exception {
    Path dir = DataDirectory.create(parent.resolve("a/b/server"));

    assertThat(dir).isDirectory();
    if (DataDirectory.isPosix()) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)))
          .isEqualTo("rwx------");
    }
    assertThat(DataDirectory.create(dir)).isEqualTo(dir);
  }
}
