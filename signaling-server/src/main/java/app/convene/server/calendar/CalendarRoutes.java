package app.convene.server.calendar;

import app.convene.protocol.api.EventRequest;
import app.convene.protocol.api.ScheduleRequest;
import app.convene.server.http.ApiException;
import app.convene.server.http.ApiRequest;
import app.convene.server.http.ApiResponse;
import app.convene.server.http.Router;
import app.convene.server.http.Router.Access;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/** The calendar endpoints: {@code /api/events} and {@code /api/meetings/schedule}. */
public final class CalendarRoutes {
  private CalendarRoutes() {}

  public static void addTo(Router router, EventService events, ScheduleService schedule) {
    Objects.requireNonNull(router, "router == null");
    Objects.requireNonNull(events, "events == null");
    Objects.requireNonNull(schedule, "schedule == null");
    router
        .get("/api/events", Access.USER, r -> ApiResponse.ok(events.list(r.caller(),
            instant(r, "from"), instant(r, "to"), flag(r, "includeCancelled"))))
        .post("/api/events", Access.USER,
            r -> ApiResponse.created(events.create(r.caller(), r.body(EventRequest.class))))
        .get("/api/events/{id}", Access.USER,
            r -> ApiResponse.ok(events.get(r.caller(), r.idParam("id", "event"))))
        .put("/api/events/{id}", Access.USER, r -> ApiResponse.ok(schedule.update(r.caller(),
            r.idParam("id", "event"), r.body(EventRequest.class))))
        .delete("/api/events/{id}", Access.USER,
            r -> ApiResponse.ok(events.cancel(r.caller(), r.idParam("id", "event"))))
        .post("/api/meetings/schedule", Access.USER, r -> ApiResponse.created(
            schedule.schedule(r.caller(), r.body(ScheduleRequest.class))));
  }

  private static Instant instant(ApiRequest request, String name) {
    String text = request.query(name).orElseThrow(() -> ApiException.invalid(
        "the query parameter '" + name + "' is required, e.g. " + name
            + "=2026-12-01T00:00:00Z"));
    try {
      return Instant.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw ApiException.invalid("the query parameter '" + name
          + "' is not an ISO-8601 instant such as 2026-12-01T00:00:00Z");
    }
  }

  private static boolean flag(ApiRequest request, String name) {
    return request.query(name).map(v -> switch (v.strip()) {
      case "true" -> true;
      case "false" -> false;
      default -> throw ApiException.invalid("the query parameter '" + name
          + "' is true or false");
    }).orElse(false);
  }
}
