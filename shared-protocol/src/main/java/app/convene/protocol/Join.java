package app.convene.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Client to server: enter a room. Answered by {@link Joined} or an {@link ErrorMessage}.
 *
 * @param protocol the protocol version the client speaks ({@link ProtocolVersion#CURRENT})
 * @param room the room: its id on a server with accounts
 * @param name the participant's display name
 * @param invite the room's invite token, when that is what admits this participant; else
 *     {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Join(int protocol, String room, String name, String invite) implements SignalMessage {
  public Join {
    Fields.required(room, "room");
    Fields.required(name, "name");
  }

  public Join(String room, String name) {
    this(ProtocolVersion.CURRENT, room, name, null);
  }

  public Join(String room, String name, String invite) {
    this(ProtocolVersion.CURRENT, room, name, invite);
  }
}
