package app.convene.server;

import app.convene.protocol.IceServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How a signaling server runs. Immutable; start from {@link #defaults()} and change it with the
 * {@code with…} methods, or read it from a command line and the environment with {@link
 * #parse(String[], Map)}.
 *
 * @param host the address to listen on; {@code 0.0.0.0} for every interface
 * @param port the TCP port; 0 picks a free one (see {@link SignalingServer#port()})
 * @param maxPeersPerRoom how many participants a room admits
 * @param maxMessageBytes the largest client message handled, in UTF-8 bytes; a larger one is
 *     answered with {@code MESSAGE_TOO_LARGE}, and one over {@value
 *     SignalingServer#HARD_LIMIT_FACTOR} times this closes the socket with status 1009
 * @param maxQueuedMessages how many messages may wait for a client that reads slowly before it is
 *     disconnected as a slow consumer
 * @param idleTimeout how long a connection may be silent (no frame either way) before it is closed
 * @param pingInterval how often the server pings each connection; keep it well under {@code
 *     idleTimeout}
 * @param shutdownGrace how long {@link SignalingServer#close()} waits for clients to close
 * @param iceServers the STUN and TURN servers handed to clients, in this order
 * @param turnSecret the secret shared with the TURN server for TURN REST credentials, or {@code
 *     null} to hand TURN entries out as configured
 * @param turnCredentialTtl how long issued TURN credentials stay valid
 */
public record ServerConfig(
    String host,
    int port,
    int maxPeersPerRoom,
    int maxMessageBytes,
    int maxQueuedMessages,
    Duration idleTimeout,
    Duration pingInterval,
    Duration shutdownGrace,
    List<IceServer> iceServers,
    String turnSecret,
    Duration turnCredentialTtl) {

  static final int MAX_PORT = 65_535;
  static final int MAX_PEERS_PER_ROOM = 1_000;
  static final int MIN_MESSAGE_BYTES = 256;
  static final int MAX_MESSAGE_BYTES = 16 * 1024 * 1024;
  static final int MAX_QUEUED_MESSAGES = 100_000;

  public ServerConfig {
    Objects.requireNonNull(host, "host == null");
    if (host.isBlank()) {
      throw new IllegalArgumentException("host is blank");
    }
    inRange("port", port, 0, MAX_PORT);
    inRange("maxPeersPerRoom", maxPeersPerRoom, 1, MAX_PEERS_PER_ROOM);
    inRange("maxMessageBytes", maxMessageBytes, MIN_MESSAGE_BYTES, MAX_MESSAGE_BYTES);
    inRange("maxQueuedMessages", maxQueuedMessages, 1, MAX_QUEUED_MESSAGES);
    positive("idleTimeout", idleTimeout);
    positive("pingInterval", pingInterval);
    Objects.requireNonNull(shutdownGrace, "shutdownGrace == null");
    if (shutdownGrace.isNegative()) {
      throw new IllegalArgumentException("shutdownGrace is negative: " + shutdownGrace);
    }
    iceServers = List.copyOf(Objects.requireNonNull(iceServers, "iceServers == null"));
    if (turnSecret != null && turnSecret.isBlank()) {
      throw new IllegalArgumentException("turnSecret is blank; use null for none");
    }
    positive("turnCredentialTtl", turnCredentialTtl);
  }

  /**
   * Loopback on port 8787, 10 peers a room, 64 KiB messages, 256 queued messages, 60 s idle
   * timeout, a ping every 20 s, 5 s shutdown grace, no ICE servers, no TURN secret, 12 h TURN
   * credentials.
   */
  public static ServerConfig defaults() {
    return new ServerConfig(
        "127.0.0.1",
        8787,
        10,
        64 * 1024,
        256,
        Duration.ofSeconds(60),
        Duration.ofSeconds(20),
        Duration.ofSeconds(5),
        List.of(),
        null,
        Duration.ofHours(12));
  }

  /**
   * Reads a configuration from {@code --name=value} flags and {@code CONVENE_NAME} environment
   * variables, over {@link #defaults()}; a flag wins over its variable. Run the server with {@code
   * --help} for the list.
   *
   * @throws IllegalArgumentException naming the flag (or variable) when a value is wrong
   */
  public static ServerConfig parse(String[] args, Map<String, String> env) {
    return ConfigParser.parse(args, env);
  }

  public ServerConfig withHost(String host) {
    return new ServerConfig(host, port, maxPeersPerRoom, maxMessageBytes, maxQueuedMessages,
        idleTimeout, pingInterval, shutdownGrace, iceServers, turnSecret, turnCredentialTtl);
  }

  public ServerConfig withPort(int port) {
    return new ServerConfig(host, port, maxPeersPerRoom, maxMessageBytes, maxQueuedMessages,
        idleTimeout, pingInterval, shutdownGrace, iceServers, turnSecret, turnCredentialTtl);
  }

  public ServerConfig withMaxPeersPerRoom(int maxPeersPerRoom) {
    return new ServerConfig(host, port, maxPeersPerRoom, maxMessageBytes, maxQueuedMessages,
        idleTimeout, pingInterval, shutdownGrace, iceServers, turnSecret, turnCredentialTtl);
  }

  public ServerConfig withMaxMessageBytes(int maxMessageBytes) {
    return new ServerConfig(host, port, maxPeersPerRoom, maxMessageBytes, maxQueuedMessages,
        idleTimeout, pingInterval, shutdownGrace, iceServers, turnSecret, turnCredentialTtl);
  }

  public ServerConfig withMaxQueuedMessages(int maxQueuedMessages) {
    return new ServerConfig(host, port, maxPeersPerRoom, maxMessageBytes, maxQueuedMessages,
        idleTimeout, pingInterval, shutdownGrace, iceServers, turnSecret, turnCredentialTtl);
  }

  public ServerConfig withIdleTimeout(Duration idleTimeout) {
    return new ServerConfig(host, port, maxPeersPerRoom, maxMessageBytes, maxQueuedMessages,
        idleTimeout, pingInterval, shutdownGrace, iceServers, turnSecret, turnCredentialTtl);
  }

  public ServerConfig withPingInterval(Duration pingInterval) {
    return new ServerConfig(host, port, maxPeersPerRoom, maxMessageBytes, maxQueuedMessages,
        idleTimeout, pingInterval, shutdownGrace, iceServers, turnSecret, turnCredentialTtl);
  }

  public ServerConfig withShutdownGrace(Duration shutdownGrace) {
    return new ServerConfig(host, port, maxPeersPerRoom, maxMessageBytes, maxQueuedMessages,
        idleTimeout, pingInterval, shutdownGrace, iceServers, turnSecret, turnCredentialTtl);
  }

  public ServerConfig withIceServers(List<IceServer> iceServers) {
    return new ServerConfig(host, port, maxPeersPerRoom, maxMessageBytes, maxQueuedMessages,
        idleTimeout, pingInterval, shutdownGrace, iceServers, turnSecret, turnCredentialTtl);
  }

  public ServerConfig withTurnSecret(String turnSecret) {
    return new ServerConfig(host, port, maxPeersPerRoom, maxMessageBytes, maxQueuedMessages,
        idleTimeout, pingInterval, shutdownGrace, iceServers, turnSecret, turnCredentialTtl);
  }

  public ServerConfig withTurnCredentialTtl(Duration turnCredentialTtl) {
    return new ServerConfig(host, port, maxPeersPerRoom, maxMessageBytes, maxQueuedMessages,
        idleTimeout, pingInterval, shutdownGrace, iceServers, turnSecret, turnCredentialTtl);
  }

  /** Like the record's own, but never shows the TURN secret or ICE credentials. */
  @Override
  public String toString() {
    return "ServerConfig[host=" + host + ", port=" + port + ", maxPeersPerRoom=" + maxPeersPerRoom
        + ", maxMessageBytes=" + maxMessageBytes + ", maxQueuedMessages=" + maxQueuedMessages
        + ", idleTimeout=" + idleTimeout + ", pingInterval=" + pingInterval
        + ", shutdownGrace=" + shutdownGrace + ", iceServers=" + iceServers.stream().map(IceServer::urls).toList()
        + ", turnSecret=" + (turnSecret == null ? "none" : "(hidden)")
        + ", turnCredentialTtl=" + turnCredentialTtl + "]";
  }

  private static void inRange(String name, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          name + " must be between " + min + " and " + max + ": " + value);
    }
  }

  private static void positive(String name, Duration value) {
    Objects.requireNonNull(value, name + " == null");
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive: " + value);
    }
  }
}
