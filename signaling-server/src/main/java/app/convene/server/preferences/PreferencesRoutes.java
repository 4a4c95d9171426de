package app.convene.server.preferences;

import app.convene.protocol.api.Preferences;
import app.convene.server.http.ApiResponse;
import app.convene.server.http.Router;
import app.convene.server.http.Router.Access;
import java.util.Objects;

/** {@code GET} and {@code PUT /api/preferences}. */
public final class PreferencesRoutes {
  private PreferencesRoutes() {}

  public static void addTo(Router router, PreferencesService preferences) {
    Objects.requireNonNull(router, "router == null");
    Objects.requireNonNull(preferences, "preferences == null");
    router
        .get("/api/preferences", Access.USER, r -> ApiResponse.ok(preferences.get(r.caller())))
        .put("/api/preferences", Access.USER,
            r -> ApiResponse.ok(preferences.put(r.caller(), r.body(Preferences.class))));
  }
}
