package app.convene.client.call;

import dev.onvoid.webrtc.media.video.VideoFrame;
import dev.onvoid.webrtc.media.video.VideoTrackSink;
import java.util.Objects;
import java.util.function.LongConsumer;

/**
 * Counts the decoded frames of one remote video track, notes when the first arrived and at what
 * size, and measures the gaps between frames (from the first frame on): the longest, and how many
 * exceeded {@link #GAP_NANOS}. Frames arrive on one native decoder thread; reads may come from
 * any thread.
 */
public final class RemoteVideoMeter implements VideoTrackSink {
  /** An interval without a new frame longer than this counts as a gap: 0.5 s. */
  public static final long GAP_NANOS = 500_000_000L;

  private final LongConsumer firstFrame;
  private volatile long frames;
  private volatile long firstFrameNanos;
  private volatile long lastFrameNanos;
  private volatile long longestGapNanos;
  private volatile int gaps;
  private volatile int width;
  private volatile int height;

  public RemoteVideoMeter() {
    this(nanos -> { });
  }

  /** {@code firstFrame} hears the first frame's {@link System#nanoTime()}, on the decoder thread. */
  public RemoteVideoMeter(LongConsumer firstFrame) {
    this.firstFrame = Objects.requireNonNull(firstFrame, "firstFrame == null");
  }

  @Override
  public void onVideoFrame(VideoFrame frame) {
    try {
      long now = System.nanoTime();
      width = frame.buffer.getWidth();
      height = frame.buffer.getHeight();
      if (frames == 0) {
        firstFrameNanos = now;
        firstFrame.accept(now);
      } else {
        long gap = now - lastFrameNanos;
        if (gap > longestGapNanos) {
          longestGapNanos = gap;
        }
        if (gap > GAP_NANOS) {
          gaps++;
        }
      }
      lastFrameNanos = now;
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

  /**
   * The longest interval without a new frame since the first one, counting the one still open at
   * {@code nowNanos}; 0 before the first frame.
   */
  public long longestGapNanos(long nowNanos) {
    if (frames == 0) {
      return 0;
    }
    return Math.max(longestGapNanos, nowNanos - lastFrameNanos);
  }

  /** How many intervals between frames exceeded {@link #GAP_NANOS}, the open one included. */
  public int gaps(long nowNanos) {
    return gaps + (frames > 0 && nowNanos - lastFrameNanos > GAP_NANOS ? 1 : 0);
  }

  public int width() {
    return width;
  }

  public int height() {
    return height;
  }
}
