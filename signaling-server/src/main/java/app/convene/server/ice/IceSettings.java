package app.convene.server.ice;

import app.convene.protocol.IceServer;
import app.convene.server.SettingChecks;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The STUN and TURN servers handed to clients, and the TURN credentials made for them (see
 * {@link IceServerIssuer}).
 *
 * @param servers the STUN and TURN servers handed to clients, in this order
 * @param turnSecret the secret shared with the TURN server for TURN REST credentials, or {@code
 *     null} to hand TURN entries out as configured; never logged
 * @param turnCredentialTtl how long issued TURN credentials stay valid
 */
public record IceSettings(List<IceServer> servers, String turnSecret, Duration turnCredentialTtl) {
  /** No ICE servers, no TURN secret, 1 h TURN credentials. */
  public static final IceSettings DEFAULT = new IceSettings(List.of(), null, Duration.ofHours(1));

  public IceSettings {
    servers = List.copyOf(Objects.requireNonNull(servers, "servers == null"));
    SettingChecks.nullOrNotBlank("turnSecret", turnSecret);
    SettingChecks.positive("turnCredentialTtl", turnCredentialTtl);
  }

  public IceSettings withServers(List<IceServer> servers) {
    return new IceSettings(servers, turnSecret, turnCredentialTtl);
  }

  public IceSettings withTurnSecret(String turnSecret) {
    return new IceSettings(servers, turnSecret, turnCredentialTtl);
  }

  public IceSettings withTurnCredentialTtl(Duration turnCredentialTtl) {
    return new IceSettings(servers, turnSecret, turnCredentialTtl);
  }

  /** Like the record's own, but shows neither the secret nor ICE credentials. */
  @Override
  public String toString() {
    return "IceSettings[servers=" + servers.stream().map(IceServer::urls).toList()
        + ", turnSecret=" + (turnSecret == null ? "none" : "(hidden)")
        + ", turnCredentialTtl=" + turnCredentialTtl + "]";
  }
}
