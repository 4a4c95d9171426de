package app.convene.client.call;

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
 */
record SendQuality(double scaleDownBy, double maxFramerate, int maxBitrate) {
  /** What a call of two sends: the capture unscaled, 30 fps, up to 1.2 Mbit/s. */
  static final SendQuality FULL = new SendQuality(1, 30, 1_200_000);

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
    }
    sender.setParameters(parameters);
  }

  private boolean isIn(RTCRtpEncodingParameters encoding) {
    return Objects.equals(encoding.scaleResolutionDownBy, scaleDownBy)
        && Objects.equals(encoding.maxFramerate, maxFramerate)
        && Objects.equals(encoding.maxBitrate, maxBitrate);
  }
}
