package app.convene.client.call;

import app.convene.protocol.Rejected;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One link's refused input, both ways: what libwebrtc refused of the peer's (logged and reported
 * to the peer with {@code rejected}) and what the peer reports it could not use of ours (logged).
 * Each way at most {@link #MAX} times, so a peer that sends garbage in a loop gets no echo of it
 * and cannot flood our log. Link executor only.
 */
final class Rejections {
  private static final Logger log = LoggerFactory.getLogger(Rejections.class);
  /** How many refusals a link reports to its peer, and logs from it. */
  static final int MAX = 10;

  private final PeerLink link;
  private int sent;
  private int heard;

  Rejections(PeerLink link) {
    this.link = link;
  }

  /** Input of the peer's that libwebrtc refused. */
  void refused(RemoteInputException e) {
    if (sent < MAX) {
      sent++;
      log.warn("peer {}: {}", link.peerId(), e.getMessage());
      link.events().send(new Rejected(link.peerId(), e.kind(), e.reason()));
    } else {
      log.debug("peer {}: {}", link.peerId(), e.getMessage());
    }
  }

  /** The peer could not use something we sent. */
  void heard(Rejected rejected) {
    if (heard < MAX) {
      heard++;
      // The reason is the peer's text: one line, no control characters, in our log.
      log.warn("peer {} could not use our {}: {}", link.peerId(), rejected.about(),
          rejected.reason().replaceAll("\\p{Cntrl}", " "));
    }
  }
}
