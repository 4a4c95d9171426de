package app.convene.packaging;

import app.convene.packaging.BuildInstallers.Os;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.spi.ToolProvider;

/**
 * What {@link BuildInstallers} tells jpackage: the app image's and each installer type's
 * arguments (name, version, icon, the Linux packages' dependencies, the Windows install), and
 * running jpackage itself. Called on the build's one thread.
 */
final class Jpackage {
  static final String DESCRIPTION = "Meetings: calendar, native video calls and Google Meet";
  static final String VENDOR = "Convene";
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

  private final Os os;
  private final String name;
  private final String appVersion;
  private final Path runtime;
  private final Path sources;
  private final Path out;

  /**
   * @param appVersion the version jpackage gets (macOS: with a first number of at least 1)
   * @param sources the {@code installers/} directory (icons, Linux resources, .ics association)
   * @param out the build's output directory
   */
  Jpackage(Os os, String name, String appVersion, Path runtime, Path sources, Path out) {
    this.os = os;
    this.name = name;
    this.appVersion = appVersion;
    this.runtime = runtime;
    this.sources = sources;
    this.out = out;
  }

  /**
   * The arguments that make the app image under {@code OUT/image} from the staged {@code input}:
   * the launcher, the icon, the JVM options (macOS: the Info.plist from {@code OUT/macos}).
   */
  List<String> appImage(Path input) {
    List<String> args = new ArrayList<>(List.of("--type", "app-image", "--name", name,
        "--dest", out.resolve("image").toString(), "--input", input.toString(),
        "--main-jar", "convene.jar", "--main-class", BuildInstallers.MAIN_CLASS,
        "--runtime-image", runtime.toString(), "--app-version", appVersion, "--vendor", VENDOR,
        "--description", DESCRIPTION, "--copyright", "Convene", "--icon", icon().toString()));
    BuildInstallers.javaOptions(os).forEach(
        option -> args.addAll(List.of("--java-options", option)));
    if (os == Os.MAC) {
      args.addAll(List.of("--mac-package-identifier", "app.convene.client",
          "--resource-dir", out.resolve("macos").toString()));
    }
    return args;
  }

  /** The arguments that package the app image as {@code type} (deb, rpm, msi, dmg) in dist. */
  List<String> packageArgs(String type, Path image, Path dist) {
    List<String> args = new ArrayList<>(List.of("--type", type, "--app-image", image.toString(),
        "--name", name, "--dest", dist.toString(), "--app-version", appVersion,
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
      BuildInstallers.deleteTree(set);
      Files.createDirectories(set);
      for (int size : new int[] {16, 32, 128, 256}) {
        BuildInstallers.exec(List.of("sips", "-z", "" + size, "" + size,
            sources.resolve("icons/convene.png").toString(),
            "--out", set.resolve("icon_" + size + "x" + size + ".png").toString()));
      }
      Path icns = out.resolve("Convene.icns");
      BuildInstallers.exec(
          List.of("iconutil", "-c", "icns", set.toString(), "-o", icns.toString()));
      return icns;
    } catch (Exception e) {
      throw new IllegalStateException("cannot make the macOS icon", e);
    }
  }

  /** Runs jpackage in this JVM, echoing its output; a failure stops the build. */
  static void run(List<String> args) {
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
}
