package app.convene.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parses the Info.plist and entitlements that the build writes from installers/macos. */
class MacResourcesTest {
  static final Path SOURCES = Path.of("..", "installers", "macos");

  @TempDir
  Path out;

  @Test
  void infoPlistCarriesTheVersionSchemeDocumentsAndUsageTexts() throws Exception {
    MacResources.write(SOURCES, out, ReleaseVersion.of("v2.3.4", "0.1.0-SNAPSHOT"));
    Map<String, Object> plist = Plist.read(out.resolve("Info.plist"));

    assertThat(plist).containsEntry("CFBundleShortVersionString", "2.3.4")
        .containsEntry("CFBundleVersion", "2.3.4");
    assertThat((String) plist.get("NSCameraUsageDescription")).contains("camera");
    assertThat((String) plist.get("NSMicrophoneUsageDescription")).contains("microphone");
    assertThat(plist).doesNotContainKey("NSScreenCaptureUsageDescription");
    @SuppressWarnings("unchecked")
    var urlType = (Map<String, Object>) ((List<?>) plist.get("CFBundleURLTypes")).getFirst();
    assertThat(urlType.get("CFBundleURLSchemes")).isEqualTo(List.of("convene"));
    @SuppressWarnings("unchecked")
    var documentType =
        (Map<String, Object>) ((List<?>) plist.get("CFBundleDocumentTypes")).getFirst();
    assertThat(documentType.get("LSItemContentTypes")).isEqualTo(List.of("com.apple.ical.ics"));
    // What is left for jpackage to fill in: names, icon, identifier; no version placeholder.
    assertThat(Files.readString(out.resolve("Info.plist")))
        .doesNotContain("DEPLOY_BUNDLE_SHORT_VERSION", "DEPLOY_BUNDLE_CFBUNDLE_VERSION")
        .contains("DEPLOY_BUNDLE_IDENTIFIER", "DEPLOY_LAUNCHER_NAME");
  }

  @Test
  void untaggedBuildIsVersionedOneOnMac() throws Exception {
    MacResources.write(SOURCES, out, ReleaseVersion.of(null, "0.1.0-SNAPSHOT"));

    assertThat(Plist.read(out.resolve("Info.plist")))
        .containsEntry("CFBundleShortVersionString", "1.0.0");
  }

  @Test
  void entitlementsAllowCameraMicrophoneJitAndWebrtcsDylibAndNothingElse() throws Exception {
    Path file = MacResources.write(SOURCES, out, ReleaseVersion.of("v1.0.0", "0.1.0"));

    assertThat(Plist.read(file)).containsExactlyInAnyOrderEntriesOf(Map.of(
        "com.apple.security.device.camera", true,
        "com.apple.security.device.audio-input", true,
        "com.apple.security.cs.allow-jit", true,
        "com.apple.security.cs.allow-unsigned-executable-memory", true,
        "com.apple.security.cs.disable-library-validation", true));
  }

  @Test
  void templateWithoutTheVersionPlaceholderIsRefused(@TempDir Path sources) throws Exception {
    Files.writeString(sources.resolve("Info.plist"), "<plist><dict/></plist>");
    Files.copy(SOURCES.resolve(MacResources.ENTITLEMENTS),
        sources.resolve(MacResources.ENTITLEMENTS));

    assertThatThrownBy(() -> MacResources.write(sources, out, ReleaseVersion.of("v1.0.0", "0.1.0")))
        .hasMessageContaining("DEPLOY_BUNDLE_SHORT_VERSION");
  }
}
