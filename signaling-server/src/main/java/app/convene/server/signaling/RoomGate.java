package app.convene.server.signaling;

import app.convene.server.http.Caller;
import app.convene.server.rooms.RoomService;
import java.util.Optional;

/** Decides who may join which room's call; {@link RoomService#admit} in the server. */
@FunctionalInterface
public interface RoomGate {
  /**
   * Called on the joining connection's thread, holding no lock; may block on the database.
   *
   * @param roomId the stripped {@code join.roomId}
   * @param invite the {@code join.invite} token, or {@code null}
   * @return the room's grant, or empty when the room does not exist or the caller may not join it
   */
  Optional<RoomService.Grant> admit(Caller caller, String roomId, String invite);
}
