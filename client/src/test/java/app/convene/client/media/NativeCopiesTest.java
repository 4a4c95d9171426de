package app.convene.client.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeCopiesTest {
  private static final Instant NOW = Instant.parse("2026-12-07T09:00:00Z");
  @TempDir Path temp;

  private Path file(String name, Instant modified) throws IOException {
    Path file = Files.writeString(temp.resolve(name), "MZ");
    Files.setLastModifiedTime(file, FileTime.from(modified));
    return file;
  }

  @Test
  void oldCopiesAreRemovedAndEverythingElseStays() throws IOException {
    Instant old = NOW.minusSeconds(86_400);
    // Named as Files.createTempFile("webrtc-java-windows-x86_64", ".dll") names them.
    Path copy1 = file("webrtc-java-windows-x86_648123461234981234.dll", old);
    Path copy2 = file("webrtc-java-windows-aarch6417.dll", old);
    Path starting = file("webrtc-java-windows-x86_64555.dll", NOW.minusSeconds(10));
    Path library = file("webrtc-java-windows-x86_64.dll", old);
    Path other = file("other-4412.dll", old);
    Path text = file("webrtc-java-windows-x86_641.dll.txt", old);
    Path linux = file("libwebrtc-java-linux-x86_641234.so", old);

    NativeCopies.Removal removal = NativeCopies.removeStale(temp, NOW.minus(NativeCopies.MIN_AGE));

    assertThat(removal).isEqualTo(new NativeCopies.Removal(2, 0));
    assertThat(copy1).doesNotExist();
    assertThat(copy2).doesNotExist();
    assertThat(starting).as("may be loading right now").exists();
    assertThat(library).exists();
    assertThat(other).exists();
    assertThat(text).exists();
    assertThat(linux).exists();
  }

  @Test
  void aCopyThatCannotBeDeletedIsLeftAndCounted() throws IOException {
    // Windows refuses to delete a DLL a running instance has loaded; a non-empty folder of the
    // same name is refused here the same way.
    Path inUse = Files.createDirectory(temp.resolve("webrtc-java-windows-x86_6499.dll"));
    Files.writeString(inUse.resolve("x"), "x");
    Files.setLastModifiedTime(inUse, FileTime.from(NOW.minusSeconds(3_600)));
    Path stale = file("webrtc-java-windows-x86_6412.dll", NOW.minusSeconds(3_600));

    NativeCopies.Removal removal = NativeCopies.removeStale(temp, NOW.minus(NativeCopies.MIN_AGE));

    assertThat(removal).isEqualTo(new NativeCopies.Removal(1, 1));
    assertThat(inUse).exists();
    assertThat(stale).doesNotExist();
  }

  @Test
  void aMissingTempFolderIsNotAnError() {
    assertThat(NativeCopies.removeStale(temp.resolve("gone"), NOW)).isEqualTo(new NativeCopies.Removal(0, 0));
  }

  @Test
  void thePatternMatchesWhatTheRealLoaderCreates() throws IOException {
    // The same call as webrtc-java 0.14.0's NativeLoader on Windows x86_64 (javap -c -p):
    // Files.createTempFile(removeExtension(mapLibraryName(...)), ".dll").
    Path created = Files.createTempFile(temp, "webrtc-java-windows-x86_64", ".dll");
    Files.setLastModifiedTime(created, FileTime.from(NOW.minusSeconds(3_600)));

    assertThat(NativeCopies.removeStale(temp, NOW).removed()).isEqualTo(1);
    assertThat(created).doesNotExist();
  }
}
