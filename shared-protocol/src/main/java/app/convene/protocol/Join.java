package app.convene.protocol;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Client to server: enter a room, or come back to it. Answered by {@link Joined} or an {@link
 * ErrorMessage}.
 *
 * @param protocol the protocol version the client speaks ({@link ProtocolVersion#CURRENT})
 * @param roomId the room's id (a meeting's {@code roomId}, a {@code RoomView.id}); read from
 *     {@code room} as well, the field's name in protocol version 1
 * @param name the participant's display name
 * @param invite the room's invite token, when that is what admits this participant; else
 *     {@code null}
 * @param resume the {@link Joined#resumeToken()} of this participant's last {@code joined} in this
 *     room, to come back with the same peer id after its socket dropped (also after a server
 *     restart); {@code null} for a first join. A refused token is answered with {@link
 *     ErrorCode#RESUME_REFUSED}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Join(
    int protocol, @JsonAlias("room") String roomId, String name, String invite, String resume)
    implements SignalMessage {
  public Join {
    Fields.required(roomId, "roomId");
    Fields.required(name, "name");
  }

  public Join(int protocol, String roomId, String name, String invite) {
    this(protocol, roomId, name, invite, null);
  }

  public Join(String roomId, String name) {
    this(ProtocolVersion.CURRENT, roomId, name, null, null);
  }

  public Join(String roomId, String name, String invite) {
    this(ProtocolVersion.CURRENT, roomId, name, invite, null);
  }

  /** The same join, coming back with this resume token. */
  public Join resuming(String token) {
    return new Join(protocol, roomId, name, invite, token);
  }
}
