package app.convene.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * {@code .mvn/jvm.config} holds the options of the JVM that runs Maven itself, before the
 * enforcer can say "Convene builds with Java 25". On an older JDK (17 is many machines' default)
 * those options must still start the JVM, or the first command of the README ends in
 * "Unrecognized option" instead of that message.
 */
class MavenJvmConfigTest {
  private static final Path ROOT =
      Path.of(System.getProperty("convene.root")).toAbsolutePath().normalize();

  @Test
  void theOptionsStartThisJdk() throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    assertThat(run(java)).as("exit code").isZero();
  }

  @Test
  void theOptionsStartAnOlderJdkSoThatTheEnforcerCanSpeak() throws Exception {
    Optional<Path> older = olderJdk();
    Assumptions.assumeTrue(older.isPresent(), "no JDK older than 25 in /usr/lib/jvm");
    assertThat(run(older.get())).as("exit code of %s", older.get()).isZero();
  }

  private static int run(Path java) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(java.toString()));
    command.addAll(Arrays.asList(Files.readString(ROOT.resolve(".mvn/jvm.config")).strip()
        .split("\\s+")));
    command.add("-version");
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return process.exitValue();
  }

  /** A JDK whose {@code release} file names a major version below 25. */
  private static Optional<Path> olderJdk() throws IOException {
    Path jvms = Path.of("/usr/lib/jvm");
    if (!Files.isDirectory(jvms)) {
      return Optional.empty();
    }
    try (Stream<Path> dirs = Files.list(jvms)) {
      return dirs.filter(dir -> Files.isExecutable(dir.resolve("bin/java")))
          .filter(dir -> major(dir).filter(v -> v < 25).isPresent())
          .map(dir -> dir.resolve("bin/java")).findFirst();
    }
  }

  private static Optional<Integer> major(Path jdk) {
    try {
      for (String line : Files.readAllLines(jdk.resolve("release"))) {
        if (line.startsWith("JAVA_VERSION=")) {
          String version = line.substring("JAVA_VERSION=".length()).replace("\"", "");
          return Optional.of(Integer.parseInt(version.split("[.+-]")[0]));
        }
      }
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }
}
