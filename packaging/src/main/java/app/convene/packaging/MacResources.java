package app.convene.packaging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The macOS resources of a build: {@code Info.plist} for jpackage's {@code --resource-dir}
 * (from {@code installers/macos/Info.plist}: URL scheme, .ics documents, camera and microphone
 * texts) with this build's version, and {@code Convene.entitlements} for codesign (hardened
 * runtime: camera, audio input, JIT, and library validation off for webrtc-java's dylib, which
 * it loads from a temporary folder; the file says why each is there).
 */
final class MacResources {
  static final String ENTITLEMENTS = "Convene.entitlements";

  private MacResources() {
  }

  /**
   * Writes {@code Info.plist} and {@code Convene.entitlements} into {@code out}.
   *
   * @param sources the {@code installers/macos} folder
   * @return the entitlements file
   */
  static Path write(Path sources, Path out, ReleaseVersion version) throws IOException {
    Files.createDirectories(out);
    String plist = Files.readString(sources.resolve("Info.plist"), StandardCharsets.UTF_8);
    for (String placeholder : new String[] {"DEPLOY_BUNDLE_SHORT_VERSION",
        "DEPLOY_BUNDLE_CFBUNDLE_VERSION"}) {
      if (!plist.contains(placeholder)) {
        throw new IllegalStateException(sources.resolve("Info.plist") + " lost " + placeholder);
      }
      plist = plist.replace(placeholder, version.macVersion());
    }
    Files.writeString(out.resolve("Info.plist"), plist, StandardCharsets.UTF_8);
    Path entitlements = out.resolve(ENTITLEMENTS);
    Files.copy(sources.resolve(ENTITLEMENTS), entitlements, StandardCopyOption.REPLACE_EXISTING);
    return entitlements;
  }
}
