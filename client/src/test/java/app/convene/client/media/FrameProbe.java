package app.convene.client.media;

import dev.onvoid.webrtc.media.video.I420Buffer;
import dev.onvoid.webrtc.media.video.VideoFrame;
import dev.onvoid.webrtc.media.video.VideoTrackSink;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A video sink that keeps the size and the first luma row of every frame a track delivers
 * (WebRTC thread), releasing each frame as a renderer does.
 */
final class FrameProbe implements VideoTrackSink {
  /** What one frame showed. */
  record Seen(int width, int height, byte[] lumaRow) {}

  private final BlockingQueue<Seen> frames = new LinkedBlockingQueue<>();

  @Override
  public void onVideoFrame(VideoFrame frame) {
    try {
      // The pattern's frames are I420 already; toI420() would hand back the same buffer, whose
      // extra release() frees it under the frame (a crash on the next one).
      I420Buffer i420 = (I420Buffer) frame.buffer;
      byte[] row = new byte[i420.getWidth()];
      i420.getDataY().duplicate().get(row);
      frames.add(new Seen(i420.getWidth(), i420.getHeight(), row));
    } finally {
      frame.release();
    }
  }

  /** The next frame, failing the test when none comes within five seconds. */
  Seen next() throws InterruptedException {
    Seen seen = frames.poll(5, TimeUnit.SECONDS);
    if (seen == null) {
      throw new AssertionError("no video frame within 5 s");
    }
    return seen;
  }

  void clear() {
    frames.clear();
  }
}
