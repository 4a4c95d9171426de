package app.convene.protocol;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * Server to client: the join succeeded.
 *
 * @param protocol the protocol version the server speaks
 * @param roomId the id of the room joined; read from {@code room} as well, and also written as
 *     {@code room} while version-1 clients are supported ({@link #version1Fields()})
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
    @JsonAlias("room") String roomId,
    String peerId,
    List<Peer> peers,
    List<IceServer> iceServers,
    int maxPeers,
    String resumeToken)
    implements SignalMessage {
  public Joined {
    Fields.required(roomId, "roomId");
    Fields.required(peerId, "peerId");
    peers = List.copyOf(Fields.required(peers, "peers"));
    iceServers = iceServers == null ? List.of() : List.copyOf(iceServers);
  }

  public Joined(
      int protocol, String roomId, String peerId, List<Peer> peers, List<IceServer> iceServers,
      int maxPeers) {
    this(protocol, roomId, peerId, peers, iceServers, maxPeers, null);
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
}
