package app.convene.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import app.convene.packaging.BuildInstallers.Os;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The installed launcher's JVM options: the native heap trimmed on Linux only, the same options in
 * jpackage's arguments and in the Linux launcher script, and every one of them accepted by the JDK
 * the build runs on (a renamed or removed option would stop the app from starting).
 */
class JavaOptionsTest {
  @TempDir
  Path dir;

  @Test
  void onlyLinuxTrimsTheNativeHeap() {
    assertThat(BuildInstallers.javaOptions(Os.LINUX)).contains("-XX:TrimNativeHeapInterval=2000");
    assertThat(BuildInstallers.javaOptions(Os.WINDOWS)).noneMatch(o -> o.contains("TrimNative"));
    assertThat(BuildInstallers.javaOptions(Os.MAC)).noneMatch(o -> o.contains("TrimNative"));
    for (Os os : Os.values()) {
      assertThat(BuildInstallers.javaOptions(os))
          .contains("-XX:+UseSerialGC", "-XX:NewSize=4m", "-XX:MaxNewSize=4m");
    }
  }

  @Test
  void jpackageAndTheLinuxScriptGetTheSameOptions() throws IOException {
    List<String> jpackage = new Jpackage(Os.LINUX, "convene", "1.2.3", dir.resolve("runtime"),
        Path.of("..", "installers"), dir).appImage(dir.resolve("input"));
    List<String> given = new ArrayList<>();
    for (int i = 0; i < jpackage.size() - 1; i++) {
      if (jpackage.get(i).equals("--java-options")) {
        given.add(jpackage.get(i + 1));
      }
    }
    assertThat(given).isEqualTo(BuildInstallers.javaOptions(Os.LINUX));

    Path image = dir.resolve("image");
    Files.createDirectories(image.resolve("lib/app/lib"));
    Files.createDirectories(image.resolve("bin"));
    Files.writeString(image.resolve("lib/app/lib/a.jar"), "");
    new AotTraining(Os.LINUX, "convene", "1.2.3", dir.resolve("log")).writeLinuxLauncher(image,
        true);
    String script = Files.readString(image.resolve("bin/convene"), StandardCharsets.UTF_8);
    for (String option : BuildInstallers.javaOptions(Os.LINUX)) {
      assertThat(script).contains("\n  " + option + " \\\n");
    }
  }

  @Test
  void thisJdkStartsWithTheLaunchersAndTheTrainingsOptions() throws Exception {
    Os here = BuildInstallers.os();
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    // The JVM's own options (-X...): --enable-native-access names JavaFX's module, which the
    // runtime image has and the build's JDK has not.
    BuildInstallers.javaOptions(here).stream().filter(o -> o.startsWith("-X")).forEach(command::add);
    command.addAll(Arrays.asList(AotTraining.NO_PROFILES.split(" ")));
    command.add("-version");
    Process java = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(java.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(java.exitValue()).as(output).isZero();
    assertThat(output).doesNotContainIgnoringCase("warning").doesNotContain("Unrecognized");
  }
}
