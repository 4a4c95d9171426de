package app.convene.client.call;

import app.convene.protocol.View;
import dev.onvoid.webrtc.RTCRtpEncodingParameters;
import dev.onvoid.webrtc.RTCRtpSendParameters;
import dev.onvoid.webrtc.RTCRtpSender;
import java.util.Objects;

/**
 * A cap on the video we send to one peer, applied through the sender's encoding parameters.
 *
 * @param scaleDownBy how much the encoder shrinks the captured picture (1: full size)
 * @param maxFramerate frames per second at most
 * @param maxBitrate bits per second at most
 * @param active whether we send video to this peer at all (false: the encoder for it stops)
 */
record SendQuality(double scaleDownBy, double maxFramerate, int maxBitrate, boolean active) {
  /** What a call of two sends: the capture unscaled, 30 fps, up to 1.2 Mbit/s. */
  static final SendQuality FULL = new SendQuality(1, 30, 1_200_000);

  /** The most a tile's size shrinks what we send: 1/16 of each side. */
  static final double MAX_VIEW_SCALE = 16;

  SendQuality(double scaleDownBy, double maxFramerate, int maxBitrate) {
    this(scaleDownBy, maxFramerate, maxBitrate, true);
  }

  /**
   * This cap, lowered to what the peer shows of us: nothing while it shows no video of ours, and
   * halved as often as the picture still covers its tile (in device pixels) when it said how large
   * that is. Halving only: libyuv halves and quarters a frame with fast dedicated loops, while a
   * scale such as 1.25 went through its general filter and cost the sender more CPU than the
   * smaller encoding saved (docs/benchmarks.md, "Encoding for the tile"). Whole steps also keep a
   * window being resized from reconfiguring the encoder every few pixels.
   *
   * @param view what the peer last said, or {@code null} before it said anything
   * @param sourceWidth the width of the picture we send before any scaling; 0 when not known
   * @param sourceHeight its height
   */
  SendQuality forView(View view, int sourceWidth, int sourceHeight) {
    if (view == null) {
      return this;
    }
    if (view.isHidden()) {
      return new SendQuality(scaleDownBy, maxFramerate, maxBitrate, false);
    }
    if (sourceWidth <= 0 || sourceHeight <= 0) {
      return this;
    }
    // The picture keeps its aspect ratio in the tile: it fills the tile one way.
    double needed = Math.max((double) sourceWidth / view.width(),
        (double) sourceHeight / view.height());
    double scale = 1;
    while (scale * 2 <= needed && scale * 2 <= MAX_VIEW_SCALE) {
      scale *= 2;
    }
    return scale <= scaleDownBy ? this : new SendQuality(scale, maxFramerate, maxBitrate, active);
  }

  /** Sets our caps on every encoding of {@code sender}; leaves its other parameters alone. */
  void applyTo(RTCRtpSender sender) {
    RTCRtpSendParameters parameters = sender.getParameters();
    if (parameters == null || parameters.encodings == null || parameters.encodings.isEmpty()) {
      return;
    }
    if (parameters.encodings.stream().allMatch(this::isIn)) {
      return; // setting them again would reconfigure the encoder for nothing
    }
    for (RTCRtpEncodingParameters encoding : parameters.encodings) {
      encoding.scaleResolutionDownBy = scaleDownBy;
      encoding.maxFramerate = maxFramerate;
      encoding.maxBitrate = maxBitrate;
      encoding.active = active;
    }
    sender.setParameters(parameters);
  }

  private boolean isIn(RTCRtpEncodingParameters encoding) {
    return Objects.equals(encoding.scaleResolutionDownBy, scaleDownBy)
        && Objects.equals(encoding.maxFramerate, maxFramerate)
        && Objects.equals(encoding.maxBitrate, maxBitrate)
        && Objects.equals(encoding.active, active);
  }
}
