package app.convene.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Server to client: the join succeeded.
 *
 * @param protocol the protocol version the server speaks
 * @param room the room joined
 * @param peerId the id the server gave this connection; other peers address it by this id
 * @param peers the participants already in the room; the newcomer sends each of them an offer
 * @param iceServers the STUN/TURN servers to configure the peer connections with
 * @param maxPeers how many participants the room admits
 * @param resumeToken what to send as {@link Join#resume()} to come back with the same peer id
 *     when the socket drops; {@code null} from a server that cannot resume
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Joined(
    int protocol,
    String room,
    String peerId,
    List<Peer> peers,
    List<IceServer> iceServers,
    int maxPeers,
    String resumeToken)
    implements SignalMessage {
  public Joined {
    Fields.required(room, "room");
    Fields.required(peerId, "peerId");
    peers = List.copyOf(Fields.required(peers, "peers"));
    iceServers = iceServers == null ? List.of() : List.copyOf(iceServers);
  }

  public Joined(
      int protocol, String room, String peerId, List<Peer> peers, List<IceServer> iceServers,
      int maxPeers) {
    this(protocol, room, peerId, peers, iceServers, maxPeers, null);
  }
}
