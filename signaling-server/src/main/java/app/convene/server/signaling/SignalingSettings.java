package app.convene.server.signaling;

import app.convene.server.SettingChecks;
import java.time.Duration;

/**
 * The limits and timers of the signaling sockets and the rooms they join.
 *
 * @param maxPeersPerRoom the {@code maxUsers} of a new room when its creator names none
 * @param maxMessageBytes the largest client message handled, in UTF-8 bytes; a larger one is
 *     answered with {@code MESSAGE_TOO_LARGE}, and one over {@code
 *     SignalingServer.HARD_LIMIT_FACTOR} times this closes the socket with status 1009
 * @param maxQueuedMessages how many messages may wait for a client that reads slowly before it is
 *     disconnected as a slow consumer
 * @param idleTimeout how long a connection may be silent (no frame either way) before it is closed
 * @param pingInterval how often the server pings each connection; keep it well under {@code
 *     idleTimeout}; it must be shorter, or idle clients are disconnected
 * @param shutdownGrace how long a shutdown waits for clients to close
 * @param resumeGrace how long the room keeps the place of a participant whose socket dropped, for
 *     it to come back with its resume token, before the others get {@code peer-left}; zero
 *     announces the drop at once
 */
public record SignalingSettings(
    int maxPeersPerRoom,
    int maxMessageBytes,
    int maxQueuedMessages,
    Duration idleTimeout,
    Duration pingInterval,
    Duration shutdownGrace,
    Duration resumeGrace) {
  public static final int MAX_PEERS_PER_ROOM = 1_000;
  public static final int MIN_MESSAGE_BYTES = 256;
  public static final int MAX_MESSAGE_BYTES = 16 * 1024 * 1024;
  public static final int MAX_QUEUED_MESSAGES = 100_000;

  /**
   * 8 users a room (the largest mesh measured to carry every link, docs/benchmarks.md, "Mesh
   * calls"), 64 KiB messages, 256 queued messages, 60 s idle timeout, a ping every 20 s, 5 s
   * shutdown grace, 30 s resume grace.
   */
  public static final SignalingSettings DEFAULT = new SignalingSettings(8, 64 * 1024, 256,
      Duration.ofSeconds(60), Duration.ofSeconds(20), Duration.ofSeconds(5),
      Duration.ofSeconds(30));

  public SignalingSettings {
    SettingChecks.inRange("maxPeersPerRoom", maxPeersPerRoom, 1, MAX_PEERS_PER_ROOM);
    SettingChecks.inRange("maxMessageBytes", maxMessageBytes, MIN_MESSAGE_BYTES, MAX_MESSAGE_BYTES);
    SettingChecks.inRange("maxQueuedMessages", maxQueuedMessages, 1, MAX_QUEUED_MESSAGES);
    SettingChecks.positive("idleTimeout", idleTimeout);
    SettingChecks.positive("pingInterval", pingInterval);
    if (pingInterval.compareTo(idleTimeout) >= 0) {
      throw new IllegalArgumentException("pingInterval (" + pingInterval + ") must be shorter"
          + " than idleTimeout (" + idleTimeout + "), or idle clients are disconnected");
    }
    SettingChecks.notNegative("shutdownGrace", shutdownGrace);
    SettingChecks.notNegative("resumeGrace", resumeGrace);
  }

  public SignalingSettings withMaxPeersPerRoom(int maxPeersPerRoom) {
    return new SignalingSettings(maxPeersPerRoom, maxMessageBytes, maxQueuedMessages, idleTimeout,
        pingInterval, shutdownGrace, resumeGrace);
  }

  public SignalingSettings withMaxMessageBytes(int maxMessageBytes) {
    return new SignalingSettings(maxPeersPerRoom, maxMessageBytes, maxQueuedMessages, idleTimeout,
        pingInterval, shutdownGrace, resumeGrace);
  }

  public SignalingSettings withMaxQueuedMessages(int maxQueuedMessages) {
    return new SignalingSettings(maxPeersPerRoom, maxMessageBytes, maxQueuedMessages, idleTimeout,
        pingInterval, shutdownGrace, resumeGrace);
  }

  /** The idle timeout and the ping interval together, since one must stay under the other. */
  public SignalingSettings withKeepAlive(Duration idleTimeout, Duration pingInterval) {
    return new SignalingSettings(maxPeersPerRoom, maxMessageBytes, maxQueuedMessages, idleTimeout,
        pingInterval, shutdownGrace, resumeGrace);
  }

  public SignalingSettings withShutdownGrace(Duration shutdownGrace) {
    return new SignalingSettings(maxPeersPerRoom, maxMessageBytes, maxQueuedMessages, idleTimeout,
        pingInterval, shutdownGrace, resumeGrace);
  }

  public SignalingSettings withResumeGrace(Duration resumeGrace) {
    return new SignalingSettings(maxPeersPerRoom, maxMessageBytes, maxQueuedMessages, idleTimeout,
        pingInterval, shutdownGrace, resumeGrace);
  }
}
