package app.convene.client.call;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A snapshot of one peer connection: the one record of a peer's figures, for the quality
 * indicator, the send ladder and, as it is, in the headless summary's JSON.
 *
 * @param peerId the remote participant
 * @param name their display name
 * @param state the connection state, e.g. "CONNECTED"
 * @param left whether the peer had left the room when the snapshot was reported (a live link's
 *     snapshot is never left; the headless summary marks those that left, {@link #departed})
 * @param framesDecoded remote video frames decoded so far
 * @param width width of the last decoded remote frame, 0 before the first
 * @param height height of the last decoded remote frame
 * @param firstFrameMs milliseconds from our join to the first decoded frame of this peer, or -1
 * @param rttMs the current round-trip time of the selected candidate pair (to 0.01 ms), or -1
 * @param packetsReceived inbound RTP packets (audio and video)
 * @param packetsLost inbound RTP packets lost (audio and video)
 * @param framesSent video frames we sent to this peer
 * @param sentWidth width of the video we encode for this peer now, 0 before the first frame
 * @param sentHeight height of the video we encode for this peer now
 * @param sendLimitation what limits the video we send to this peer: "none", "cpu", "bandwidth"
 *     or "other" (the WebRTC {@code qualityLimitationReason})
 * @param sendLossPercent the share of our video packets this peer reports lost, in percent
 * @param decodedFps remote frames decoded per second since the first one (0 before it)
 * @param mediaGaps intervals without a newly decoded frame of this peer since its first
 * @param route the type of our local candidate in the selected pair: "host", "srflx", "prflx" or
 *     "relay" (through a TURN server); "" before a pair was selected
 * @param videoBytesSent bytes of video payload we sent to this peer so far
 * @param encodeMillis milliseconds our encoder spent on this peer's video so far
 */
public record PeerStats(
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
    long framesSent,
    int sentWidth,
    int sentHeight,
    String sendLimitation,
    double sendLossPercent,
    double decodedFps,
    MediaGaps mediaGaps,
    String route,
    long videoBytesSent,
    double encodeMillis) {

  /** Figures without the encoder's totals (0). */
  public PeerStats(String peerId, String name, String state, boolean left, long framesDecoded,
      int width, int height, long firstFrameMs, double rttMs, long packetsReceived,
      long packetsLost, long framesSent, int sentWidth, int sentHeight, String sendLimitation,
      double sendLossPercent, double decodedFps, MediaGaps mediaGaps, String route) {
    this(peerId, name, state, left, framesDecoded, width, height, firstFrameMs, rttMs,
        packetsReceived, packetsLost, framesSent, sentWidth, sentHeight, sendLimitation,
        sendLossPercent, decodedFps, mediaGaps, route, 0, 0);
  }

  /**
   * Intervals without a newly decoded frame of one peer, from its first frame on, up to the
   * snapshot.
   *
   * @param longestMs the longest, the one still open included; 0 before the first frame
   * @param over500ms how many exceeded {@link RemoteVideoMeter#GAP_NANOS} (0.5 s)
   */
  public record MediaGaps(long longestMs, int over500ms) {}

  /** Lost packets as a percentage of expected packets (to 0.01), 0 when nothing arrived yet. */
  @JsonProperty("lossPercent")
  public double lossPercent() {
    long expected = packetsReceived + packetsLost;
    return expected == 0 ? 0 : Math.round(10_000.0 * packetsLost / expected) / 100.0;
  }

  /** This snapshot, marked as that of a peer who has left the room. */
  public PeerStats departed() {
    return new PeerStats(peerId, name, state, true, framesDecoded, width, height, firstFrameMs,
        rttMs, packetsReceived, packetsLost, framesSent, sentWidth, sentHeight, sendLimitation,
        sendLossPercent, decodedFps, mediaGaps, route, videoBytesSent, encodeMillis);
  }
}
