package app.convene.client.call;

import dev.onvoid.webrtc.RTCStats;
import dev.onvoid.webrtc.RTCStatsReport;
import dev.onvoid.webrtc.RTCStatsType;
import java.util.Map;

/** Reads the figures the app shows out of a WebRTC stats report. */
final class StatsReader {
  private StatsReader() {}

  static PeerStats read(PeerLink link, RTCStatsReport report, long joinNanos) {
    double rttMs = -1;
    long received = 0;
    long lost = 0;
    long framesSent = 0;
    for (RTCStats stats : report.getStats().values()) {
      Map<String, Object> a = stats.getAttributes();
      if (stats.getType() == RTCStatsType.CANDIDATE_PAIR
          && Boolean.TRUE.equals(a.get("nominated"))
          && "succeeded".equals(String.valueOf(a.get("state")))
          && a.get("currentRoundTripTime") instanceof Number rtt) {
        rttMs = rtt.doubleValue() * 1000;
      } else if (stats.getType() == RTCStatsType.INBOUND_RTP) {
        received += number(a.get("packetsReceived"));
        lost += Math.max(0, number(a.get("packetsLost")));
      } else if (stats.getType() == RTCStatsType.OUTBOUND_RTP && "video".equals(a.get("kind"))) {
        framesSent += number(a.get("framesSent"));
      }
    }
    RemoteVideoMeter meter = link.meter();
    long first = meter.firstFrameNanos();
    long now = System.nanoTime();
    return new PeerStats(
        link.peerId(),
        link.remote().name(),
        link.state().name(),
        meter.frames(),
        meter.width(),
        meter.height(),
        first == 0 ? -1 : (first - joinNanos) / 1_000_000,
        rttMs,
        received,
        lost,
        framesSent,
        meter.longestGapNanos(now) / 1_000_000,
        meter.gaps(now));
  }

  private static long number(Object value) {
    return value instanceof Number n ? n.longValue() : 0;
  }
}
