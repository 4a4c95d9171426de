package app.convene.server.throttle;

import app.convene.server.http.ApiException;
import app.convene.server.rooms.RoomService;
import app.convene.server.signaling.RoomGate;
import app.convene.server.throttle.Throttle.Action;
import java.util.Objects;
import java.util.Optional;

/**
 * Puts the {@link Throttle} around joins with an invite token, by user: a join refused with an
 * invite token counts as a failed guess, and while the user must wait, a join with an invite token
 * is refused like a wrong one (without asking the database). Joins without a token are not
 * throttled: they can only open rooms the user hosts or is invited to.
 */
public final class ThrottledGate {
  private ThrottledGate() {}

  public static RoomGate wrap(RoomGate gate, Throttle throttle) {
    Objects.requireNonNull(gate, "gate == null");
    Objects.requireNonNull(throttle, "throttle == null");
    return (caller, roomId, invite) -> {
      if (invite == null) {
        return gate.admit(caller, roomId, null);
      }
      String account = caller.id().toString();
      try {
        throttle.check(Action.INVITE_JOIN, account, null);
      } catch (ApiException tooMany) {
        return Optional.empty();
      }
      Optional<RoomService.Grant> grant = gate.admit(caller, roomId, invite);
      if (grant.isEmpty()) {
        throttle.failed(Action.INVITE_JOIN, account, null, "invite_refused");
      } else {
        throttle.succeeded(Action.INVITE_JOIN, account, null);
      }
      return grant;
    };
  }
}
