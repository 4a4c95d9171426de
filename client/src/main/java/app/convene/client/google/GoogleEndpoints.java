package app.convene.client.google;

import java.net.URI;
import java.util.Objects;

/**
 * The Google addresses the app talks to. {@link #GOOGLE} in production; tests point every one at a
 * local server with {@link #under(URI)}.
 *
 * @param authorization the consent page the browser opens
 * @param token the OAuth token endpoint (code exchange and refresh)
 * @param revoke the OAuth revocation endpoint
 * @param calendarRoot the root URL of Google APIs, ending in {@code /}; Calendar v3 lives under
 *     {@code calendar/v3/}
 */
public record GoogleEndpoints(URI authorization, URI token, URI revoke, URI calendarRoot) {
  public static final GoogleEndpoints GOOGLE =
      new GoogleEndpoints(
          URI.create("https://accounts.google.com/o/oauth2/v2/auth"),
          URI.create("https://oauth2.googleapis.com/token"),
          URI.create("https://oauth2.googleapis.com/revoke"),
          URI.create("https://www.googleapis.com/"));

  public GoogleEndpoints {
    Objects.requireNonNull(authorization, "authorization == null");
    Objects.requireNonNull(token, "token == null");
    Objects.requireNonNull(revoke, "revoke == null");
    Objects.requireNonNull(calendarRoot, "calendarRoot == null");
    if (!calendarRoot.toString().endsWith("/")) {
      throw new IllegalArgumentException("calendarRoot must end with '/': " + calendarRoot);
    }
  }

  /** Google's paths under another origin, e.g. {@code http://127.0.0.1:PORT}. */
  public static GoogleEndpoints under(URI base) {
    Objects.requireNonNull(base, "base == null");
    String root = base.toString().replaceAll("/+$", "");
    return new GoogleEndpoints(
        URI.create(root + "/o/oauth2/v2/auth"),
        URI.create(root + "/token"),
        URI.create(root + "/revoke"),
        URI.create(root + "/"));
  }
}
