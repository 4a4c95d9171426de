package app.convene.client.headless;

import app.convene.client.call.PeerStats;
import java.util.List;

/**
 * The one-line JSON a headless participant prints when it leaves.
 *
 * @param ok whether remote video was decoded (the exit status follows it)
 * @param error why the participant could not take part, or {@code null}
 */
public record HeadlessSummary(
    boolean ok,
    String room,
    String peerId,
    long durationMs,
    Sent sent,
    List<PeerSummary> peers,
    String error) {

  /** What this participant sent. */
  public record Sent(String source, int width, int height, long frames) {}

  /** What this participant received from one peer. */
  public record PeerSummary(
      String peerId,
      String name,
      String state,
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
      double decodedFps) {

    static PeerSummary of(PeerStats s) {
      return new PeerSummary(
          s.peerId(), s.name(), s.state(), s.framesDecoded(), s.width(), s.height(),
          s.firstFrameMs(), Math.round(s.rttMs() * 100) / 100.0, s.packetsReceived(),
          s.packetsLost(), Math.round(s.lossPercent() * 100) / 100.0, s.framesSent(),
          s.sentWidth(), s.sentHeight(), s.limitation(), s.decodedFps());
    }
  }
}
