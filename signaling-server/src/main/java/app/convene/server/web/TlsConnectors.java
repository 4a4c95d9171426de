package app.convene.server.web;

import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.SecuredRedirectHandler;
import org.eclipse.jetty.util.Scanner;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's listening connectors: plain HTTP, or HTTPS from {@link WebSecurity}'s PEM files
 * (reloaded when they change) with HSTS and an optional plain-HTTP port that only redirects.
 * Build one before the server starts and call {@link #started()} once it has.
 *
 * <p>Reloads run on the scanner's own thread; Jetty swaps the TLS context under its lock, so new
 * handshakes get the new certificate and open connections keep theirs.
 */
public final class TlsConnectors {
  private static final Logger log = LoggerFactory.getLogger(TlsConnectors.class);

  private final WebSecurity web;
  private final ServerConnector main;
  private final ServerConnector redirect;
  private final HttpConfiguration redirectHttp;

  /**
   * Adds the connectors to {@code server}.
   *
   * @param http the configuration of the main connector; a {@link SecureRequestCustomizer} with
   *     HSTS is added to it when TLS is on
   */
  public TlsConnectors(Server server, HttpConfiguration http, String host, int port,
      int acceptQueueSize, WebSecurity web) {
    this.web = Objects.requireNonNull(web, "web == null");
    if (web.httpRedirectPort() != 0 && !web.tls()) {
      throw new IllegalArgumentException("a redirect to HTTPS needs TLS: give tlsCert and tlsKey");
    }
    ConnectionFactory[] factories;
    if (web.tls()) {
      SslContextFactory.Server ssl = new SslContextFactory.Server();
      ssl.setKeyStore(PemKeyStore.load(web.tlsCert(), web.tlsKey()));
      ssl.setKeyStorePassword("");
      ssl.setKeyManagerPassword("");
      long hsts = web.hstsMaxAge().isZero() ? -1 : web.hstsMaxAge().toSeconds();
      // No SNI checks: clients may connect by IP address, and the certificate is the only one.
      http.addCustomizer(new SecureRequestCustomizer(false, false, hsts, false));
      factories = new ConnectionFactory[] {
          new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(http)};
      server.addBean(reloader(ssl, web.tlsCert(), web.tlsKey(),
          (int) web.tlsReloadInterval().toSeconds()));
    } else {
      factories = new ConnectionFactory[] {new HttpConnectionFactory(http)};
    }
    main = new ServerConnector(server, factories);
    main.setHost(host);
    main.setPort(port);
    main.setAcceptQueueSize(acceptQueueSize);
    server.addConnector(main);
    if (web.httpRedirectPort() != 0) {
      redirectHttp = new HttpConfiguration();
      redirectHttp.setSendServerVersion(false);
      redirectHttp.setSecureScheme("https");
      redirect = new ServerConnector(server, new HttpConnectionFactory(redirectHttp));
      redirect.setHost(host);
      redirect.setPort(web.httpRedirectPort());
      server.addConnector(redirect);
    } else {
      redirectHttp = null;
      redirect = null;
    }
  }

  /**
   * The handler that serves everything: on the redirect port, a 308 to the same path over HTTPS
   * instead.
   */
  public Handler wrap(Handler handler) {
    return redirect == null ? handler
        : new SecuredRedirectHandler(handler, HttpStatus.PERMANENT_REDIRECT_308);
  }

  /** To call once the server has started: the redirect now knows the HTTPS port. */
  public void started() {
    if (redirectHttp != null) {
      redirectHttp.setSecurePort(main.getLocalPort());
    }
  }

  /** The port of HTTP, or of HTTPS with TLS. */
  public int port() {
    return main.getLocalPort();
  }

  /** {@code https} with TLS, else {@code http}. */
  public String httpScheme() {
    return web.tls() ? "https" : "http";
  }

  /** The plain-HTTP port that redirects, or 0 for none. */
  public int redirectPort() {
    return redirect == null ? 0 : redirect.getLocalPort();
  }

  /**
   * Watches the two files; when either changed (and stayed so for one interval), loads the pair
   * and swaps it in. A pair that does not load (a half-written file, a key that does not match
   * yet) is logged and the old one kept; the next change tries again.
   */
  private static Scanner reloader(SslContextFactory.Server ssl, Path cert, Path key,
      int intervalSeconds) {
    Scanner scanner = new Scanner();
    scanner.setScanInterval(intervalSeconds);
    scanner.setReportDirs(false);
    scanner.setReportExistingFilesOnStartup(false);
    scanner.addFile(cert.toAbsolutePath());
    scanner.addFile(key.toAbsolutePath());
    scanner.addListener(new Scanner.BulkListener() {
      @Override
      public void pathsChanged(Set<Path> changed) {
        reload(ssl, cert, key, changed);
      }
    });
    return scanner;
  }

  private static void reload(SslContextFactory.Server ssl, Path cert, Path key,
      Set<Path> changed) {
    KeyStore store;
    try {
      store = PemKeyStore.load(cert, key);
    } catch (IllegalArgumentException e) {
      log.atWarn().addKeyValue("files", List.copyOf(changed).toString()).log(
          "TLS certificate changed but cannot be loaded; keeping the old one: " + e.getMessage());
      return;
    }
    try {
      ssl.reload(factory -> factory.setKeyStore(store));
      log.atInfo().addKeyValue("cert", cert).log("TLS certificate reloaded");
    } catch (Exception e) {
      log.atWarn().setCause(e).log("TLS certificate reload failed; keeping the old one");
    }
  }
}
