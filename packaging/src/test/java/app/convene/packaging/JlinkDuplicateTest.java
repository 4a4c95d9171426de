package app.convene.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reproduction with the real jmod and jlink: a JavaFX jar that carries a library the
 * JDK ships (here the JDK's own zip library, as the Windows jar carries the MSVC runtime) makes
 * jlink stop with "Duplicate resources" unless BuildRuntime's filter leaves it out.
 */
class JlinkDuplicateTest {
  @TempDir
  static Path dir;
  static Path jar;
  static String zipLibrary = System.mapLibraryName("zip");

  @BeforeAll
  static void javafxBaseWithTheJdksZipLibrary() throws Exception {
    Path javaHome = Path.of(System.getProperty("java.home"));
    Path jdkZip = Stream.of("lib", "bin").map(d -> javaHome.resolve(d).resolve(zipLibrary))
        .filter(Files::isRegularFile).findFirst().orElseThrow();
    jar = dir.resolve("javafx-base-with-zip.jar");
    try (ZipFile in = new ZipFile(JavaFxJars.jar("base", "linux").toFile());
        ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(jar))) {
      for (ZipEntry entry : in.stream().toList()) {
        out.putNextEntry(new ZipEntry(entry.getName()));
        try (InputStream data = in.getInputStream(entry)) {
          data.transferTo(out);
        }
        out.closeEntry();
      }
      out.putNextEntry(new ZipEntry(zipLibrary));
      Files.copy(jdkZip, out);
      out.closeEntry();
    }
  }

  @Test
  void unfilteredJmodMakesJlinkFailWithDuplicateResources() throws Exception {
    Path jmods = dir.resolve("unfiltered");
    BuildRuntime.toJmod(jar, jmods.resolve("javafx.base.jmod"), dir.resolve("natives-unfiltered"),
        new JavaFxNatives(Set.of()));

    assertThatThrownBy(() -> link(jmods, dir.resolve("image-unfiltered")))
        .hasMessageContaining("Duplicate resources");
  }

  @Test
  void filteredJmodLinksWithTheJdksOwnLibrary() throws Exception {
    Path jmods = dir.resolve("filtered");
    var dropped = BuildRuntime.toJmod(jar, jmods.resolve("javafx.base.jmod"),
        dir.resolve("natives-filtered"), JavaFxNatives.ofRunningJdk());
    Path image = dir.resolve("image-filtered");

    link(jmods, image);

    assertThat(dropped).containsExactly(zipLibrary);
    assertThat(Files.readString(image.resolve("release"))).contains("javafx.base");
  }

  private static void link(Path jmods, Path image) {
    BuildRuntime.run("jlink", "--module-path", jmods.toString(),
        "--add-modules", "javafx.base", "--output", image.toString());
  }
}
