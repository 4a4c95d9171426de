package app.convene.client.call;

import dev.onvoid.webrtc.media.video.VideoFrame;
import dev.onvoid.webrtc.media.video.VideoTrackSink;

/**
 * Counts the decoded frames of one remote video track and notes when the first arrived and at
 * what size. Frames arrive on a native decoder thread; reads may come from any thread.
 */
public final class RemoteVideoMeter implements VideoTrackSink {
  private volatile long frames;
  private volatile long firstFrameNanos;
  private volatile int width;
  private volatile int height;

  @Override
  public void onVideoFrame(VideoFrame frame) {
    try {
      width = frame.buffer.getWidth();
      height = frame.buffer.getHeight();
      if (frames == 0) {
        firstFrameNanos = System.nanoTime();
      }
      frames++;
    } finally {
      frame.release();
    }
  }

  public long frames() {
    return frames;
  }

  /** {@link System#nanoTime()} at the first frame, or 0 before it. */
  public long firstFrameNanos() {
    return firstFrameNanos;
  }

  public int width() {
    return width;
  }

  public int height() {
    return height;
  }
}
