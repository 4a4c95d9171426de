package app.convene.protocol;

/**
 * Client to server: enter a room. Answered by {@link Joined} or an {@link ErrorMessage}.
 *
 * @param protocol the protocol version the client speaks ({@link ProtocolVersion#CURRENT})
 * @param room the room name
 * @param name the participant's display name
 */
public record Join(int protocol, String room, String name) implements SignalMessage {
  public Join {
    Fields.required(room, "room");
    Fields.required(name, "name");
  }

  public Join(String room, String name) {
    this(ProtocolVersion.CURRENT, room, name);
  }
}
