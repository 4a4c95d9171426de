package app.convene.client.call;

/**
 * A snapshot of one peer connection, for the quality indicator and the headless summary.
 *
 * @param peerId the remote participant
 * @param name their display name
 * @param state the connection state, e.g. "CONNECTED"
 * @param framesDecoded remote video frames decoded so far
 * @param width width of the last decoded remote frame, 0 before the first
 * @param height height of the last decoded remote frame
 * @param firstFrameMs milliseconds from our join to the first decoded frame of this peer, or -1
 * @param rttMs the current round-trip time of the selected candidate pair, or -1
 * @param packetsReceived inbound RTP packets (audio and video)
 * @param packetsLost inbound RTP packets lost (audio and video)
 * @param framesSent video frames we sent to this peer
 * @param longestGapMs the longest interval without a newly decoded frame of this peer since its
 *     first, up to this snapshot; 0 before the first frame
 * @param gaps how many such intervals exceeded {@link RemoteVideoMeter#GAP_NANOS} (0.5 s)
 * @param sentWidth width of the video we encode for this peer now, 0 before the first frame
 * @param sentHeight height of the video we encode for this peer now
 * @param limitation what limits the video we send to this peer: "none", "cpu", "bandwidth" or
 *     "other" (the WebRTC {@code qualityLimitationReason})
 * @param sendLossPercent the share of our video packets this peer reports lost, in percent
 * @param decodedFps remote frames decoded per second since the first one (0 before it)
 * @param route the type of our local candidate in the selected pair: "host", "srflx", "prflx" or
 *     "relay" (through a TURN server); "" before a pair was selected
 */
public record PeerStats(
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
    long framesSent,
    long longestGapMs,
    int gaps,
    int sentWidth,
    int sentHeight,
    String limitation,
    double sendLossPercent,
    double decodedFps,
    String route) {

  /** Lost packets as a percentage of expected packets, 0 when nothing arrived yet. */
  public double lossPercent() {
    long expected = packetsReceived + packetsLost;
    return expected == 0 ? 0 : 100.0 * packetsLost / expected;
  }
}
