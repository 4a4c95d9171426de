package app.convene.client.call;

import app.convene.protocol.Candidate;
import dev.onvoid.webrtc.RTCIceCandidate;
import dev.onvoid.webrtc.RTCPeerConnection;
import java.util.ArrayList;
import java.util.List;

/**
 * A link's remote ICE candidates: they wait until the remote description is set, then go to the
 * connection in the order they came. A candidate that libwebrtc refuses is reported to the peer
 * (unless it belongs to an offer we ignored) and dropped; the link goes on.
 *
 * <p>Threading: the link's ordered executor only.
 */
final class CandidateBuffer {
  private final PeerLink link;
  private final RTCPeerConnection pc;
  private final List<RTCIceCandidate> pending = new ArrayList<>();

  CandidateBuffer(PeerLink link, RTCPeerConnection pc) {
    this.link = link;
    this.pc = pc;
  }

  /** A candidate from the peer: added now, or kept until the remote description is set. */
  void add(Candidate message) {
    RTCIceCandidate candidate =
        new RTCIceCandidate(message.sdpMid(), message.sdpMLineIndex(), message.candidate());
    if (pc.getRemoteDescription() == null) {
      pending.add(candidate);
      return;
    }
    addNow(candidate);
  }

  /** The remote description is set: adds every candidate that waited. */
  void flush() {
    List<RTCIceCandidate> queued = List.copyOf(pending);
    pending.clear();
    queued.forEach(this::addNow);
  }

  void clear() {
    pending.clear();
  }

  private void addNow(RTCIceCandidate candidate) {
    if (link.isClosed()) {
      return;
    }
    try {
      pc.addIceCandidate(candidate);
    } catch (RuntimeException | Error e) {
      // A candidate of an ignored offer, for an unknown m-line, or garbage: drop it, keep the link.
      if (!link.negotiation().ignoringOffer()) {
        link.rejected(new RemoteInputException("candidate", candidate.sdp.length(), e), false);
      }
    }
  }
}
