package app.convene.client.call;

import app.convene.client.media.MediaEngine;
import app.convene.protocol.View;
import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.RTCRtpSender;
import dev.onvoid.webrtc.media.audio.AudioTrack;
import dev.onvoid.webrtc.media.video.VideoTrack;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one link sends: our audio and video tracks, added once, the video replaced without
 * renegotiation, and the {@link SendQuality} cap, kept across renegotiation: the room's rung,
 * lowered to the peer's tile ({@link View}) once we know how large our picture is.
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
  private View view; // what the peer last said of its tile of us; null before that
  private int sourceWidth; // our picture before scaling, from the stats; 0 before the first
  private int sourceHeight;
  private SendQuality applied;
  private SendQuality sizedAt; // what was applied when the stats last gave the sent size
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

  /** Caps what we send (resolution, frame rate, bitrate): the room's rung. */
  void setQuality(SendQuality next) {
    if (!next.equals(quality)) {
      quality = next;
      applyQuality();
    }
  }

  /** The peer shows our video in this box, or not at all. */
  void setView(View next) {
    if (!next.equals(view)) {
      view = next;
      applyQuality();
    }
  }

  /**
   * The stats say the encoder sends this peer {@code width} × {@code height} frames. Times the
   * scale that gives our picture's size before scaling (the stats' video {@code media-source}
   * has no size for webrtc-java's sources), but only once the scale has held from one report to
   * the next: frames encoded before a change would mislead. libwebrtc's own adaptation under CPU
   * strain makes frames smaller still, which only makes the tile's cap milder.
   */
  void sentSize(int width, int height) {
    SendQuality now = applied;
    if (width > 0 && height > 0 && now != null && now.active() && now.equals(sizedAt)) {
      sourceSize((int) Math.round(width * now.scaleDownBy()),
          (int) Math.round(height * now.scaleDownBy()));
    }
    sizedAt = now;
  }

  /** Our picture is {@code width} × {@code height} before the encoder scales it. */
  private void sourceSize(int width, int height) {
    if (width > 0 && height > 0 && (width != sourceWidth || height != sourceHeight)) {
      sourceWidth = width;
      sourceHeight = height;
      applyQuality();
    }
  }

  /** What we send to this peer now: the room's rung, lowered to its tile. */
  SendQuality quality() {
    return quality.forView(view, sourceWidth, sourceHeight);
  }

  /** Applies the current cap to the video sender, when there is one. */
  void applyQuality() {
    if (videoSender == null || link.isClosed()) {
      return;
    }
    SendQuality next = quality();
    try {
      next.applyTo(videoSender);
      if (!next.equals(applied)) {
        applied = next;
        log.info("peer {}: sending {}", link.peerId(), next);
      }
    } catch (RuntimeException | Error e) {
      // Before the first negotiation completes some builds refuse; the next call retries.
      log.debug("peer {}: cannot set send parameters yet: {}", link.peerId(), e.getMessage());
    }
  }
}
