package app.convene.packaging;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The version the packages carry: from a release tag {@code vX.Y.Z} (the workflow passes
 * {@code -Dconvene.release=${{ github.ref_name }}}), or for an untagged build the pom's version
 * without its qualifier ({@code 0.1.0-SNAPSHOT} is {@code 0.1.0}).
 *
 * <p>A tag is checked against every package format, so a release fails at once with a sentence
 * that says why instead of on one runner: an MSI's ProductVersion is
 * {@code major.minor.build} with major and minor at most 255 and build at most 65,535 (Windows
 * Installer compares only these three fields, so each release must raise one of them, or it will
 * not install over the last); macOS's {@code CFBundleShortVersionString} is three non-negative
 * integers, and jpackage refuses a first one of 0. A release tag therefore starts at v1.0.0.
 *
 * @param major the first number
 * @param minor the second number
 * @param patch the third number (the MSI's build field)
 * @param tagged whether the version comes from a release tag
 */
record ReleaseVersion(int major, int minor, int patch, boolean tagged) {
  private static final Pattern TAG = Pattern.compile("v(\\d{1,9})\\.(\\d{1,9})\\.(\\d{1,9})");
  private static final Pattern POM =
      Pattern.compile("(\\d{1,9})\\.(\\d{1,9})(?:\\.(\\d{1,9}))?(?:[-+].*)?");

  /**
   * The version of this build.
   *
   * @param release the release tag, or null or blank for an untagged build
   * @param pomVersion the project's version, e.g. {@code 0.1.0-SNAPSHOT}
   * @throws IllegalArgumentException with a sentence for the person who pushed the tag
   */
  static ReleaseVersion of(String release, String pomVersion) {
    Objects.requireNonNull(pomVersion, "pomVersion == null");
    if (release == null || release.isBlank()) {
      Matcher pom = POM.matcher(pomVersion);
      if (!pom.matches()) {
        throw new IllegalArgumentException("cannot make a package version of the pom's version "
            + pomVersion + ": it must start with two or three numbers, such as 1.2.0-SNAPSHOT");
      }
      int patch = pom.group(3) == null ? 0 : Integer.parseInt(pom.group(3));
      return checked(Integer.parseInt(pom.group(1)), Integer.parseInt(pom.group(2)), patch, false,
          "the pom's version " + pomVersion);
    }
    String tag = release.strip();
    Matcher m = TAG.matcher(tag);
    if (!m.matches()) {
      throw new IllegalArgumentException("the release tag \"" + tag + "\" is not of the form"
          + " vMAJOR.MINOR.PATCH (for example v1.4.2): the packages take their version from it");
    }
    ReleaseVersion version = checked(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
        Integer.parseInt(m.group(3)), true, "the release tag " + tag);
    if (version.major == 0) {
      throw new IllegalArgumentException("the release tag " + tag + " starts with 0: macOS"
          + " (CFBundleShortVersionString) and jpackage need a first number of at least 1;"
          + " tag v1.0.0 or later");
    }
    return version;
  }

  private static ReleaseVersion checked(int major, int minor, int patch, boolean tagged,
      String source) {
    if (major > 255 || minor > 255) {
      throw new IllegalArgumentException(source + ": a Windows installer's version allows at"
          + " most 255 for its first and second numbers");
    }
    if (patch > 65535) {
      throw new IllegalArgumentException(source + ": a Windows installer's version allows at"
          + " most 65535 for its third number");
    }
    return new ReleaseVersion(major, minor, patch, tagged);
  }

  /** The version for jpackage on Linux and Windows: {@code X.Y.Z}. */
  String packageVersion() {
    return major + "." + minor + "." + patch;
  }

  /**
   * The version for macOS (jpackage's {@code --app-version}, the bundle's
   * {@code CFBundleShortVersionString} and {@code CFBundleVersion}). Release tags start at 1; an
   * untagged development build of a 0.y.z pom version, which jpackage would refuse on macOS, is
   * packaged as 1.0.0 (the build log says so, {@link #macNote()}).
   */
  String macVersion() {
    return major == 0 ? "1.0.0" : packageVersion();
  }

  /** The line the build logs when {@link #macVersion()} differs from the package version. */
  String macNote() {
    return major == 0
        ? "macOS needs a version whose first number is at least 1: this untagged build of "
            + packageVersion() + " is packaged as 1.0.0; release builds take theirs from the tag"
        : "";
  }
}
