package app.convene.client.call;

import app.convene.client.media.MediaEngine;
import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.RTCRtpSender;
import dev.onvoid.webrtc.media.audio.AudioTrack;
import dev.onvoid.webrtc.media.video.VideoTrack;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one link sends: our audio and video tracks, added once, the video replaced without
 * renegotiation, and the {@link SendQuality} cap, kept across renegotiation.
 *
 * <p>Threading: the link's ordered executor only; nothing is called on the connection once the
 * link is closed.
 */
final class LocalTracks {
  private static final Logger log = LoggerFactory.getLogger(LocalTracks.class);
  private static final List<String> STREAM_IDS = List.of("convene");

  private final PeerLink link;
  private final RTCPeerConnection pc;
  private final MediaEngine media;
  private AudioTrack audio;
  private VideoTrack video;
  private RTCRtpSender videoSender;
  private SendQuality quality = SendQuality.FULL;
  private boolean added;

  LocalTracks(PeerLink link, RTCPeerConnection pc, MediaEngine media) {
    this.link = link;
    this.pc = pc;
    this.media = media;
  }

  /** The tracks to send, added by {@link #add}. */
  void remember(AudioTrack audio, VideoTrack video) {
    this.audio = audio;
    this.video = video;
  }

  /** Adds the tracks once (which makes the stack ask for an offer). */
  void add() {
    if (added || link.isClosed()) {
      return;
    }
    added = true;
    // Adding an audio track adds a sink to its source while the tone thread may be pushing.
    media.changeAudioSinks(() -> pc.addTrack(audio, STREAM_IDS));
    videoSender = pc.addTrack(video, STREAM_IDS);
    applyQuality();
  }

  /** Sends {@code track} instead of the current video, without renegotiation. */
  void replaceVideo(VideoTrack track) {
    video = track;
    if (videoSender != null && !link.isClosed()) {
      videoSender.replaceTrack(track);
    }
  }

  /** Caps what we send (resolution, frame rate, bitrate). */
  void setQuality(SendQuality next) {
    if (!next.equals(quality)) {
      quality = next;
      applyQuality();
    }
  }

  SendQuality quality() {
    return quality;
  }

  /** Applies the current cap to the video sender, when there is one. */
  void applyQuality() {
    if (videoSender == null || link.isClosed()) {
      return;
    }
    try {
      quality.applyTo(videoSender);
    } catch (RuntimeException | Error e) {
      // Before the first negotiation completes some builds refuse; the next call retries.
      log.debug("peer {}: cannot set send parameters yet: {}", link.peerId(), e.getMessage());
    }
  }
}
