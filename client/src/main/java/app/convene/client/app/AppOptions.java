package app.convene.client.app;

import app.convene.client.storage.OwnerOnlyFiles;
import app.convene.client.storage.UserFolders;
import app.convene.client.storage.KeyVault;
import app.convene.client.storage.SealedFiles;
import app.convene.client.media.OsFamily;
import app.convene.client.tls.ServerTrust;
import java.nio.file.Files;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The desktop app's command line; see {@link #USAGE}.
 *
 * @param server the server's address, or {@code null} for the embedded default
 * @param dataDir where the app keeps the session, the meeting cache and the embedded server's
 *     data
 * @param locale the language, or {@code null} to follow the operating system
 * @param syntheticMedia send the test pattern and a tone even when devices exist
 * @param caCert a PEM file of a certificate authority to trust besides the system's, or {@code
 *     null}
 * @param keychain keep the key of the data folder's sealed files in the operating system's
 *     keychain ({@link KeyVault}); otherwise in a key file there
 */
record AppOptions(URI server, Path dataDir, Locale locale, boolean syntheticMedia, Path caCert,
    boolean keychain) {
  static final String USAGE =
      """
      Usage: convene [options] [LINK|FILE] the desktop app; LINK is an invite link
                                          (convene://join/ROOM?invite=TOKEN), FILE an .ics
                                          invitation that holds one; a running app gets it
             convene --headless --help    a participant without a window
             convene --self-test          check JavaFX and WebRTC, print versions, exit
      Desktop app options:
        --server=URL        the Convene server, e.g. https://meet.example.com
                            (default: start one on 127.0.0.1:8787, or use the one running there)
        --data-dir=PATH     where to keep the session, the offline meeting cache and
                            (in server/) the embedded server's database
                            (default: the user's data folder, e.g. ~/.local/share/convene)
        --lang=en|ru        language (default: the operating system's)
        --synthetic-media   send a test pattern and a tone instead of camera and microphone
        --ca-cert=FILE      also trust this certificate authority (PEM) for an https://
                            server, e.g. a company's own CA (the system's are always trusted)
        --keychain=system|off
                            where the key of the session and the offline cache is kept:
                            the system's keychain (default), or off: a file in the data folder
      """;

  static AppOptions parse(String[] args) {
    URI server = null;
    Path dataDir = UserFolders.forCurrentUser().dataDir();
    Locale locale = null;
    boolean synthetic = false;
    Path caCert = null;
    boolean keychain = true;
    for (String arg : args) {
      if (arg.equals("--synthetic-media")) {
        synthetic = true;
        continue;
      }
      int eq = arg.indexOf('=');
      if (!arg.startsWith("--") || eq < 0) {
        throw new IllegalArgumentException("unknown argument '" + arg + "'");
      }
      String value = arg.substring(eq + 1);
      switch (arg.substring(2, eq)) {
        case "server" -> server = serverUri(value);
        case "data-dir" -> dataDir = Path.of(value);
        case "lang" -> locale = Locale.forLanguageTag(value);
        case "ca-cert" -> caCert = readable(value);
        case "keychain" -> keychain = switch (value) {
          case "system" -> true;
          case "off" -> false;
          default -> throw new IllegalArgumentException("--keychain must be system or off");
        };
        default -> throw new IllegalArgumentException("unknown flag " + arg.substring(0, eq));
      }
    }
    return new AppOptions(server, dataDir, locale, synthetic, caCert, keychain);
  }

  /**
   * Options that trust the system's certificate authorities only and keep the files' key in the
   * data folder: tests, which must leave the developer's keychain alone.
   */
  AppOptions(URI server, Path dataDir, Locale locale, boolean syntheticMedia) {
    this(server, dataDir, locale, syntheticMedia, null, false);
  }

  /** The data folder's sealed files, with their key where {@link #keychain} says. */
  SealedFiles sealedFiles() {
    return keychain
        ? SealedFiles.inKeychain(dataDir, KeyVault.forFolder(OsFamily.current(), dataDir,
            System.getenv()))
        : SealedFiles.withKeyFile(dataDir);
  }

  /** The authorities the app trusts for HTTPS and WSS. */
  ServerTrust trust() {
    return ServerTrust.withExtraCa(caCert);
  }

  private static Path readable(String value) {
    Path file = Path.of(value);
    if (!Files.isReadable(file)) {
      throw new IllegalArgumentException("--ca-cert: cannot read " + file);
    }
    return file;
  }

  /** Accepts {@code http(s)://host:port} and, for convenience, the signaling URL. */
  private static URI serverUri(String value) {
    URI uri = URI.create(value);
    String scheme = switch (uri.getScheme() == null ? "" : uri.getScheme()) {
      case "http", "ws" -> "http";
      case "https", "wss" -> "https";
      default -> throw new IllegalArgumentException("--server must be an http(s):// address");
    };
    return URI.create(scheme + "://" + uri.getAuthority());
  }
}
