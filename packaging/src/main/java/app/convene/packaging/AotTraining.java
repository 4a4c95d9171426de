package app.convene.packaging;

import app.convene.packaging.BuildInstallers.Os;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The AOT cache of an app image (JDK 25, JEP 514), and on Linux the launcher script that uses it.
 * The cache is trained by the image's own launcher, so it is made with exactly the runtime, class
 * path and options that the installed launcher uses.
 */
final class AotTraining {
  /**
   * The cache holds the classes, linked, and no method profiles (JEP 515). The profiles are for
   * the optimizing JIT (C2), which the launcher does not run ({@code TieredStopAtLevel=1}); with
   * them the cache was 1.5 MiB larger and every start replayed the training's compilations: a
   * call took 4 MiB more (182 and 184 against 177 and 180 MiB), for a start 46 ms sooner (736
   * against 782 ms, medians of ten interleaved starts; docs/benchmarks.md, "Memory: the last
   * 15 MiB"). A diagnostic option of JDK 25.
   */
  static final String NO_PROFILES = "-XX:+UnlockDiagnosticVMOptions -XX:-AOTRecordTraining";

  private final Os os;
  private final String name;
  private final String appVersion;
  private final Path log;

  /**
   * @param name the launcher's name
   * @param appVersion the version the Linux launcher reports to the app
   * @param log where the training run's long output goes
   */
  AotTraining(Os os, String name, String appVersion, Path log) {
    this.os = os;
    this.name = name;
    this.appVersion = appVersion;
    this.log = log;
  }

  /** Trains the cache with the image's own launcher and makes the launcher use it. */
  void train(Path image) throws Exception {
    Path appDir = switch (os) {
      case LINUX -> image.resolve("lib/app");
      case WINDOWS -> image.resolve("app");
      case MAC -> image.resolve("Contents/app");
    };
    Path launcher = switch (os) {
      case LINUX -> image.resolve("bin").resolve(name);
      case WINDOWS -> image.resolve(name + ".exe");
      case MAC -> image.resolve("Contents/MacOS").resolve(name);
    };
    Path cache = appDir.resolve("convene.aot");
    long start = System.nanoTime();
    launch(launcher, "-XX:AOTCacheOutput=" + cache + " " + NO_PROFILES, "--aot-training", log);
    if (!Files.isRegularFile(cache)) {
      throw new IllegalStateException("the training run made no AOT cache at " + cache);
    }
    System.out.printf("[aot] trained %s (%.1f MiB) in %d s%n", cache,
        Files.size(cache) / 1048576.0, (System.nanoTime() - start) / 1_000_000_000L);
    Path cfg = appDir.resolve(name + ".cfg");
    String config = Files.readString(cfg, StandardCharsets.UTF_8);
    if (!config.contains("[JavaOptions]")) {
      throw new IllegalStateException(cfg + " has no [JavaOptions] section:\n" + config);
    }
    Files.writeString(cfg, config.replace("[JavaOptions]",
        "[JavaOptions]\njava-options=-XX:AOTCache=$APPDIR/convene.aot"), StandardCharsets.UTF_8);
    if (os == Os.LINUX) {
      writeLinuxLauncher(image, true);
    }
    // AOTMode=on makes the JVM fail when it cannot use the cache (a class path or JVM mismatch).
    launch(launcher, "-XX:AOTMode=on", "--self-test", null);
    // The launcher always maps the AOT cache, which holds the JDK's classes too; the runtime's
    // default CDS archives would only be read without it (29 MiB).
    try (Stream<Path> files = Files.walk(image)) {
      for (Path jsa : files.filter(p -> p.getFileName().toString().matches("classes(_nocoops)?\\.jsa"))
          .toList()) {
        Files.delete(jsa);
      }
    }
  }

  /**
   * Linux: replaces jpackage's native launcher {@code bin/convene} with a shell script that starts
   * the bundled runtime with the same class path and options. The native launcher runs
   * {@code rpm -qf}, {@code dpkg -S} and {@code dpkg -L} on every start to find which package
   * installed it (to locate its helper library), which costs 0.6 s to several seconds before the
   * JVM starts. The script is what the desktop entry runs and what trains the AOT cache. On a
   * machine without a GPU device it sets {@code GDK_GL=disable} (the app's {@code GraphicsChoice}).
   */
  void writeLinuxLauncher(Path image, boolean withCache) throws IOException {
    Path appDir = image.resolve("lib/app");
    List<String> classPath = new ArrayList<>(List.of("$app/lib/app/convene.jar"));
    try (Stream<Path> jars = Files.list(appDir.resolve("lib"))) {
      jars.map(jar -> "$app/lib/app/lib/" + jar.getFileName()).sorted().forEach(classPath::add);
    }
    List<String> command = new ArrayList<>(List.of("exec", "\"$app/lib/runtime/bin/java\""));
    if (withCache) {
      command.add("-XX:AOTCache=\"$app/lib/app/convene.aot\"");
    }
    command.addAll(BuildInstallers.javaOptions(os));
    command.addAll(List.of("-Djpackage.app-version=" + appVersion,
        "-cp", "\"" + String.join(":", classPath) + "\"", BuildInstallers.MAIN_CLASS, "\"$@\""));
    Path launcher = image.resolve("bin").resolve(name);
    Files.writeString(launcher, """
        #!/bin/sh
        # Convene's launcher (packaging/, AotTraining): the bundled Java runtime with the app's
        # class path, its options and the AOT cache. Not jpackage's native launcher, which asks
        # rpm and dpkg on every start which package owns it.
        app=$(dirname "$(dirname "$(readlink -f "$0")")")
        # No GPU device: Mesa could draw OpenGL only on the CPU, which JavaFX refuses (the app
        # then draws in software from the start, GraphicsChoice); GTK need not load Mesa either.
        [ -e /dev/dri ] || { GDK_GL=${GDK_GL-disable}; export GDK_GL; }
        """ + String.join(" \\\n  ", command) + "\n");
    launcher.toFile().setExecutable(true, false);
  }

  /**
   * Runs the app image's launcher with an extra JVM option. Its output goes to ours, or with
   * {@code log} to that file (the training run is long-winded), whose end is shown on a failure.
   */
  private static void launch(Path launcher, String jvmOption, String appArgument, Path log)
      throws Exception {
    ProcessBuilder builder = new ProcessBuilder(launcher.toString(), appArgument);
    if (log == null) {
      builder.inheritIO();
    } else {
      builder.redirectErrorStream(true).redirectOutput(log.toFile());
    }
    builder.environment().put("JAVA_TOOL_OPTIONS", jvmOption);
    System.out.println("[aot] JAVA_TOOL_OPTIONS=" + jvmOption + " " + launcher + " " + appArgument
        + (log == null ? "" : " > " + log));
    Process process = builder.start();
    boolean ended = process.waitFor(5, TimeUnit.MINUTES);
    if (!ended) {
      process.destroyForcibly();
    }
    if (!ended || process.exitValue() != 0) {
      if (log != null) {
        List<String> lines = Files.readAllLines(log);
        lines.subList(Math.max(0, lines.size() - 40), lines.size()).forEach(System.out::println);
      }
      throw new IllegalStateException(launcher + " " + appArgument + (ended
          ? " failed with status " + process.exitValue() : " did not finish in 5 min")
          + (BuildInstallers.os() == Os.LINUX && System.getenv("DISPLAY") == null
              ? " (DISPLAY is not set: run under Xvfb, or build with -Dinstallers.aot=no-aot)"
              : ""));
    }
  }
}
