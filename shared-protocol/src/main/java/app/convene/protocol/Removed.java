package app.convene.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Server to client: this participant is no longer in the room's call, and why. The server has
 * already taken it out of the room (the others got {@link PeerLeft} {@link PeerLeft.Reason#LEFT});
 * the client ends the call and tells its user the reason. The socket stays open. A client must
 * never send one (the server answers {@link ErrorCode#INVALID_FIELD}).
 *
 * @param room the room left
 * @param reason why
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Removed(String room, Reason reason) implements SignalMessage {
  public Removed {
    Fields.required(room, "room");
    Fields.required(reason, "reason");
  }

  /** Why a participant was taken out of a call. */
  public enum Reason {
    /** The room's host removed this participant. */
    REMOVED_BY_HOST,
    /** The room's host ended the meeting for everyone. */
    ENDED_BY_HOST,
    /** The meeting's organiser removed this participant from the meeting's attendees. */
    UNINVITED,
    /** The meeting's organiser cancelled the meeting. */
    MEETING_CANCELLED
  }
}
