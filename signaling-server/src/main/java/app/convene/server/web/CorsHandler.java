package app.convene.server.web;

import app.convene.protocol.api.ApiError;
import app.convene.server.http.Json;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.CrossOriginHandler;
import org.eclipse.jetty.util.Callback;

/**
 * CORS for the REST API: Jetty's {@link CrossOriginHandler} answers the preflights of the
 * {@linkplain WebSecurity#allowedOrigins() allowed origins} and adds the CORS headers to their
 * requests; a preflight from any other origin is answered 403 without CORS headers, so the browser
 * never sends the request. Requests without an {@code Origin} header (the desktop client, curl)
 * pass untouched. Bearer tokens, not cookies, carry the sign-in, so no credentials are allowed.
 */
public final class CorsHandler extends Handler.Wrapper {
  /** How long a browser may cache a preflight's answer. */
  static final Duration PREFLIGHT_MAX_AGE = Duration.ofMinutes(10);

  private final WebSecurity web;

  public CorsHandler(WebSecurity web, Handler api) {
    this.web = Objects.requireNonNull(web, "web == null");
    if (web.allowedOrigins().isEmpty()) {
      setHandler(api);
      return;
    }
    CrossOriginHandler cors = new CrossOriginHandler();
    cors.setAllowedOriginPatterns(web.allowedOrigins().stream()
        .map(Pattern::quote).collect(Collectors.toSet()));
    cors.setAllowedMethods(Set.of("GET", "POST", "PUT", "PATCH", "DELETE"));
    cors.setAllowedHeaders(Set.of("Authorization", "Content-Type"));
    cors.setExposedHeaders(Set.of("Retry-After", "WWW-Authenticate"));
    cors.setAllowCredentials(false);
    cors.setPreflightMaxAge(PREFLIGHT_MAX_AGE);
    cors.setHandler(api);
    setHandler(cors);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    String origin = request.getHeaders().get(HttpHeader.ORIGIN);
    if (isPreflight(request) && !web.allows(origin)) {
      response.setStatus(HttpStatus.FORBIDDEN_403);
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
      response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
      Content.Sink.write(response, true, Json.write(refusal(origin)), callback);
      return true;
    }
    return super.handle(request, response, callback);
  }

  /** The 403 body for a browser origin that is not on the list. */
  public static ApiError refusal(String origin) {
    return new ApiError(403, "origin_not_allowed",
        "this server does not accept requests from web pages at " + origin
            + "; its administrator can allow the origin with --allowed-origins");
  }

  private static boolean isPreflight(Request request) {
    return HttpMethod.OPTIONS.is(request.getMethod())
        && request.getHeaders().contains(HttpHeader.ORIGIN)
        && request.getHeaders().contains(HttpHeader.ACCESS_CONTROL_REQUEST_METHOD);
  }
}
