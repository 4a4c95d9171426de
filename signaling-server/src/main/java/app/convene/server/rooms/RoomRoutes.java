package app.convene.server.rooms;

import app.convene.protocol.api.RoomRequest;
import app.convene.server.http.ApiResponse;
import app.convene.server.http.Router;
import app.convene.server.http.Router.Access;
import java.util.Objects;

/** The room endpoints: {@code /api/rooms}. */
public final class RoomRoutes {
  private RoomRoutes() {}

  public static void addTo(Router router, RoomService rooms) {
    Objects.requireNonNull(router, "router == null");
    Objects.requireNonNull(rooms, "rooms == null");
    router
        .get("/api/rooms", Access.USER, r -> ApiResponse.ok(rooms.hostedBy(r.caller())))
        .post("/api/rooms", Access.USER,
            r -> ApiResponse.created(rooms.create(r.caller(), r.body(RoomRequest.class))))
        .get("/api/rooms/{id}", Access.USER,
            r -> ApiResponse.ok(rooms.get(r.caller(), r.idParam("id", "room"))));
  }
}
