package app.convene.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class JavaFxNativesTest {
  /** JavaFX's own libraries, by their names in OpenJFX's builds. */
  private static final Pattern JAVAFX_OWN = Pattern.compile(
      "(lib)?(glass(gtk3)?|prism_(common|d3d|es2|mtl|sw)|decora_sse|javafx_(font|font_freetype"
          + "|font_pango|iio))\\.(dll|so|dylib)");
  /** The MSVC / UCRT runtime as Microsoft names its redistributable files. */
  private static final Pattern MSVC = Pattern.compile(
      "api-ms-win-(core|crt)-[a-z0-9-]+\\.dll|msvcp140(_1|_2)?\\.dll|vcruntime140(_1)?\\.dll"
          + "|ucrtbase\\.dll");

  private final JavaFxNatives filter = JavaFxNatives.ofRunningJdk();

  @Test
  void windowsGraphicsJarKeepsJavaFxLibrariesAndDropsTheMsvcRuntime() throws Exception {
    List<String> natives = JavaFxJars.natives(JavaFxJars.jar("graphics", "win"));
    List<String> kept = natives.stream().filter(filter::keep).toList();
    List<String> dropped = natives.stream().filter(n -> !filter.keep(n)).toList();

    assertThat(kept).containsExactlyInAnyOrder("decora_sse.dll", "glass.dll", "javafx_font.dll",
        "javafx_iio.dll", "prism_common.dll", "prism_d3d.dll", "prism_sw.dll");
    assertThat(dropped).isNotEmpty().allMatch(n -> MSVC.matcher(n).matches())
        .contains("vcruntime140.dll", "vcruntime140_1.dll", "msvcp140.dll", "ucrtbase.dll",
            "api-ms-win-crt-runtime-l1-1-0.dll");
    // Every runtime file the jar carries is dropped, and nothing else.
    assertThat(natives.stream().filter(n -> MSVC.matcher(n).matches()))
        .containsExactlyInAnyOrderElementsOf(dropped);
  }

  @ParameterizedTest
  @ValueSource(strings = {"mac", "mac-aarch64", "linux"})
  void macAndLinuxGraphicsJarsKeepEveryLibrary(String classifier) throws Exception {
    List<String> natives = JavaFxJars.natives(JavaFxJars.jar("graphics", classifier));

    assertThat(natives).isNotEmpty().allMatch(filter::keep)
        .allMatch(n -> JAVAFX_OWN.matcher(n).matches())
        .contains(classifier.startsWith("mac") ? "libglass.dylib" : "libglass.so");
  }

  @ParameterizedTest
  @ValueSource(strings = {"win", "mac", "mac-aarch64", "linux"})
  void otherModulesCarryNoNativeLibraries(String classifier) throws Exception {
    for (String module : List.of("base", "controls", "swing")) {
      assertThat(JavaFxJars.natives(JavaFxJars.jar(module, classifier))).as(module).isEmpty();
    }
  }

  @Test
  void aLibraryNamedLikeOneOfTheJdksIsDropped() {
    String zip = System.mapLibraryName("zip"); // libzip.so, zip.dll, libzip.dylib: every JDK has it

    assertThat(filter.keep(zip)).isFalse();
    assertThat(filter.keep(System.mapLibraryName("glass"))).isTrue();
  }

  @Test
  void runtimeNamesAreDroppedInAnyCaseEvenWhenTheJdkLacksThem() {
    JavaFxNatives noJdk = new JavaFxNatives(Set.of());

    assertThat(noJdk.keep("VCRUNTIME140.DLL")).isFalse();
    assertThat(noJdk.keep("concrt140.dll")).isFalse();
    assertThat(noJdk.keep("API-MS-WIN-CORE-FILE-L1-1-0.dll")).isFalse();
    assertThat(noJdk.keep("glass.dll")).isTrue();
    assertThat(noJdk.keep("README.txt")).isFalse();
  }
}
