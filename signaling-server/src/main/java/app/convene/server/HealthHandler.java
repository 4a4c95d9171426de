package app.convene.server;

import app.convene.protocol.ProtocolVersion;
import java.util.Objects;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code GET /health}: {@code {"status":"ok","protocol":1,"rooms":N,"peers":M}} with 200, or
 * {@code "status":"stopping"} with 503 once shutdown began, so that a load balancer stops sending
 * clients here. Runs on Jetty request threads; never blocks.
 */
final class HealthHandler extends Handler.Abstract.NonBlocking {
  /** What the endpoint reports. */
  record Status(boolean stopping, int rooms, int peers) {}

  private final Supplier<Status> status;

  HealthHandler(Supplier<Status> status) {
    this.status = Objects.requireNonNull(status, "status == null");
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    String method = request.getMethod();
    if (!HttpMethod.GET.is(method) && !HttpMethod.HEAD.is(method)) {
      response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD");
      Response.writeError(request, response, callback, HttpStatus.METHOD_NOT_ALLOWED_405);
      return true;
    }
    Status now = status.get();
    String json =
        "{\"status\":\"%s\",\"protocol\":%d,\"rooms\":%d,\"peers\":%d}"
            .formatted(
                now.stopping() ? "stopping" : "ok", ProtocolVersion.CURRENT, now.rooms(), now.peers());
    response.setStatus(now.stopping() ? HttpStatus.SERVICE_UNAVAILABLE_503 : HttpStatus.OK_200);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    Content.Sink.write(response, true, json, callback);
    return true;
  }
}
