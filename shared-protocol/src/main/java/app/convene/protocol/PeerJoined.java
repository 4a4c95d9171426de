package app.convene.protocol;

/** Server to the members of a room: someone joined; expect their offer. */
public record PeerJoined(Peer peer) implements SignalMessage {
  public PeerJoined {
    Fields.required(peer, "peer");
  }
}
