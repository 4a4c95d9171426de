package app.convene.server.throttle;

import app.convene.protocol.api.Credentials;
import app.convene.protocol.api.Registration;
import app.convene.server.auth.EmailAddresses;
import app.convene.server.http.ApiException;
import app.convene.server.http.ApiRequest;
import app.convene.server.http.ApiResponse;
import app.convene.server.http.Router;
import app.convene.server.http.Router.Endpoint;
import app.convene.server.throttle.Throttle.Action;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Puts the {@link Throttle} around the REST endpoints that can be guessed at or flooded: sign-in
 * and registration (by e-mail address and client address), refresh (by client address), password
 * change and room creation (by user and client address). Failures are 401, 403, 404 and 409 answers; anything
 * else (a malformed body, a busy server) is not counted.
 */
public final class ThrottledRoutes {
  private ThrottledRoutes() {}

  /** Wraps the routes; call after the auth and room routes are added. */
  public static void wrap(Router router, Throttle throttle) {
    Objects.requireNonNull(router, "router == null");
    Objects.requireNonNull(throttle, "throttle == null");
    router
        .wrap("POST", "/api/auth/login", e -> guard(throttle, Action.LOGIN, e,
            r -> email(r, Credentials.class, Credentials::email)))
        .wrap("POST", "/api/auth/register", e -> guard(throttle, Action.REGISTER, e,
            r -> email(r, Registration.class, Registration::email)))
        .wrap("POST", "/api/auth/refresh", e -> guard(throttle, Action.REFRESH, e,
            r -> Optional.empty()))
        .wrap("POST", "/api/auth/password", e -> guard(throttle, Action.PASSWORD_CHANGE, e,
            r -> Optional.of(r.caller().id().toString())))
        .wrap("POST", "/api/rooms", e -> guard(throttle, Action.ROOM_CREATE, e,
            r -> Optional.of(r.caller().id().toString())));
  }

  private static Endpoint guard(Throttle throttle, Action action, Endpoint endpoint,
      Function<ApiRequest, Optional<String>> account) {
    return r -> {
      String who = account.apply(r).orElse(null);
      String address = r.clientAddress();
      throttle.check(action, who, address);
      ApiResponse response;
      try {
        response = endpoint.handle(r);
      } catch (ApiException e) {
        if (counts(e.status())) {
          throttle.failed(action, who, address, e.code());
        }
        throw e;
      }
      throttle.succeeded(action, who, address);
      return response;
    };
  }

  private static boolean counts(int status) {
    return status == 401 || status == 403 || status == 404 || status == 409;
  }

  /** The normalized address in the body, or empty for a body that names none. */
  private static <T> Optional<String> email(ApiRequest r, Class<T> type,
      Function<T, String> field) {
    try {
      return EmailAddresses.parse(field.apply(r.body(type)));
    } catch (ApiException malformed) {
      return Optional.empty(); // the endpoint answers the malformed body itself
    }
  }
}
