package app.convene.packaging;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Who signs this build, from the environment (the workflow maps repository secrets to these
 * variables; nothing is read from files in the repository):
 *
 * <ul>
 *   <li>Windows: {@code CONVENE_WINDOWS_CERTIFICATE}, the path of a code-signing certificate
 *       (.pfx), and {@code CONVENE_WINDOWS_CERTIFICATE_PASSWORD}; {@code CONVENE_SIGNTOOL} the
 *       signtool.exe to use (default {@code signtool} on the PATH).
 *   <li>macOS: {@code CONVENE_MAC_SIGN_IDENTITY}, a "Developer ID Application: ..." identity in
 *       the keychain (optionally {@code CONVENE_MAC_KEYCHAIN}); for notarization also
 *       {@code CONVENE_NOTARY_APPLE_ID}, {@code CONVENE_NOTARY_TEAM_ID} and
 *       {@code CONVENE_NOTARY_PASSWORD} (an app-specific password).
 *   <li>Both: {@code CONVENE_TIMESTAMP_URL} for signtool's RFC 3161 time stamp (default
 *       DigiCert's); codesign uses Apple's time-stamp server ({@code --timestamp}).
 * </ul>
 *
 * Each absent piece makes its steps skip with one log line that names the missing variable.
 */
final class Signing {
  static final String DEFAULT_TIMESTAMP_URL = "http://timestamp.digicert.com";

  private final Map<String, String> env;

  Signing(Map<String, String> env) {
    this.env = Map.copyOf(Objects.requireNonNull(env, "env == null"));
  }

  /** Why Windows signing is skipped, or null when a certificate is configured. */
  String windowsSkipReason() {
    return missing("CONVENE_WINDOWS_CERTIFICATE", "CONVENE_WINDOWS_CERTIFICATE_PASSWORD");
  }

  /** Why macOS code signing is skipped, or null when an identity is configured. */
  String macSkipReason() {
    return missing("CONVENE_MAC_SIGN_IDENTITY");
  }

  /** Why notarization is skipped, or null when it can run (it needs a signed app). */
  String notarySkipReason() {
    String unsigned = macSkipReason();
    if (unsigned != null) {
      return "the app is not signed (" + unsigned + ")";
    }
    return missing("CONVENE_NOTARY_APPLE_ID", "CONVENE_NOTARY_TEAM_ID", "CONVENE_NOTARY_PASSWORD");
  }

  /** signtool's command that signs {@code file} (an .exe or the .msi) with a time stamp. */
  List<String> signtool(String file) {
    return List.of(env.getOrDefault("CONVENE_SIGNTOOL", "signtool"), "sign", "/fd", "SHA256",
        "/f", env.get("CONVENE_WINDOWS_CERTIFICATE"),
        "/p", env.get("CONVENE_WINDOWS_CERTIFICATE_PASSWORD"),
        "/tr", env.getOrDefault("CONVENE_TIMESTAMP_URL", DEFAULT_TIMESTAMP_URL), "/td", "SHA256",
        file);
  }

  /**
   * codesign's command for one file or bundle: hardened runtime, secure time stamp, and the
   * entitlements when given (executables and the app bundle; libraries take none).
   */
  List<String> codesign(String path, String entitlements) {
    List<String> command = new ArrayList<>(List.of("codesign", "--force", "--timestamp",
        "--options", "runtime", "--sign", env.get("CONVENE_MAC_SIGN_IDENTITY")));
    String keychain = env.get("CONVENE_MAC_KEYCHAIN");
    if (keychain != null && !keychain.isBlank()) {
      command.addAll(List.of("--keychain", keychain));
    }
    if (entitlements != null) {
      command.addAll(List.of("--entitlements", entitlements));
    }
    command.add(path);
    return command;
  }

  /** codesign's command for the disk image itself: a plain signature with a time stamp. */
  List<String> codesignDiskImage(String dmg) {
    List<String> command = new ArrayList<>(List.of("codesign", "--force", "--timestamp",
        "--sign", env.get("CONVENE_MAC_SIGN_IDENTITY")));
    String keychain = env.get("CONVENE_MAC_KEYCHAIN");
    if (keychain != null && !keychain.isBlank()) {
      command.addAll(List.of("--keychain", keychain));
    }
    command.add(dmg);
    return command;
  }

  /** notarytool's command that submits {@code dmg} and waits for Apple's verdict. */
  List<String> notarize(String dmg) {
    return List.of("xcrun", "notarytool", "submit", dmg,
        "--apple-id", env.get("CONVENE_NOTARY_APPLE_ID"),
        "--team-id", env.get("CONVENE_NOTARY_TEAM_ID"),
        "--password", env.get("CONVENE_NOTARY_PASSWORD"), "--wait");
  }

  /** stapler's command that attaches the notarization ticket to {@code dmg}. */
  static List<String> staple(String dmg) {
    return List.of("xcrun", "stapler", "staple", dmg);
  }

  private String missing(String... names) {
    List<String> absent = new ArrayList<>();
    for (String name : names) {
      String value = env.get(name);
      if (value == null || value.isBlank()) {
        absent.add(name);
      }
    }
    return absent.isEmpty() ? null : String.join(", ", absent) + (absent.size() == 1
        ? " is not set" : " are not set");
  }
}
