package app.convene.server.web;

import app.convene.server.SettingChecks;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How the server faces the network beyond plain HTTP: its own TLS from PEM files, a plain-HTTP
 * port that only redirects to HTTPS, HSTS, and the browser origins allowed to call the REST API
 * (CORS) and to open the WebSocket. Immutable.
 *
 * @param tlsCert the PEM certificate chain (server certificate first), or {@code null} for plain
 *     HTTP; goes with {@code tlsKey}
 * @param tlsKey the PEM private key (PKCS#8, PKCS#1 RSA or SEC1 EC, unencrypted), or {@code null}
 * @param tlsReloadInterval how often the two files are checked for a change; a changed pair is
 *     loaded without a restart (a key that does not match the certificate keeps the old pair)
 * @param httpRedirectPort a plain-HTTP port that answers every request with a redirect to HTTPS,
 *     or 0 for none; the server refuses to start with one but no TLS
 * @param hstsMaxAge the {@code Strict-Transport-Security} max-age sent over TLS; zero sends none
 * @param allowedOrigins browser origins ({@code https://host[:port]}) allowed to call the REST API
 *     and to open the WebSocket; empty (the default) refuses every request that carries an {@code
 *     Origin} header on the WebSocket and answers no CORS preflight
 */
public record WebSecurity(
    Path tlsCert,
    Path tlsKey,
    Duration tlsReloadInterval,
    int httpRedirectPort,
    Duration hstsMaxAge,
    List<String> allowedOrigins) {

  /** No TLS, no redirect, one year of HSTS once TLS is on, reload checks every 10 s, no origins. */
  public static final WebSecurity DEFAULT =
      new WebSecurity(null, null, Duration.ofSeconds(10), 0, Duration.ofDays(365), List.of());

  public WebSecurity {
    if ((tlsCert == null) != (tlsKey == null)) {
      throw new IllegalArgumentException("tlsCert and tlsKey go together: give both or neither");
    }
    Objects.requireNonNull(tlsReloadInterval, "tlsReloadInterval == null");
    if (tlsReloadInterval.toSeconds() < 1) {
      throw new IllegalArgumentException(
          "tlsReloadInterval must be at least one second: " + tlsReloadInterval);
    }
    SettingChecks.inRange("httpRedirectPort", httpRedirectPort, 0, 65_535);
    SettingChecks.notNegative("hstsMaxAge", hstsMaxAge);
    allowedOrigins = Objects.requireNonNull(allowedOrigins, "allowedOrigins == null").stream()
        .map(WebSecurity::origin).distinct().toList();
  }

  /** Whether the server serves HTTPS itself. */
  public boolean tls() {
    return tlsCert != null;
  }

  public WebSecurity withTls(Path cert, Path key) {
    return new WebSecurity(cert, key, tlsReloadInterval, httpRedirectPort, hstsMaxAge,
        allowedOrigins);
  }

  public WebSecurity withTlsReloadInterval(Duration interval) {
    return new WebSecurity(tlsCert, tlsKey, interval, httpRedirectPort, hstsMaxAge,
        allowedOrigins);
  }

  public WebSecurity withHttpRedirectPort(int port) {
    return new WebSecurity(tlsCert, tlsKey, tlsReloadInterval, port, hstsMaxAge, allowedOrigins);
  }

  public WebSecurity withHstsMaxAge(Duration maxAge) {
    return new WebSecurity(tlsCert, tlsKey, tlsReloadInterval, httpRedirectPort, maxAge,
        allowedOrigins);
  }

  public WebSecurity withAllowedOrigins(List<String> origins) {
    return new WebSecurity(tlsCert, tlsKey, tlsReloadInterval, httpRedirectPort, hstsMaxAge,
        origins);
  }

  /**
   * Whether a request's {@code Origin} header may use the API and the WebSocket: no header (not a
   * browser) may; a listed origin may; anything else, {@code null} included, may not.
   */
  public boolean allows(String originHeader) {
    if (originHeader == null) {
      return true;
    }
    return allowedOrigins.contains(originHeader.strip().toLowerCase(Locale.ROOT));
  }

  /**
   * An origin as browsers send it: {@code http} or {@code https}, a host, an optional port,
   * nothing else; lower-cased, without a trailing slash.
   *
   * @throws IllegalArgumentException when it is not one
   */
  public static String origin(String text) {
    Objects.requireNonNull(text, "origin == null");
    String trimmed = text.strip().toLowerCase(Locale.ROOT);
    if (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    URI uri;
    try {
      uri = new URI(trimmed);
    } catch (URISyntaxException e) {
      throw notAnOrigin(text);
    }
    if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
        || uri.getHost() == null || uri.getRawUserInfo() != null
        || !uri.getRawPath().isEmpty() || uri.getRawQuery() != null
        || uri.getRawFragment() != null) {
      throw notAnOrigin(text);
    }
    return trimmed;
  }

  private static IllegalArgumentException notAnOrigin(String text) {
    return new IllegalArgumentException(
        "'" + text + "' is not an origin such as https://app.example.org or"
            + " https://app.example.org:8443 (scheme, host and port only)");
  }
}
