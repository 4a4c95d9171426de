package app.convene.client.call;

import app.convene.protocol.ProtocolVersion;
import app.convene.protocol.View;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Tells each peer how large we show its video ({@link View}), so that it encodes for us no more
 * than our tile needs, and nothing while our window is minimised. A window being resized changes
 * its tiles on every frame of the drag; a peer hears at most one view per {@link #SETTLE}, the
 * latest, and only when it changed. A view that could not be sent (no socket) is sent once the
 * server has us again, as is every view after a server restart, since peers may have lost them.
 *
 * <p>Only to a server that relays views (protocol version 3 or later, {@link
 * ProtocolVersion#hearsViews}); an older one would answer with an error.
 *
 * <p>Threading: the call executor only.
 */
final class TileViews {
  /** How long changes gather before the peers hear them. */
  static final Duration SETTLE = Duration.ofMillis(300);

  /** How long after a refused view every view is told again. */
  static final Duration RETRY = Duration.ofSeconds(2);

  private final CallSession call;
  private final Map<String, View> wanted = new HashMap<>();
  private final Map<String, View> told = new HashMap<>();
  private int serverProtocol;
  private boolean flushing;

  TileViews(CallSession call) {
    this.call = call;
  }

  /** A {@code joined}: which version the server speaks; everything is told again. */
  void joined(int protocol) {
    serverProtocol = protocol;
    told.clear();
    flushSoon();
  }

  /** We show peer {@code peerId}'s video in {@code width} × {@code height} device pixels (0: not). */
  void show(String peerId, int width, int height) {
    View next = width <= 0 || height <= 0
        ? View.hidden(peerId)
        : new View(peerId, Math.min(width, View.MAX_SIDE), Math.min(height, View.MAX_SIDE));
    if (!next.equals(wanted.put(peerId, next))) {
      flushSoon();
    }
  }

  /**
   * The server refused a view: after its restart a peer we know may not be back in the room yet
   * ({@code UNKNOWN_PEER}; the others hear nothing when it comes back), or we are not back
   * ourselves. Every view is told again after {@link #RETRY}, until the peer is back or has been
   * given up ({@link #forget}). The user hears nothing of it.
   */
  void refused() {
    told.clear();
    if (!flushing) {
      flushing = true;
      call.later(RETRY, this::flush);
    }
  }

  /** The peer is gone; a peer that comes back with the same id is told afresh. */
  void forget(String peerId) {
    wanted.remove(peerId);
    told.remove(peerId);
  }

  private void flushSoon() {
    if (!flushing) {
      flushing = true;
      call.later(SETTLE, this::flush);
    }
  }

  private void flush() {
    flushing = false;
    if (!ProtocolVersion.hearsViews(serverProtocol)) {
      return;
    }
    for (View view : wanted.values()) {
      if (call.links().contains(view.to()) && !Objects.equals(told.get(view.to()), view)
          && call.send(view)) {
        told.put(view.to(), view);
      }
    }
  }
}
