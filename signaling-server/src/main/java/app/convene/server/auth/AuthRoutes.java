package app.convene.server.auth;

import app.convene.protocol.api.Credentials;
import app.convene.protocol.api.PasswordChange;
import app.convene.protocol.api.RefreshRequest;
import app.convene.protocol.api.Registration;
import app.convene.server.http.ApiResponse;
import app.convene.server.http.Router;
import app.convene.server.http.Router.Access;
import java.util.Objects;

/** The account endpoints: {@code /api/auth/*} and {@code /api/me}. */
public final class AuthRoutes {
  private AuthRoutes() {}

  public static void addTo(Router router, AuthService auth) {
    Objects.requireNonNull(router, "router == null");
    Objects.requireNonNull(auth, "auth == null");
    router
        .post("/api/auth/register", Access.PUBLIC,
            r -> ApiResponse.created(auth.register(r.body(Registration.class))))
        .post("/api/auth/login", Access.PUBLIC,
            r -> ApiResponse.ok(auth.login(r.body(Credentials.class))))
        .post("/api/auth/refresh", Access.PUBLIC,
            r -> ApiResponse.ok(auth.refresh(r.body(RefreshRequest.class))))
        .post("/api/auth/logout", Access.PUBLIC, r -> {
          auth.logout(r.body(RefreshRequest.class));
          return ApiResponse.noContent();
        })
        .post("/api/auth/password", Access.USER,
            r -> ApiResponse.ok(auth.changePassword(r.caller(), r.body(PasswordChange.class))))
        .get("/api/me", Access.USER, r -> ApiResponse.ok(r.caller().toView()));
  }
}
