package app.convene.server.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The REST routes: method and path pattern ({@code /api/events/{id}}) to an endpoint. Built once
 * at start-up, then read from any thread.
 */
public final class Router {
  /** Who may call a route. */
  public enum Access {
    /** Anyone: registration and sign-in. */
    PUBLIC,
    /** A signed-in user with a valid access token. */
    USER
  }

  /** Serves one route. Runs on a Jetty thread and may block on the database. */
  @FunctionalInterface
  public interface Endpoint {
    ApiResponse handle(ApiRequest request);
  }

  record Route(String method, List<String> segments, Access access, Endpoint endpoint) {}

  /** The outcome of {@link #match}. */
  sealed interface Match {
    record Found(Route route, Map<String, String> params) implements Match {}

    record NotFound() implements Match {}

    record WrongMethod(Set<String> allowed) implements Match {}
  }

  private final List<Route> routes = new ArrayList<>();

  public Router get(String pattern, Access access, Endpoint endpoint) {
    return add("GET", pattern, access, endpoint);
  }

  public Router post(String pattern, Access access, Endpoint endpoint) {
    return add("POST", pattern, access, endpoint);
  }

  public Router put(String pattern, Access access, Endpoint endpoint) {
    return add("PUT", pattern, access, endpoint);
  }

  public Router delete(String pattern, Access access, Endpoint endpoint) {
    return add("DELETE", pattern, access, endpoint);
  }

  private Router add(String method, String pattern, Access access, Endpoint endpoint) {
    Objects.requireNonNull(pattern, "pattern == null");
    Objects.requireNonNull(access, "access == null");
    Objects.requireNonNull(endpoint, "endpoint == null");
    routes.add(new Route(method, segments(pattern), access, endpoint));
    return this;
  }

  /**
   * Replaces the endpoint of the route added with this method and pattern by {@code wrap} of it,
   * for a concern that surrounds endpoints (throttling) without their knowing.
   *
   * @throws IllegalArgumentException when no such route was added
   */
  public Router wrap(String method, String pattern, UnaryOperator<Endpoint> wrap) {
    Objects.requireNonNull(wrap, "wrap == null");
    List<String> segments = segments(pattern);
    for (int i = 0; i < routes.size(); i++) {
      Route route = routes.get(i);
      if (route.method().equals(method) && route.segments().equals(segments)) {
        routes.set(i, new Route(method, segments, route.access(), wrap.apply(route.endpoint())));
        return this;
      }
    }
    throw new IllegalArgumentException("no route " + method + " " + pattern);
  }

  Match match(String method, String path) {
    List<String> given = segments(path);
    Set<String> allowed = new LinkedHashSet<>();
    for (Route route : routes) {
      Map<String, String> params = bind(route.segments(), given);
      if (params == null) {
        continue;
      }
      if (route.method().equals(method)) {
        return new Match.Found(route, params);
      }
      allowed.add(route.method());
    }
    return allowed.isEmpty() ? new Match.NotFound() : new Match.WrongMethod(allowed);
  }

  private static Map<String, String> bind(List<String> pattern, List<String> given) {
    if (pattern.size() != given.size()) {
      return null;
    }
    Map<String, String> params = new LinkedHashMap<>();
    for (int i = 0; i < pattern.size(); i++) {
      String part = pattern.get(i);
      if (part.startsWith("{") && part.endsWith("}")) {
        params.put(part.substring(1, part.length() - 1), given.get(i));
      } else if (!part.equals(given.get(i))) {
        return null;
      }
    }
    return params;
  }

  private static List<String> segments(String path) {
    List<String> parts = new ArrayList<>();
    for (String part : path.split("/")) {
      if (!part.isEmpty()) {
        parts.add(part);
      }
    }
    return parts;
  }
}
