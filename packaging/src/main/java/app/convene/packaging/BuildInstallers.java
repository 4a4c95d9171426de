package app.convene.packaging;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.spi.ToolProvider;
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
 * Signing steps without their secrets ({@link Signing}) are skipped with one log line each.
 * TYPES is a comma-separated list or "default" (the OS's types); AOT is "aot" (default) or
 * "no-aot".
 */
public final class BuildInstallers {
  static final String DESCRIPTION = "Meetings: calendar, native video calls and Google Meet";
  static final String VENDOR = "Convene";
  static final String MAIN_CLASS = "app.convene.client.app.Launcher";
  /**
   * JVM options of the installed launcher; the training run uses the same ones.
   *
   * <p>{@code TieredStopAtLevel=1}: only the quick JIT (C1). With both, the optimizing JIT (C2)
   * and C1's profiled code took more than a core of a 2-core laptop while the window started,
   * 2.2 s to the calendar instead of 1.5 s; in a two-person video call the app uses 56 to 58 % of
   * a core instead of 52 to 54 % (docs/benchmarks.md). The app's heavy work (codecs, colour
   * conversion, drawing on a GPU) is native, so a little slower Java code is the better trade.
   */
  static final List<String> JAVA_OPTIONS = List.of(
      "--enable-native-access=ALL-UNNAMED,javafx.graphics",
      "-XX:TieredStopAtLevel=1");
  /**
   * What the native layer inside jars links against (webrtc-java: PulseAudio, X11 screen capture,
   * udev, D-Bus), which jpackage cannot see; JavaFX's natives are in the runtime's lib/, whose
   * dependencies jpackage finds itself (dpkg -S, rpm's automatic requirements), but they are
   * listed too so a package built on another machine declares them all the same. The app runs
   * {@code secret-tool} to keep its files' key in the Secret Service (client, KeyVault):
   * {@code libsecret-tools} on Debian, part of {@code libsecret} on Fedora.
   */
  static final String DEB_DEPENDS = String.join(", ", "libpulse0", "libgtk-3-0 | libgtk-3-0t64",
      "libgl1", "libxtst6", "libxxf86vm1", "libx11-6", "libxrandr2", "libxcomposite1",
      "libxfixes3", "libdbus-1-3", "libudev1", "libfreetype6", "libfontconfig1", "xdg-utils",
      "libsecret-tools");
  static final String RPM_REQUIRES = String.join(", ", "pulseaudio-libs", "gtk3", "mesa-libGL",
      "libXtst", "libXxf86vm", "libX11", "libXrandr", "libXcomposite", "libXfixes", "dbus-libs",
      "systemd-libs", "freetype", "fontconfig", "xdg-utils", "libsecret");

  /**
   * Windows: where a per-user install goes, under {@code %LOCALAPPDATA%} (jpackage's root for
   * {@code --win-per-user-install}; its default, the app's name, would share
   * {@code %LOCALAPPDATA%\Convene} with the app's data). {@code Programs} is where Windows puts
   * per-user programs (FOLDERID_UserProgramFiles).
   */
  static final String WINDOWS_INSTALL_DIR = "Programs\\Convene";
  static final String UPGRADE_UUID = "6f1f5b2e-6a0b-4d1e-9c3e-2c2d0c0e7a51";

  enum Os { LINUX, WINDOWS, MAC }

  private final Os os;
  private final Path client;
  private final Path runtime;
  private final ReleaseVersion version;
  private final Path sources;
  private final Path out;
  private final String name;
  private final Signing signing;

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
        jpackage(packageArgs(type, image, dist));
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
    Path images = out.resolve("image");
    deleteTree(images);
    List<String> args = new ArrayList<>(List.of("--type", "app-image", "--name", name,
        "--dest", images.toString(), "--input", input.toString(), "--main-jar", "convene.jar",
        "--main-class", MAIN_CLASS, "--runtime-image", runtime.toString(),
        "--app-version", appVersion(), "--vendor", VENDOR,
        "--description", DESCRIPTION, "--copyright", "Convene", "--icon", icon().toString()));
    JAVA_OPTIONS.forEach(option -> args.addAll(List.of("--java-options", option)));
    if (os == Os.MAC) {
      args.addAll(List.of("--mac-package-identifier", "app.convene.client",
          "--resource-dir", out.resolve("macos").toString()));
    }
    jpackage(args);
  }

  private List<String> packageArgs(String type, Path image, Path dist) {
    List<String> args = new ArrayList<>(List.of("--type", type, "--app-image", image.toString(),
        "--name", name, "--dest", dist.toString(), "--app-version", appVersion(),
        "--vendor", VENDOR, "--description", DESCRIPTION, "--copyright", "Convene"));
    switch (os) {
      case LINUX -> {
        args.addAll(List.of("--resource-dir", sources.resolve("linux").toString(),
            "--icon", icon().toString(),
            "--file-associations", sources.resolve("ics.properties").toString(),
            "--linux-package-name", "convene", "--linux-shortcut",
            "--linux-menu-group", "Network;VideoConference;Office;Calendar;",
            "--linux-app-category", type.equals("deb") ? "net" : "Applications/Communications",
            "--linux-deb-maintainer", "support@convene.invalid",
            "--linux-rpm-license-type", "Proprietary",
            "--linux-package-deps", type.equals("deb") ? DEB_DEPENDS : RPM_REQUIRES));
      }
      case WINDOWS -> args.addAll(List.of("--win-menu", "--win-menu-group", "Convene",
          "--win-shortcut", "--win-per-user-install", "--win-dir-chooser",
          "--install-dir", WINDOWS_INSTALL_DIR, "--win-upgrade-uuid", UPGRADE_UUID,
          "--resource-dir", out.resolve("windows").toString(),
          "--file-associations", sources.resolve("ics.properties").toString()));
      case MAC -> args.addAll(List.of("--mac-package-identifier", "app.convene.client",
          "--mac-package-name", "Convene"));
    }
    return args;
  }

  private Path icon() {
    return switch (os) {
      case LINUX -> sources.resolve("icons/convene.png");
      case WINDOWS -> sources.resolve("icons/convene.ico");
      case MAC -> macIcon();
    };
  }

  /** macOS wants .icns; sips and iconutil (both part of macOS) make one from the PNG. */
  private Path macIcon() {
    try {
      Path set = out.resolve("convene.iconset");
      deleteTree(set);
      Files.createDirectories(set);
      for (int size : new int[] {16, 32, 128, 256}) {
        exec("sips", "-z", "" + size, "" + size, sources.resolve("icons/convene.png").toString(),
            "--out", set.resolve("icon_" + size + "x" + size + ".png").toString());
      }
      Path icns = out.resolve("Convene.icns");
      exec("iconutil", "-c", "icns", set.toString(), "-o", icns.toString());
      return icns;
    } catch (Exception e) {
      throw new IllegalStateException("cannot make the macOS icon", e);
    }
  }

  private static void exec(String... command) throws Exception {
    exec(List.of(command));
  }

  /** Runs a command with our output; a failure stops the build (secrets are not echoed). */
  static void exec(List<String> command) throws Exception {
    Process process = new ProcessBuilder(command).inheritIO().start();
    if (process.waitFor() != 0) {
      throw new IllegalStateException(command.getFirst() + " failed with status "
          + process.exitValue());
    }
  }

  private static void jpackage(List<String> args) {
    System.out.println("[jpackage] " + String.join(" ", args));
    ToolProvider jpackage = ToolProvider.findFirst("jpackage")
        .orElseThrow(() -> new IllegalStateException("jpackage is not in this JDK"));
    StringWriter text = new StringWriter();
    int status = jpackage.run(new PrintWriter(text, true), new PrintWriter(text, true),
        args.toArray(String[]::new));
    text.toString().lines().forEach(line -> System.out.println("[jpackage] " + line));
    if (status != 0) {
      throw new IllegalStateException("jpackage failed (" + status + ")");
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
