package app.convene.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import app.convene.packaging.BuildInstallers.Os;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The order of the installer build's steps, and signing skipped without its secrets. */
class BuildPlanTest {
  static final Map<String, String> MAC_SECRETS = Map.of(
      "CONVENE_MAC_SIGN_IDENTITY", "Developer ID Application: Convene (TEAM123456)",
      "CONVENE_NOTARY_APPLE_ID", "release@convene.invalid",
      "CONVENE_NOTARY_TEAM_ID", "TEAM123456",
      "CONVENE_NOTARY_PASSWORD", "app-specific");
  static final Map<String, String> WINDOWS_SECRETS = Map.of(
      "CONVENE_WINDOWS_CERTIFICATE", "C:\\a\\cert.pfx",
      "CONVENE_WINDOWS_CERTIFICATE_PASSWORD", "secret");

  @TempDir
  Path out;

  private List<Step> plan(Os os, Map<String, String> env, String type) {
    return new BuildInstallers(os, out.resolve("client"), out.resolve("runtime"),
        ReleaseVersion.of("v1.2.3", "0.1.0-SNAPSHOT"), Path.of("..", "installers"), out,
        new Signing(env)).plan(List.of(type), true);
  }

  private static List<String> names(List<Step> steps) {
    return steps.stream().map(Step::name).toList();
  }

  @Test
  void macSignsAfterTheAotTrainingThenNotarizesAndStaplesTheDmg() {
    List<String> names = names(plan(Os.MAC, MAC_SECRETS, "dmg"));

    assertThat(names).containsSubsequence(
        "stage the app's jars",
        "sign the dylib inside webrtc-java's jar", // a jar changed after training voids the cache
        "make the app image",
        "train the AOT cache",
        "sign Convene.app",
        "package dmg",
        "sign Convene-1.2.3.dmg",
        "notarize Convene-1.2.3.dmg",
        "staple Convene-1.2.3.dmg");
    assertThat(plan(Os.MAC, MAC_SECRETS, "dmg")).filteredOn(step -> step.skipReason() != null)
        .extracting(Step::name).containsExactly("seal Convene.app again with an ad-hoc signature");
  }

  @Test
  void unsignedMacAppIsSealedAgainAdHocAfterTheTrainingRunChangedIt() {
    List<Step> steps = plan(Os.MAC, Map.of(), "dmg");

    assertThat(names(steps)).containsSubsequence("train the AOT cache",
        "seal Convene.app again with an ad-hoc signature", "package dmg");
    assertThat(steps).filteredOn(s -> s.name().startsWith("seal")).first()
        .extracting(Step::skipReason).isNull();
  }

  @Test
  void windowsSignsTheLauncherAfterTrainingAndTheMsiAfterPackaging() {
    List<String> names = names(plan(Os.WINDOWS, WINDOWS_SECRETS, "msi"));

    assertThat(names).containsSubsequence("make the app image", "train the AOT cache",
        "sign Convene.exe", "add the convene:// registration to the MSI", "package msi",
        "sign Convene-1.2.3.msi");
    assertThat(plan(Os.WINDOWS, WINDOWS_SECRETS, "msi")).allMatch(s -> s.skipReason() == null);
  }

  @Test
  void linuxHasNoSigningSteps() {
    assertThat(names(plan(Os.LINUX, Map.of(), "deb"))).containsExactly("stage the app's jars",
        "make the app image", "write the Linux launcher", "train the AOT cache", "package deb",
        "list the packages");
  }

  @Test
  void withoutSecretsEverySigningStepIsSkippedWithOneLineNamingWhatIsMissing() throws Exception {
    List<Step> skipped = plan(Os.WINDOWS, Map.of(), "msi").stream()
        .filter(s -> s.skipReason() != null).toList();
    List<Step> macSkipped = plan(Os.MAC, Map.of(), "dmg").stream()
        .filter(s -> s.skipReason() != null).toList();

    // Run for real: a step that ran would call signtool or codesign, absent here, and throw.
    String log = run(skipped) + run(macSkipped);

    assertThat(names(skipped)).containsExactly("sign Convene.exe", "sign Convene-1.2.3.msi");
    assertThat(names(macSkipped)).containsExactly("sign the dylib inside webrtc-java's jar",
        "sign Convene.app", "sign Convene-1.2.3.dmg", "notarize Convene-1.2.3.dmg",
        "staple Convene-1.2.3.dmg");
    assertThat(log.lines()).hasSize(7).allMatch(line -> line.startsWith("[build] skipped: "));
    assertThat(log).contains("[build] skipped: sign Convene.exe: CONVENE_WINDOWS_CERTIFICATE,"
        + " CONVENE_WINDOWS_CERTIFICATE_PASSWORD are not set")
        .contains("[build] skipped: notarize Convene-1.2.3.dmg: the app is not signed"
            + " (CONVENE_MAC_SIGN_IDENTITY is not set)");
  }

  @Test
  void signedButNotNotarizedWhenOnlyTheIdentityIsThere() {
    List<Step> steps = plan(Os.MAC,
        Map.of("CONVENE_MAC_SIGN_IDENTITY", "Developer ID Application: Convene (T)"), "dmg");

    assertThat(steps).filteredOn(s -> s.skipReason() != null).extracting(Step::name)
        .containsExactly("seal Convene.app again with an ad-hoc signature",
            "notarize Convene-1.2.3.dmg", "staple Convene-1.2.3.dmg");
    assertThat(steps).filteredOn(s -> s.name().startsWith("notarize")).first()
        .extracting(Step::skipReason).asString().contains("CONVENE_NOTARY_APPLE_ID",
            "CONVENE_NOTARY_TEAM_ID", "CONVENE_NOTARY_PASSWORD");
  }

  @Test
  void signingCommandsUseTheHardenedRuntimeTimeStampsAndEntitlements() {
    Signing mac = new Signing(MAC_SECRETS);
    Signing windows = new Signing(WINDOWS_SECRETS);

    assertThat(mac.codesign("Convene.app", "Convene.entitlements")).containsSubsequence(
        "codesign", "--timestamp", "--options", "runtime", "--sign",
        "Developer ID Application: Convene (TEAM123456)", "--entitlements",
        "Convene.entitlements", "Convene.app");
    assertThat(mac.codesign("libwebrtc-java.dylib", null)).doesNotContain("--entitlements");
    assertThat(mac.codesignDiskImage("C.dmg")).containsSubsequence("codesign", "--timestamp",
        "--sign", "Developer ID Application: Convene (TEAM123456)", "C.dmg")
        .doesNotContain("--options", "--entitlements");
    assertThat(mac.notarize("C.dmg")).containsSubsequence("xcrun", "notarytool", "submit",
        "C.dmg", "--wait");
    assertThat(windows.signtool("Convene.msi")).containsSubsequence("signtool", "sign", "/fd",
        "SHA256", "/f", "C:\\a\\cert.pfx", "/tr", Signing.DEFAULT_TIMESTAMP_URL, "/td", "SHA256",
        "Convene.msi");
  }

  private static String run(List<Step> steps) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Step.runAll(steps, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
