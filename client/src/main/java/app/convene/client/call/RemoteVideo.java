package app.convene.client.call;

import dev.onvoid.webrtc.media.video.VideoTrack;
import dev.onvoid.webrtc.media.video.VideoTrackSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One link's remote video: its {@link RemoteVideoMeter}, and every sink a remote track feeds
 * (the meter, a tile's renderer), removed again when the link closes. Link executor only, except
 * {@link #meter}.
 */
final class RemoteVideo {
  private static final Logger log = LoggerFactory.getLogger(RemoteVideo.class);

  private final String peerId;
  private final RemoteVideoMeter meter;
  private final List<Map.Entry<VideoTrack, VideoTrackSink>> sinks = new ArrayList<>();

  /** {@code firstFrame} hears the first decoded frame's {@link System#nanoTime()}, on the decoder. */
  RemoteVideo(String peerId, LongConsumer firstFrame) {
    this.peerId = peerId;
    this.meter = new RemoteVideoMeter(firstFrame);
  }

  /** Any thread. */
  RemoteVideoMeter meter() {
    return meter;
  }

  /** A remote video track arrived: the meter counts its frames from now on. */
  void arrived(VideoTrack track) {
    addSink(track, meter);
  }

  /** Feeds {@code track} to {@code sink} until {@link #removeAll}. */
  void addSink(VideoTrack track, VideoTrackSink sink) {
    track.addSink(sink);
    sinks.add(Map.entry(track, sink));
  }

  /** The link closes: no track feeds a sink of ours any more. */
  void removeAll() {
    for (var sink : sinks) {
      try {
        sink.getKey().removeSink(sink.getValue());
      } catch (RuntimeException | Error e) {
        log.debug("peer {}: removing a video sink failed: {}", peerId, e.getMessage());
      }
    }
    sinks.clear();
  }
}
