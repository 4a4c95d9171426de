package app.convene.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * webrtc-java's classifier as Maven itself picks it on each OS and CPU: this Maven's JVM is
 * started with that machine's {@code os.name} and {@code os.arch} (what Maven's OS activation
 * reads) and asked for {@code webrtc.classifier} on the root pom. The eight runs go at once,
 * about 2 s of CPU each: 11 s for the test on a shared 2-core machine at load average 2.
 */
class WebrtcProfilesTest {
  /** The JVM's os.name and os.arch on each platform, and the classifier it must get. */
  static final Map<List<String>, String> PLATFORMS = new LinkedHashMap<>();
  static final String HELP = "3.5.2"; // the last for Maven 3.8

  static {
    PLATFORMS.put(List.of("Linux", "amd64"), "linux-x86_64");
    PLATFORMS.put(List.of("Linux", "aarch64"), "linux-aarch64");
    PLATFORMS.put(List.of("Mac OS X", "x86_64"), "macos-x86_64");
    PLATFORMS.put(List.of("Mac OS X", "aarch64"), "macos-aarch64");
    PLATFORMS.put(List.of("Windows 11", "amd64"), "windows-x86_64");
    PLATFORMS.put(List.of("FreeBSD", "amd64"), "no-webrtc-build-for-this-platform");
    PLATFORMS.put(List.of("Windows 11", "aarch64"), "no-webrtc-build-for-this-platform");
  }

  @TempDir
  static Path dir;
  static Path classworldsConf;

  /**
   * Maven's launcher configuration without Jansi (the console colour library), which on a
   * Windows os.name calls Windows' console API and fails on any other OS; Maven runs without
   * colours when Jansi is absent.
   */
  @BeforeAll
  static void launcherConfigurationWithoutJansi() throws IOException {
    Path home = Path.of(System.getProperty("convene.maven.home", ""));
    assertThat(home.resolve("bin/m2.conf")).as("convene.maven.home (packaging/pom.xml sets it:"
        + " run the test with Maven)").isRegularFile();
    List<String> lines = new ArrayList<>();
    for (String line : Files.readAllLines(home.resolve("bin/m2.conf"))) {
      if (line.matches("\\s*load\\s+\\$\\{maven\\.home}/lib/\\*\\.jar\\s*")) {
        try (Stream<Path> jars = Files.list(home.resolve("lib"))) {
          jars.filter(j -> j.toString().endsWith(".jar"))
              .filter(j -> !j.getFileName().toString().contains("jansi"))
              .sorted().forEach(j -> lines.add("load " + j));
        }
      } else {
        lines.add(line);
      }
    }
    classworldsConf = dir.resolve("m2.conf");
    Files.write(classworldsConf, lines);
  }

  /** One test, so that all the Maven runs, the override among them, go at once. */
  @Test
  void eachOsAndCpuGetsItsClassifierAndTheCommandLineOverridesIt() throws Exception {
    Map<List<String>, Process> runs = new LinkedHashMap<>();
    for (List<String> platform : PLATFORMS.keySet()) {
      runs.put(platform, evaluate(platform.get(0), platform.get(1)));
    }
    Process override = evaluate("Mac OS X", "aarch64", "-Dwebrtc.classifier=macos-x86_64");
    Map<List<String>, String> chosen = new LinkedHashMap<>();
    for (var run : runs.entrySet()) {
      chosen.put(run.getKey(), output(run.getValue()));
    }

    assertThat(chosen).containsExactlyEntriesOf(PLATFORMS);
    assertThat(output(override)).isEqualTo("macos-x86_64");
  }

  /** Starts Maven on the root pom as if on that OS: help:evaluate of webrtc.classifier. */
  private static Process evaluate(String osName, String osArch, String... extra)
      throws IOException {
    String home = System.getProperty("convene.maven.home");
    Path boot = Path.of(home, "boot");
    Path classworlds;
    try (Stream<Path> jars = Files.list(boot)) {
      classworlds = jars.filter(p -> p.getFileName().toString().startsWith("plexus-classworlds"))
          .findFirst().orElseThrow();
    }
    Path root = Path.of(System.getProperty("convene.root")).toAbsolutePath().normalize();
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Dos.name=" + osName, "-Dos.arch=" + osArch,
        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", // a short run: start quickly
        "-cp", classworlds.toString(),
        "-Dclassworlds.conf=" + classworldsConf,
        "-Dmaven.home=" + home,
        "-Dmaven.multiModuleProjectDirectory=" + root,
        "org.codehaus.plexus.classworlds.launcher.Launcher",
        "-B", "-q", "-N", "-f", root.resolve("pom.xml").toString(),
        "-Dmaven.repo.local=" + System.getProperty("convene.maven.repo"),
        // Full coordinates: no plugin-prefix or version look-up that would need the network.
        "org.apache.maven.plugins:maven-help-plugin:" + HELP + ":evaluate",
        "-Dexpression=webrtc.classifier", "-DforceStdout"));
    Path repo = Path.of(System.getProperty("convene.maven.repo"));
    if (Files.exists(repo.resolve("org/apache/maven/plugins/maven-help-plugin/" + HELP))) {
      command.add("-o"); // the first run on a fresh machine downloads the plugin once
    }
    command.addAll(List.of(extra));
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }

  private static String output(Process process) throws Exception {
    String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
    assertThat(process.exitValue()).as(text).isZero();
    // -q leaves what help:evaluate prints, last, after any JVM warnings.
    return text.strip().lines().reduce((first, second) -> second).orElse("");
  }
}
