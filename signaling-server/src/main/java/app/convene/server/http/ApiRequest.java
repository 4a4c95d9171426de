package app.convene.server.http;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.jetty.util.Fields;

/**
 * One REST request as an endpoint sees it: the path's parameters, the query, the signed-in caller
 * and the body. Used on the Jetty thread that serves the request.
 */
public final class ApiRequest {
  private final Map<String, String> pathParams;
  private final Fields query;
  private final Caller caller;
  private final byte[] body;
  private final String clientAddress;

  ApiRequest(Map<String, String> pathParams, Fields query, Caller caller, byte[] body,
      String clientAddress) {
    this.pathParams = Map.copyOf(pathParams);
    this.query = Objects.requireNonNull(query, "query == null");
    this.caller = caller;
    this.body = Objects.requireNonNull(body, "body == null");
    this.clientAddress = Objects.requireNonNull(clientAddress, "clientAddress == null");
  }

  /** The client's IP address as {@link ClientAddresses} found it. */
  public String clientAddress() {
    return clientAddress;
  }

  /** The signed-in user; every endpoint but the public ones of sign-in has one. */
  public Caller caller() {
    if (caller == null) {
      throw new IllegalStateException("a public endpoint has no caller");
    }
    return caller;
  }

  /** A {@code {name}} segment of the path. */
  public String pathParam(String name) {
    String value = pathParams.get(name);
    if (value == null) {
      throw new IllegalArgumentException("no path parameter " + name);
    }
    return value;
  }

  /**
   * A {@code {name}} segment that must be an id; an id that is no UUID names nothing, so it is
   * answered like an unknown one: 404 with {@code what}.
   */
  public UUID idParam(String name, String what) {
    try {
      return UUID.fromString(pathParam(name));
    } catch (IllegalArgumentException e) {
      throw ApiException.notFound(what);
    }
  }

  /** A query parameter; blank counts as absent. */
  public Optional<String> query(String name) {
    return Optional.ofNullable(query.getValue(name)).filter(v -> !v.isBlank());
  }

  /** The body read as a JSON object of this type; a bad body is a 400 {@link ApiException}. */
  public <T> T body(Class<T> type) {
    return Json.read(body, type);
  }
}
