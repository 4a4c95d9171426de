package app.convene.client.google;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * Opens a web page in the user's default browser. The app may pass JavaFX's {@code
 * HostServices::showDocument} wrapped in a lambda; {@link #system()} works without JavaFX. Only
 * {@code http} and {@code https} addresses are opened.
 */
@FunctionalInterface
public interface BrowserOpener {
  /**
   * Opens {@code uri}; returns once the browser was asked to, not when the page loaded. Any thread.
   *
   * @throws IOException when no browser could be started
   * @throws IllegalArgumentException when {@code uri} is not an http(s) address
   */
  void open(URI uri) throws IOException;

  /** {@code java.awt.Desktop} where it can browse, else xdg-open, open or rundll32. */
  static BrowserOpener system() {
    return new SystemBrowser();
  }

  /** Throws unless {@code uri} is an absolute http or https address with a host. */
  static URI requireWebAddress(URI uri) {
    Objects.requireNonNull(uri, "uri == null");
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
      throw new IllegalArgumentException("Only web addresses are opened, not: " + uri);
    }
    return uri;
  }
}
