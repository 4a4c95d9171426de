package app.convene.protocol;

/**
 * Server to the members of a room: someone left; close the peer connection to them.
 *
 * @param peerId the peer that left
 * @param reason why: {@link Reason#LEFT} when they said so, {@link Reason#DISCONNECTED} when their
 *     socket dropped or was closed by the server
 */
public record PeerLeft(String peerId, Reason reason) implements SignalMessage {
  public PeerLeft {
    Fields.required(peerId, "peerId");
    Fields.required(reason, "reason");
  }

  /** Why a peer left a room. */
  public enum Reason {
    LEFT,
    DISCONNECTED
  }
}
