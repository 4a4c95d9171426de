package app.convene.protocol;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * Server to client: this participant is no longer in the room's call, and why. The server has
 * already taken it out of the room (the others got {@link PeerLeft} {@link PeerLeft.Reason#LEFT});
 * the client ends the call and tells its user the reason. The socket stays open. A client must
 * never send one (the server answers {@link ErrorCode#INVALID_FIELD}).
 *
 * @param roomId the id of the room left; read from {@code room} as well, and also written as
 *     {@code room} while version-1 clients are supported ({@link #version1Fields()})
 * @param reason why
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Removed(@JsonAlias("room") String roomId, Reason reason) implements SignalMessage {
  public Removed {
    Fields.required(roomId, "roomId");
    Fields.required(reason, "reason");
  }

  /**
   * The fields a version-1 client requires that version 2 renamed: {@code room}, the room's id,
   * while {@link ProtocolVersion#OLDEST_SUPPORTED} is 1. Written only (an any-getter is no
   * property, so reading {@code room} stays {@link #roomId()}'s alias).
   */
  @JsonAnyGetter
  Map<String, Object> version1Fields() {
    return ProtocolVersion.writesVersion1Fields() ? Map.of("room", roomId) : Map.of();
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
