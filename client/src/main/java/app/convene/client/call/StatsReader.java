package app.convene.client.call;

import dev.onvoid.webrtc.RTCStats;
import dev.onvoid.webrtc.RTCStatsReport;
import dev.onvoid.webrtc.RTCStatsType;
import java.util.Map;

/** Reads the figures the app shows out of a WebRTC stats report. Any thread. */
final class StatsReader {
  private static final PeerStats.MediaGaps NO_GAPS = new PeerStats.MediaGaps(0, 0);

  private StatsReader() {}

  static PeerStats read(PeerLink link, RTCStatsReport report, long joinNanos) {
    double rttMs = -1;
    long received = 0;
    long lost = 0;
    long framesSent = 0;
    int sentWidth = 0;
    int sentHeight = 0;
    String limitation = "none";
    long videoBytes = 0;
    double encodeMillis = 0;
    double sendLoss = 0;
    Object localCandidate = null;
    for (RTCStats stats : report.getStats().values()) {
      Map<String, Object> a = stats.getAttributes();
      if (stats.getType() == RTCStatsType.CANDIDATE_PAIR
          && Boolean.TRUE.equals(a.get("nominated"))
          && "succeeded".equals(String.valueOf(a.get("state")))
          && a.get("currentRoundTripTime") instanceof Number rtt) {
        rttMs = Math.round(rtt.doubleValue() * 100_000) / 100.0; // ms, to 0.01
        localCandidate = a.get("localCandidateId");
      } else if (stats.getType() == RTCStatsType.INBOUND_RTP) {
        received += number(a.get("packetsReceived"));
        lost += Math.max(0, number(a.get("packetsLost")));
      } else if (stats.getType() == RTCStatsType.OUTBOUND_RTP && "video".equals(a.get("kind"))) {
        framesSent += number(a.get("framesSent"));
        videoBytes += number(a.get("bytesSent"));
        if (a.get("totalEncodeTime") instanceof Number seconds) {
          encodeMillis += seconds.doubleValue() * 1000;
        }
        sentWidth = (int) Math.max(sentWidth, number(a.get("frameWidth")));
        sentHeight = (int) Math.max(sentHeight, number(a.get("frameHeight")));
        if (a.get("qualityLimitationReason") instanceof String reason && !reason.equals("none")) {
          limitation = reason;
        }
      } else if (stats.getType() == RTCStatsType.REMOTE_INBOUND_RTP && "video".equals(a.get("kind"))
          && a.get("fractionLost") instanceof Number fraction) {
        sendLoss = Math.max(sendLoss, fraction.doubleValue() * 100);
      }
    }
    RTCStats local = localCandidate == null ? null : report.getStats().get(localCandidate);
    String route = local == null ? "" : String.valueOf(local.getAttributes().get("candidateType"));
    PeerStats figures =
        new PeerStats(link.peerId(), link.remote().name(), link.state().name(), false, 0, 0, 0,
            -1, rttMs, received, lost, framesSent, sentWidth, sentHeight, limitation, sendLoss, 0,
            NO_GAPS, route, videoBytes, encodeMillis);
    return withMeter(link, figures, joinNanos);
  }

  /** Figures before the first report: only the meter's. */
  static PeerStats empty(PeerLink link, long joinNanos) {
    return withMeter(link,
        new PeerStats(link.peerId(), link.remote().name(), link.state().name(), false, 0, 0, 0,
            -1, -1, 0, 0, 0, 0, 0, "none", 0, 0, NO_GAPS, ""),
        joinNanos);
  }

  /** {@code figures} with the link's current state and the meter's current counts. */
  static PeerStats withMeter(PeerLink link, PeerStats figures, long joinNanos) {
    RemoteVideoMeter meter = link.meter();
    long first = meter.firstFrameNanos();
    long now = System.nanoTime();
    long frames = meter.frames();
    double seconds = (now - first) / 1e9;
    double fps = first == 0 || frames < 2 || seconds <= 0 ? 0 : (frames - 1) / seconds;
    return new PeerStats(
        figures.peerId(),
        figures.name(),
        link.state().name(),
        false,
        frames,
        meter.width(),
        meter.height(),
        first == 0 ? -1 : (first - joinNanos) / 1_000_000,
        figures.rttMs(),
        figures.packetsReceived(),
        figures.packetsLost(),
        figures.framesSent(),
        figures.sentWidth(),
        figures.sentHeight(),
        figures.sendLimitation(),
        figures.sendLossPercent(),
        Math.round(fps * 10) / 10.0,
        new PeerStats.MediaGaps(meter.longestGapNanos(now) / 1_000_000, meter.gaps(now)),
        figures.route(),
        figures.videoBytesSent(),
        figures.encodeMillis());
  }

  private static long number(Object value) {
    return value instanceof Number n ? n.longValue() : 0;
  }
}
