package app.convene.server;

import java.util.Objects;

/**
 * Where the server listens.
 *
 * @param host the address to listen on; {@code 0.0.0.0} for every interface
 * @param port the TCP port; 0 picks a free one (see {@link SignalingServer#port()})
 * @param acceptQueueSize how many connections the operating system may hold for the server before
 *     it accepts them (the listen backlog; Linux caps it at {@code net.core.somaxconn}); a burst
 *     beyond it makes clients wait for their TCP retries, seconds each
 */
public record NetworkSettings(String host, int port, int acceptQueueSize) {
  static final int MAX_PORT = 65_535;
  static final int MAX_ACCEPT_QUEUE_SIZE = 65_535;

  /** Loopback on port 8787, a listen backlog of 1024. */
  public static final NetworkSettings DEFAULT = new NetworkSettings("127.0.0.1", 8787, 1024);

  public NetworkSettings {
    Objects.requireNonNull(host, "host == null");
    if (host.isBlank()) {
      throw new IllegalArgumentException("host is blank");
    }
    SettingChecks.inRange("port", port, 0, MAX_PORT);
    SettingChecks.inRange("acceptQueueSize", acceptQueueSize, 1, MAX_ACCEPT_QUEUE_SIZE);
  }

  public NetworkSettings withHost(String host) {
    return new NetworkSettings(host, port, acceptQueueSize);
  }

  public NetworkSettings withPort(int port) {
    return new NetworkSettings(host, port, acceptQueueSize);
  }
}
