package app.convene.client.call;

import dev.onvoid.webrtc.RTCPeerConnection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One link's statistics: asks the connection for a report on the link's executor, reads it on the
 * native thread that delivers it, and keeps the last figures for when the connection cannot
 * answer (closed, throwing, or silent for 2 s).
 */
final class LinkStats {
  private static final long TIMEOUT_MS = 2_000;

  private final PeerLink link;
  private final RTCPeerConnection pc;
  private volatile PeerStats last;

  LinkStats(PeerLink link, RTCPeerConnection pc) {
    this.link = link;
    this.pc = pc;
  }

  /** Any thread: a snapshot; never fails. */
  CompletableFuture<PeerStats> snapshot(long joinNanos) {
    CompletableFuture<PeerStats> result = new CompletableFuture<>();
    if (!link.post(() -> request(result, joinNanos))) {
      result.complete(last(joinNanos));
    }
    return result
        .orTimeout(TIMEOUT_MS, TimeUnit.MILLISECONDS)
        .exceptionally(e -> last(joinNanos));
  }

  /** Link executor. */
  private void request(CompletableFuture<PeerStats> result, long joinNanos) {
    if (link.isClosed()) {
      result.complete(last(joinNanos));
      return;
    }
    try {
      pc.getStats(report -> {
        // Native thread: read the report here (it is a plain Java object) and hand it back.
        PeerStats stats = StatsReader.read(link, report, joinNanos);
        link.post(() -> link.tracks().sentSize(stats.sentWidth(), stats.sentHeight()));
        last = stats;
        result.complete(stats);
      });
    } catch (RuntimeException | Error e) {
      result.complete(last(joinNanos));
    }
  }

  /** The figures of the last report, with the meter's current counts. */
  private PeerStats last(long joinNanos) {
    PeerStats figures = last;
    return figures == null
        ? StatsReader.empty(link, joinNanos)
        : StatsReader.withMeter(link, figures, joinNanos);
  }
}
