package app.convene.client.call;

import app.convene.client.tls.ServerTrust;
import java.net.URI;
import java.util.Objects;

/**
 * Everything needed to join a room's call.
 *
 * @param server the signaling URL, e.g. {@code ws://127.0.0.1:8787/signal}
 * @param accessToken the account's current access token
 * @param roomId the room
 * @param invite the room's invite token when that is what admits us, else {@code null}
 * @param name the display name the others see
 * @param trust the certificate authorities trusted for {@code wss://}
 */
public record JoinTicket(URI server, String accessToken, String roomId, String invite, String name,
    ServerTrust trust) {
  /** A ticket that trusts the system's authorities. */
  public JoinTicket(URI server, String accessToken, String roomId, String invite, String name) {
    this(server, accessToken, roomId, invite, name, ServerTrust.system());
  }

  public JoinTicket {
    Objects.requireNonNull(trust, "trust == null");
    Objects.requireNonNull(server, "server == null");
    Objects.requireNonNull(accessToken, "accessToken == null");
    Objects.requireNonNull(roomId, "roomId == null");
    Objects.requireNonNull(name, "name == null");
  }

  /** The signaling URL of a server's HTTP base address ({@code http://h:p} → {@code ws://h:p/signal}). */
  public static URI signalingUri(URI httpBase) {
    String scheme = "https".equals(httpBase.getScheme()) ? "wss" : "ws";
    return URI.create(scheme + "://" + httpBase.getAuthority() + "/signal");
  }
}
