package app.convene.server.rooms;

import app.convene.protocol.Removed;
import app.convene.server.http.ApiException;
import app.convene.server.http.ApiResponse;
import app.convene.server.http.Router;
import app.convene.server.http.Router.Access;
import java.util.Objects;

/**
 * The host's controls of a room (docs/api.md, "Host controls"): lock and unlock it, renew its
 * invite link, list who is in its call, remove a participant from it, end it for everyone. Only
 * the room's host may use them: others who may see the room get 403, everyone else 404.
 */
public final class HostRoutes {
  private HostRoutes() {}

  public static void addTo(Router router, RoomService rooms, LiveCalls calls) {
    Objects.requireNonNull(router, "router == null");
    Objects.requireNonNull(rooms, "rooms == null");
    Objects.requireNonNull(calls, "calls == null");
    router
        .post("/api/rooms/{id}/lock", Access.USER,
            r -> ApiResponse.ok(rooms.setLocked(r.caller(), r.idParam("id", "room"), true)))
        .delete("/api/rooms/{id}/lock", Access.USER,
            r -> ApiResponse.ok(rooms.setLocked(r.caller(), r.idParam("id", "room"), false)))
        .post("/api/rooms/{id}/invite", Access.USER,
            r -> ApiResponse.ok(rooms.rotateInvite(r.caller(), r.idParam("id", "room"))))
        .get("/api/rooms/{id}/participants", Access.USER, r -> ApiResponse.ok(calls.participants(
            rooms.requireHost(r.caller(), r.idParam("id", "room"), "list the participants"))))
        .delete("/api/rooms/{id}/participants/{peerId}", Access.USER, r -> {
          String roomId = rooms.requireHost(
              r.caller(), r.idParam("id", "room"), "remove a participant");
          if (!calls.remove(roomId, r.pathParam("peerId"), Removed.Reason.REMOVED_BY_HOST)) {
            throw ApiException.notFound("participant");
          }
          return ApiResponse.noContent();
        })
        .post("/api/rooms/{id}/end", Access.USER, r -> {
          String roomId = rooms.requireHost(
              r.caller(), r.idParam("id", "room"), "end the meeting for everyone");
          calls.endAll(roomId, Removed.Reason.ENDED_BY_HOST);
          return ApiResponse.noContent();
        });
  }
}
