package app.convene.packaging;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Builds the client's installers with jpackage on the runtime from {@code jlink/}:
 * {@code java -cp packaging/target/classes app.convene.packaging.BuildInstallers CLIENT_TARGET
 * RUNTIME POM_VERSION INSTALLERS_DIR OUT [TYPES] [AOT]} (what {@code installers/pom.xml} runs),
 * with {@code -Dconvene.release=vX.Y.Z} for a release ({@link ReleaseVersion}). The steps, in the
 * order of {@link #plan}:
 *
 * <ol>
 *   <li>Stages the app: {@code convene.jar} and {@code lib/} without the JavaFX jars (JavaFX is in
 *       the runtime as modules). Signed jars (Bouncy Castle) lose their signature files: the AOT
 *       cache skips classes of signed jars, and the app uses Bouncy Castle's own API (Argon2),
 *       not as a JCE provider, so nothing checks the signature. macOS: the dylib inside
 *       webrtc-java's jar is signed here, before the AOT training, because the cache records the
 *       size and time of every jar on the class path and would not match a jar changed later.
 *   <li>Makes an app image ({@code OUT/image}) with the launcher, the icon and the JVM options
 *       (macOS: with the Info.plist that declares the URL scheme and the .ics documents).
 *   <li>Trains the AOT cache (JDK 25, JEP 514): runs the image's own launcher with
 *       {@code --aot-training} and {@code JAVA_TOOL_OPTIONS=-XX:AOTCacheOutput=...}, so the cache
 *       is made with exactly the runtime, class path and options that the installed launcher uses;
 *       then adds {@code -XX:AOTCache=$APPDIR/convene.aot} to the launcher's configuration and
 *       checks with {@code -XX:AOTMode=on} that the JVM accepts it; the runtime's default CDS
 *       archives, which the cache supersedes, are left out. Needs a display (Xvfb on a Linux
 *       build machine).
 *   <li>Signs the app image, after the training run, which rewrites it (Windows: signtool on the
 *       launcher; macOS: codesign with the hardened runtime, inside out, then the bundle).
 *   <li>Packages that image: .deb and .rpm on Linux, .msi on Windows (registering
 *       {@code convene://}, {@link WixUrlScheme}), .dmg on macOS ({@code OUT/dist}); then signs
 *       the .msi, or signs, notarizes and staples the .dmg.
 * </ol>
 *
 * What jpackage is told is {@link Jpackage}'s. Signing steps without their secrets ({@link
 * Signing}) are skipped with one log line each.
 * TYPES is a comma-separated list or "default" (the OS's types); AOT is "aot" (default) or
 * "no-aot".
 */
public final class BuildInstallers {
  static final String MAIN_CLASS = "app.convene.client.app.Launcher";
  /**
   * JVM options of the installed launcher; the training run uses the same ones.
   *
   * <p>{@code TieredStopAtLevel=1}: only the quick JIT (C1). With both, the optimizing JIT (C2)
   * and C1's profiled code took more than a core of a 2-core laptop while the window started,
   * 2.2 s to the calendar instead of 1.5 s; in a two-person video call the app uses 56 to 58 % of
   * a core instead of 52 to 54 % (docs/benchmarks.md). The app's heavy work (codecs, colour
   * conversion, drawing on a GPU) is native, so a little slower Java code is the better trade.
   *
   * <p>The heap (issue 17): a desktop app's, not a server's. By default the JVM takes a quarter of
   * the machine's memory as its ceiling and G1 as its collector; in a two-person call the app's
   * heap then grew to 200 MiB committed for some 50 MiB of live objects, with G1's own tables
   * (40 MiB) beside it, and the process from 293 to 372 MiB in 10 minutes. The serial collector
   * (one thread, no tables, pauses of a few milliseconds on a heap this size), a 256 MiB ceiling
   * (five times the live set of a call with a full week in the calendar), a 32 MiB start, and
   * a heap that gives back what is more than 30 % free after a full collection: docs/benchmarks.md,
   * "A call in the desktop app".
   *
   * <p>The young generation 4 MiB. A call allocates some 0.5 MB of Java objects a second, so a
   * young collection comes every 8 s or so and takes a few milliseconds; every byte of the young
   * generation is touched between two collections, so its size is resident for good. Against the
   * 12 MiB before: 3 MiB less in a call, and a start spends 15 ms more in collections (139 against
   * 154 ms over ten starts, the medians within the noise; docs/benchmarks.md, "Memory: the
   * last 15 MiB").
   */
  private static final List<String> JAVA_OPTIONS = List.of(
      "--enable-native-access=ALL-UNNAMED,javafx.graphics",
      "-XX:TieredStopAtLevel=1",
      "-XX:+UseSerialGC",
      "-Xms32m",
      "-Xmx256m",
      "-XX:NewSize=4m",
      "-XX:MaxNewSize=4m",
      "-XX:MinHeapFreeRatio=10",
      "-XX:MaxHeapFreeRatio=30");

  /**
   * Linux only: every 2 s the JVM asks glibc's malloc to give back what is free in its arenas
   * ({@code malloc_trim}). libwebrtc, GTK and JavaFX free memory in the middle of the arenas,
   * which malloc otherwise keeps: 6 to 8 MiB less in a call, at no CPU cost that a call shows
   * (docs/benchmarks.md, "Memory: the last 15 MiB"). Other systems' JVMs do not trim and would
   * warn at every start.
   */
  private static final List<String> LINUX_JAVA_OPTIONS = List.of(
      "-XX:TrimNativeHeapInterval=2000");

  /** JVM options of the installed launcher on {@code os}; the training run uses the same ones. */
  static List<String> javaOptions(Os os) {
    List<String> options = new ArrayList<>(JAVA_OPTIONS);
    if (os == Os.LINUX) {
      options.addAll(LINUX_JAVA_OPTIONS);
    }
    return List.copyOf(options);
  }

  enum Os { LINUX, WINDOWS, MAC }

  private final Os os;
  private final Path client;
  private final Path runtime;
  private final ReleaseVersion version;
  private final Path sources;
  private final Path out;
  private final String name;
  private final Signing signing;
  private final Jpackage jpackage;

  BuildInstallers(Os os, Path client, Path runtime, ReleaseVersion version, Path sources,
      Path out, Signing signing) {
    this.os = os;
    this.client = client;
    this.runtime = runtime;
    this.version = version;
    this.sources = sources;
    this.out = out;
    this.signing = signing;
    this.name = os == Os.LINUX ? "convene" : "Convene";
    this.jpackage = new Jpackage(os, name, appVersion(), runtime, sources, out);
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 5) {
      throw new IllegalArgumentException("usage: BuildInstallers CLIENT_TARGET RUNTIME"
          + " POM_VERSION INSTALLERS_DIR OUT [TYPES|default] [aot|no-aot]"
          + " (-Dconvene.release=vX.Y.Z for a release)");
    }
    ReleaseVersion version = ReleaseVersion.of(System.getProperty("convene.release"), args[2]);
    BuildInstallers build = new BuildInstallers(os(), Path.of(args[0]).toAbsolutePath(),
        Path.of(args[1]).toAbsolutePath(), version, Path.of(args[3]).toAbsolutePath(),
        Path.of(args[4]).toAbsolutePath(), new Signing(System.getenv()));
    String types = args.length > 5 ? args[5] : "default";
    boolean aot = args.length <= 6 || !args[6].equals("no-aot");
    if (!Files.isRegularFile(build.runtime.resolve("release"))) {
      throw new IllegalStateException(build.runtime
          + " is not a runtime image: build jlink/ first");
    }
    System.out.println("[installers] version " + version.packageVersion()
        + (version.tagged() ? " (release tag)" : " (untagged build: the pom's version)"));
    if (build.os == Os.MAC && !version.macNote().isEmpty()) {
      System.out.println("[installers] " + version.macNote());
    }
    Step.runAll(build.plan(types.equals("default") ? build.defaultTypes()
        : List.of(types.split(",")), aot), System.out);
  }

  /**
   * The build's steps in order. Signing comes after the AOT training run, which rewrites the
   * image (the cache, the launcher's configuration), and before packaging, so that the
   * installers carry signed files; the webrtc dylib inside its jar is signed before training.
   */
  List<Step> plan(List<String> types, boolean aot) {
    Path input = out.resolve("input");
    Path image = out.resolve("image").resolve(os == Os.MAC ? name + ".app" : name);
    Path dist = out.resolve("dist");
    Path entitlements = out.resolve("macos").resolve(MacResources.ENTITLEMENTS);
    AotTraining training =
        new AotTraining(os, name, appVersion(), out.resolve("aot-training.log"));
    List<Step> steps = new ArrayList<>();
    steps.add(Step.of("stage the app's jars", () -> stageInput(input)));
    if (os == Os.MAC) {
      steps.add(Step.of("write Info.plist and the entitlements",
          () -> MacResources.write(sources.resolve("macos"), out.resolve("macos"), version)));
      steps.add(Step.unless(signing.macSkipReason(), "sign the dylib inside webrtc-java's jar",
          () -> MacSigner.signJarDylibs(signing, input.resolve("lib"), out.resolve("jar-dylibs"))));
    }
    steps.add(Step.of("make the app image", () -> appImage(input)));
    if (os == Os.LINUX) {
      steps.add(Step.of("write the Linux launcher",
          () -> training.writeLinuxLauncher(image, false)));
    }
    if (aot) {
      steps.add(Step.of("train the AOT cache", () -> training.train(image)));
    }
    switch (os) {
      case WINDOWS -> steps.add(Step.unless(signing.windowsSkipReason(), "sign " + name + ".exe",
          () -> exec(signing.signtool(image.resolve(name + ".exe").toString()))));
      case MAC -> {
        steps.add(Step.unless(signing.macSkipReason(), "sign " + name + ".app",
            () -> MacSigner.signApp(signing, image, entitlements)));
        // jpackage signed the image ad hoc before the training run changed files in it; without
        // an identity the bundle is sealed again ad hoc, so that its signature still verifies.
        steps.add(Step.unless(signing.macSkipReason() == null ? "signed with the identity" : null,
            "seal " + name + ".app again with an ad-hoc signature",
            () -> exec(List.of("codesign", "--force", "--deep", "--sign", "-", image.toString()))));
      }
      case LINUX -> { }
    }
    if (os == Os.WINDOWS) {
      steps.add(Step.of("add the convene:// registration to the MSI",
          () -> WixUrlScheme.write(out.resolve("windows"), name + ".exe")));
    }
    steps.add(Step.of("package " + String.join(", ", types), () -> {
      Files.createDirectories(dist);
      for (String type : types) {
        Jpackage.run(jpackage.packageArgs(type, image, dist));
      }
    }));
    Path msi = dist.resolve(name + "-" + version.packageVersion() + ".msi");
    Path dmg = dist.resolve(name + "-" + version.macVersion() + ".dmg");
    if (os == Os.WINDOWS && types.contains("msi")) {
      steps.add(Step.unless(signing.windowsSkipReason(), "sign " + msi.getFileName(),
          () -> exec(signing.signtool(msi.toString()))));
    }
    if (os == Os.MAC && types.contains("dmg")) {
      steps.add(Step.unless(signing.macSkipReason(), "sign " + dmg.getFileName(),
          () -> exec(signing.codesignDiskImage(dmg.toString()))));
      steps.add(Step.unless(signing.notarySkipReason(), "notarize " + dmg.getFileName(),
          () -> exec(signing.notarize(dmg.toString()))));
      steps.add(Step.unless(signing.notarySkipReason(), "staple " + dmg.getFileName(),
          () -> exec(Signing.staple(dmg.toString()))));
    }
    steps.add(Step.of("list the packages", () -> {
      try (Stream<Path> files = Files.list(dist)) {
        for (Path file : files.sorted().toList()) {
          System.out.printf("[installers] %s: %.1f MiB%n", file, Files.size(file) / 1048576.0);
        }
      }
    }));
    return steps;
  }

  List<String> defaultTypes() {
    return switch (os) {
      case LINUX -> List.of("deb", "rpm");
      case WINDOWS -> List.of("msi");
      case MAC -> List.of("dmg");
    };
  }

  /** The version jpackage gets: macOS needs a first number of at least 1. */
  private String appVersion() {
    return os == Os.MAC ? version.macVersion() : version.packageVersion();
  }

  private void stageInput(Path input) throws IOException {
    deleteTree(input);
    Files.createDirectories(input.resolve("lib"));
    Files.copy(client.resolve("convene.jar"), input.resolve("convene.jar"));
    try (Stream<Path> jars = Files.list(client.resolve("lib"))) {
      for (Path jar : jars.toList()) {
        if (!jar.getFileName().toString().startsWith("javafx-")) {
          copyUnsigned(jar, input.resolve("lib").resolve(jar.getFileName()));
        }
      }
    }
  }

  /** Copies a jar; a signed one without its signature files (META-INF/*.SF, *.RSA, ...). */
  static void copyUnsigned(Path jar, Path target) throws IOException {
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      if (zip.stream().noneMatch(e -> isSignature(e.getName()))) {
        Files.copy(jar, target, StandardCopyOption.COPY_ATTRIBUTES);
        return;
      }
      try (ZipOutputStream outJar = new ZipOutputStream(Files.newOutputStream(target))) {
        for (ZipEntry entry : zip.stream().toList()) {
          if (!isSignature(entry.getName())) {
            ZipEntry copy = new ZipEntry(entry.getName());
            copy.setTime(entry.getTime());
            outJar.putNextEntry(copy);
            try (InputStream in = zip.getInputStream(entry)) {
              in.transferTo(outJar);
            }
            outJar.closeEntry();
          }
        }
      }
      System.out.println("[installers] " + jar.getFileName() + ": signature files removed");
    }
  }

  private static boolean isSignature(String name) {
    return name.matches("META-INF/[^/]+\\.(SF|RSA|DSA|EC)");
  }

  private void appImage(Path input) throws Exception {
    deleteTree(out.resolve("image"));
    Jpackage.run(jpackage.appImage(input));
  }


  /** Runs a command with our output; a failure stops the build (secrets are not echoed). */
  static void exec(List<String> command) throws Exception {
    Process process = new ProcessBuilder(command).inheritIO().start();
    if (process.waitFor() != 0) {
      throw new IllegalStateException(command.getFirst() + " failed with status "
          + process.exitValue());
    }
  }

  static Os os() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    return os.startsWith("windows") ? Os.WINDOWS : os.startsWith("mac") ? Os.MAC : Os.LINUX;
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
