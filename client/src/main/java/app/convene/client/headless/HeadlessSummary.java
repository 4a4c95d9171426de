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
 * @param error why the participant could not take part, or {@code null}
 */
public record HeadlessSummary(
    boolean ok,
    String roomId,
    String peerId,
    long durationMs,
    Sent sent,
    Reconnections reconnections,
    List<PeerSummary> peers,
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

  /**
   * Intervals without a newly decoded frame of one peer, from its first frame on.
   *
   * @param longestMs the longest, the one still open at the end included
   * @param over500ms how many exceeded half a second
   */
  public record MediaGaps(long longestMs, int over500ms) {}

  /** Whether any peer's video stopped too long, or a peer still in the room was lost. */
  static boolean troubled(List<PeerSummary> peers) {
    return peers.stream().anyMatch(p -> p.mediaGaps().longestMs() > MAX_MEDIA_GAP_MS
        || !("CONNECTED".equals(p.state()) || p.left()));
  }

  /** What this participant sent. */
  public record Sent(String source, int width, int height, long frames) {}

  /** What this participant received from one peer. */
  public record PeerSummary(
      String peerId,
      String name,
      String state,
      boolean left,
      long framesDecoded,
      int width,
      int height,
      long firstFrameMs,
      double rttMs,
      long packetsReceived,
      long packetsLost,
      double lossPercent,
      long framesSent,
      int sentWidth,
      int sentHeight,
      String sendLimitation,
      double decodedFps,
      MediaGaps mediaGaps,
      String route) {

    static PeerSummary of(PeerStats s, boolean left) {
      return new PeerSummary(
          s.peerId(), s.name(), s.state(), left, s.framesDecoded(), s.width(), s.height(),
          s.firstFrameMs(), Math.round(s.rttMs() * 100) / 100.0, s.packetsReceived(),
          s.packetsLost(), Math.round(s.lossPercent() * 100) / 100.0, s.framesSent(),
          s.sentWidth(), s.sentHeight(), s.limitation(), s.decodedFps(),
          new MediaGaps(s.longestGapMs(), s.gaps()), s.route());
    }
  }
}
