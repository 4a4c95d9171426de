package app.convene.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Server to the members of a room: someone joined; expect their offer.
 *
 * @param peer the newcomer
 * @param iceServers fresh STUN/TURN servers for the recipient's connection to the newcomer, from a
 *     server that issues short-lived TURN credentials; {@code null} (absent) when the ones from
 *     {@link Joined#iceServers()} still apply
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PeerJoined(Peer peer, List<IceServer> iceServers) implements SignalMessage {
  public PeerJoined {
    Fields.required(peer, "peer");
    iceServers = iceServers == null ? null : List.copyOf(iceServers);
  }

  /** A notice without ICE servers: the recipient keeps the ones it has. */
  public PeerJoined(Peer peer) {
    this(peer, null);
  }
}
