package app.convene.server.http;

import app.convene.protocol.api.ApiError;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@code /api/*}: finds the route, checks the access token, reads the body (at most {@link
 * #MAX_BODY_BYTES}), calls the endpoint and writes its answer as JSON. Every failure becomes an
 * {@link ApiError} body: {@link ApiException}s as they are, anything else as 500 {@code
 * internal_error} (logged, never shown to the client).
 *
 * <p>Blocking: runs each request on a Jetty thread, which the endpoint may block on the database.
 */
public final class ApiHandler extends Handler.Abstract {
  /** The largest request body read; a larger one is answered with 413. */
  public static final int MAX_BODY_BYTES = 256 * 1024;

  private static final Logger log = LoggerFactory.getLogger(ApiHandler.class);
  private static final String BEARER = "bearer ";

  private final Router router;
  private final CallerResolver callers;
  private final ClientAddresses addresses;

  public ApiHandler(Router router, CallerResolver callers) {
    this(router, callers, ClientAddresses.DIRECT);
  }

  /** @param addresses finds each request's client address, for throttling */
  public ApiHandler(Router router, CallerResolver callers, ClientAddresses addresses) {
    this.router = Objects.requireNonNull(router, "router == null");
    this.callers = Objects.requireNonNull(callers, "callers == null");
    this.addresses = Objects.requireNonNull(addresses, "addresses == null");
  }

  /** The token of an {@code Authorization: Bearer …} header value, if it is one. */
  public static Optional<String> bearerToken(String authorization) {
    if (authorization == null || authorization.length() <= BEARER.length()
        || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return Optional.empty();
    }
    return Optional.of(authorization.substring(BEARER.length()).strip()).filter(t -> !t.isEmpty());
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    String method = request.getMethod();
    String path = request.getHttpURI().getCanonicalPath(); // the server has one context, "/"
    ApiResponse answer;
    try {
      answer = serve(request, method, path, response);
    } catch (ApiException e) {
      if (e.retryAfterSeconds() > 0) {
        response.getHeaders().put(HttpHeader.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
      }
      answer = new ApiResponse(e.status(), e.toError());
    } catch (RuntimeException e) {
      log.atError().setCause(e).addKeyValue("method", method).addKeyValue("path", path)
          .log("request failed");
      answer = new ApiResponse(500, new ApiError(500, "internal_error",
          "the server failed to handle the request; it may be retried"));
    }
    write(response, answer, callback);
    return true;
  }

  private ApiResponse serve(Request request, String method, String path, Response response) {
    Router.Route route;
    Map<String, String> params;
    switch (router.match(method, path)) {
      case Router.Match.NotFound _ ->
          throw new ApiException(404, "not_found", "no such endpoint: " + method + " " + path);
      case Router.Match.WrongMethod wrong -> {
        response.getHeaders().put(HttpHeader.ALLOW, String.join(", ", wrong.allowed()));
        throw new ApiException(405, "method_not_allowed",
            method + " is not allowed here; allowed: " + String.join(", ", wrong.allowed()));
      }
      case Router.Match.Found found -> {
        route = found.route();
        params = found.params();
      }
    }
    Caller caller = null;
    if (route.access() == Router.Access.USER) {
      caller = authenticate(request, response);
    }
    Fields query = Request.extractQueryParameters(request);
    byte[] body = readBody(request);
    return route.endpoint().handle(new ApiRequest(params, query, caller, body,
        addresses.of(request)));
  }

  private Caller authenticate(Request request, Response response) {
    Optional<String> token = bearerToken(request.getHeaders().get(HttpHeader.AUTHORIZATION));
    Optional<Caller> caller = token.flatMap(callers::resolve);
    if (caller.isEmpty()) {
      response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer realm=\"convene\"");
      throw ApiException.unauthorized(token.isEmpty()
          ? "sign in: send 'Authorization: Bearer <access token>'"
          : "the access token is invalid or expired; refresh it or sign in again");
    }
    return caller.get();
  }

  private static byte[] readBody(Request request) {
    long declared = request.getLength();
    if (declared > MAX_BODY_BYTES) {
      throw tooLarge();
    }
    if (declared == 0) {
      return new byte[0];
    }
    try (InputStream in = Content.Source.asInputStream(request)) {
      byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
      if (body.length > MAX_BODY_BYTES) {
        throw tooLarge();
      }
      return body;
    } catch (IOException e) {
      throw new ApiException(400, "malformed_json", "the body could not be read");
    }
  }

  private static ApiException tooLarge() {
    return new ApiException(413, "payload_too_large",
        "the body is larger than " + MAX_BODY_BYTES / 1024 + " KiB");
  }

  private static void write(Response response, ApiResponse answer, Callback callback) {
    response.setStatus(answer.status());
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    if (answer.body() == null) {
      callback.succeeded();
      return;
    }
    response.getHeaders().put(new HttpField(HttpHeader.CONTENT_TYPE,
        "application/json; charset=utf-8"));
    Content.Sink.write(response, true, Json.write(answer.body()), callback);
  }
}
