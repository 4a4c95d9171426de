package app.convene.server.auth;

import app.convene.server.http.ApiException;
import app.convene.server.http.ApiResponse;
import app.convene.server.http.Router;
import app.convene.server.http.Router.Access;
import java.util.Objects;

/**
 * The e-mail verification endpoints: the link mailed to a new account ({@code GET
 * /api/auth/verify-email?token=…}), a new link ({@code POST /api/auth/verification}) and whether
 * the caller's address is verified ({@code GET /api/auth/verification}).
 */
public final class VerificationRoutes {
  private VerificationRoutes() {}

  public static void addTo(Router router, Registrations registrations) {
    Objects.requireNonNull(router, "router == null");
    Objects.requireNonNull(registrations, "registrations == null");
    router
        .get(Registrations.VERIFY_PATH, Access.PUBLIC, r -> ApiResponse.ok(registrations.verify(
            r.query("token").orElseThrow(() -> ApiException.invalid("'token' is required")))))
        .post("/api/auth/verification", Access.USER, r -> {
          registrations.resend(r.caller());
          return ApiResponse.noContent();
        })
        .get("/api/auth/verification", Access.USER,
            r -> ApiResponse.ok(registrations.status(r.caller())));
  }
}
