package app.convene.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Client to server: enter a room, or come back to it. Answered by {@link Joined} or an {@link
 * ErrorMessage}.
 *
 * @param protocol the protocol version the client speaks ({@link ProtocolVersion#CURRENT})
 * @param room the room: its id on a server with accounts
 * @param name the participant's display name
 * @param invite the room's invite token, when that is what admits this participant; else
 *     {@code null}
 * @param resume the {@link Joined#resumeToken()} of this participant's last {@code joined} in this
 *     room, to come back with the same peer id after its socket dropped (also after a server
 *     restart); {@code null} for a first join. A refused token is answered with {@link
 *     ErrorCode#RESUME_REFUSED}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Join(int protocol, String room, String name, String invite, String resume)
    implements SignalMessage {
  public Join {
    Fields.required(room, "room");
    Fields.required(name, "name");
  }

  public Join(int protocol, String room, String name, String invite) {
    this(protocol, room, name, invite, null);
  }

  public Join(String room, String name) {
    this(ProtocolVersion.CURRENT, room, name, null, null);
  }

  public Join(String room, String name, String invite) {
    this(ProtocolVersion.CURRENT, room, name, invite, null);
  }

  /** The same join, coming back with this resume token. */
  public Join resuming(String token) {
    return new Join(protocol, room, name, invite, token);
  }
}
