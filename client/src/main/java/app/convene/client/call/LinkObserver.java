package app.convene.client.call;

import app.convene.protocol.Candidate;
import dev.onvoid.webrtc.PeerConnectionObserver;
import dev.onvoid.webrtc.RTCIceCandidate;
import dev.onvoid.webrtc.RTCIceConnectionState;
import dev.onvoid.webrtc.RTCPeerConnectionState;
import dev.onvoid.webrtc.RTCRtpTransceiver;

/**
 * A link's native observer. Its callbacks arrive on WebRTC's threads and only forward to the
 * link's ordered executor ({@link PeerLink#post}); they never block, and after the link is
 * disposed they are dropped.
 */
final class LinkObserver implements PeerConnectionObserver {
  private final PeerLink link;

  LinkObserver(PeerLink link) {
    this.link = link;
  }

  @Override
  public void onIceCandidate(RTCIceCandidate candidate) {
    long nanos = System.nanoTime();
    link.post(() -> {
      if (!link.isClosed()) {
        link.step(JoinStep.CANDIDATE_SENT, nanos);
        link.events().send(new Candidate(link.peerId(), candidate.sdpMid,
            candidate.sdpMLineIndex, candidate.sdp));
      }
    });
  }

  @Override
  public void onIceConnectionChange(RTCIceConnectionState next) {
    if (next == RTCIceConnectionState.CONNECTED || next == RTCIceConnectionState.COMPLETED) {
      long nanos = System.nanoTime();
      link.post(() -> link.step(JoinStep.ICE_CONNECTED, nanos));
    }
  }

  @Override
  public void onRenegotiationNeeded() {
    link.post(() -> link.negotiation().negotiate());
  }

  @Override
  public void onConnectionChange(RTCPeerConnectionState next) {
    long nanos = System.nanoTime();
    link.post(() -> link.onState(next, nanos));
  }

  @Override
  public void onTrack(RTCRtpTransceiver transceiver) {
    link.post(() -> link.onTrack(transceiver));
  }
}
