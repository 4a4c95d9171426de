package app.convene.client.google;

import java.awt.Desktop;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * {@link BrowserOpener#system()}: AWT's {@link Desktop#browse} when the platform supports it, else
 * the platform's opener command, started without a shell so the address cannot inject arguments.
 */
final class SystemBrowser implements BrowserOpener {
  @Override
  public void open(URI uri) throws IOException {
    BrowserOpener.requireWebAddress(uri);
    if (desktopCanBrowse()) {
      Desktop.getDesktop().browse(uri);
      return;
    }
    new ProcessBuilder(command(System.getProperty("os.name", ""), uri))
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
  }

  /** The opener command for an OS name as {@code os.name} spells it. */
  static List<String> command(String osName, URI uri) {
    String address = BrowserOpener.requireWebAddress(uri).toASCIIString();
    String os = osName.toLowerCase(Locale.ROOT);
    if (os.startsWith("windows")) {
      return List.of("rundll32", "url.dll,FileProtocolHandler", address);
    }
    if (os.startsWith("mac")) {
      return List.of("open", address);
    }
    return List.of("xdg-open", address);
  }

  private static boolean desktopCanBrowse() {
    try {
      return !GraphicsEnvironment.isHeadless()
          && Desktop.isDesktopSupported()
          && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE);
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }
}
