package app.convene.client.headless;

import app.convene.client.call.PeerStats;
import java.util.List;

/**
 * The one-line JSON a headless participant prints when it leaves.
 *
 * @param ok whether the call went well (the exit status follows it): remote video was decoded, no
 *     peer's video stopped for longer than {@link #MAX_MEDIA_GAP_MS}, no known peer ended up not
 *     connected, and the call did not end before the participant left
 * @param roomId the id of the room joined
 * @param peerId this participant's peer id
 * @param reconnections how often the signaling connection dropped and came back
 * @param peers what the participant received from each peer, the last figures of every peer seen
 *     (those that left marked {@code left})
 * @param error why the participant could not take part, or {@code null}
 */
public record HeadlessSummary(
    boolean ok,
    String roomId,
    String peerId,
    long durationMs,
    Sent sent,
    Reconnections reconnections,
    List<PeerStats> peers,
    String error) {

  /** Remote video that stopped for longer than this makes the summary not ok: 2 s. */
  public static final long MAX_MEDIA_GAP_MS = 2_000;

  /**
   * The signaling connection's drops during the call.
   *
   * @param count how many times the participant came back into the room
   * @param backMs for each, milliseconds from the drop until the server had us back
   * @param pending whether the connection was down when the participant left
   */
  public record Reconnections(int count, List<Long> backMs, boolean pending) {
    public Reconnections {
      backMs = List.copyOf(backMs);
    }
  }

  /** Whether any peer's video stopped too long, or a peer still in the room was lost. */
  static boolean troubled(List<PeerStats> peers) {
    return peers.stream().anyMatch(p -> p.mediaGaps().longestMs() > MAX_MEDIA_GAP_MS
        || !("CONNECTED".equals(p.state()) || p.left()));
  }

  /** What this participant sent. */
  public record Sent(String source, int width, int height, long frames) {}
}
