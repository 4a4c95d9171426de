package app.convene.client.media;

import dev.onvoid.webrtc.media.video.CustomVideoSource;
import dev.onvoid.webrtc.media.video.NativeI420Buffer;
import dev.onvoid.webrtc.media.video.VideoFrame;
import java.nio.ByteBuffer;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A synthetic camera: colour bars that scroll sideways, pushed into a {@link CustomVideoSource} at
 * a fixed rate. Used when there is no camera (a server, CI) so a call still carries real encoded
 * video, and by the headless participant.
 *
 * <p>Frames are produced on the source's own scheduler thread; each frame costs two row copies
 * per plane row (no per-pixel work).
 */
public final class TestPatternSource implements AutoCloseable {
  private static final int[][] BARS_YUV = {
    {235, 128, 128}, {210, 16, 146}, {170, 166, 16}, {145, 54, 34},
    {106, 202, 222}, {81, 90, 240}, {41, 240, 110}, {16, 128, 128},
  };

  private final int width;
  private final int height;
  private final CustomVideoSource source = new CustomVideoSource();
  private final byte[] lumaRow;
  private final byte[] blueRow;
  private final byte[] redRow;
  private final AtomicLong framesPushed = new AtomicLong();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final ScheduledExecutorService scheduler;
  private final int fps;
  private ScheduledFuture<?> task;
  private int rate;
  private long frameIndex;

  /**
   * Starts pushing frames right away.
   *
   * @param width even, at least 16
   * @param height even, at least 16
   * @param fps frames per second, 1 to 60
   */
  public TestPatternSource(int width, int height, int fps) {
    checkFormat(width, height, fps);
    this.width = width;
    this.height = height;
    int chromaWidth = width / 2;
    lumaRow = new byte[width * 2];
    blueRow = new byte[chromaWidth * 2];
    redRow = new byte[chromaWidth * 2];
    for (int x = 0; x < width * 2; x++) {
      int[] bar = BARS_YUV[(x % width) * BARS_YUV.length / width];
      lumaRow[x] = (byte) bar[0];
      if (x % 2 == 0) {
        blueRow[x / 2] = (byte) bar[1];
        redRow[x / 2] = (byte) bar[2];
      }
    }
    scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "test-pattern");
              t.setDaemon(true);
              return t;
            });
    this.fps = fps;
    this.rate = fps;
    task = scheduler.scheduleAtFixedRate(this::pushFrame, 0, 1_000_000 / fps, TimeUnit.MICROSECONDS);
  }

  /** Throws {@link IllegalArgumentException} unless a pattern of this size and rate can be made. */
  static void checkFormat(int width, int height, int fps) {
    if (width < 16 || height < 16 || width % 2 != 0 || height % 2 != 0) {
      throw new IllegalArgumentException("test pattern size must be even and at least 16x16");
    }
    if (fps < 1 || fps > 60) {
      throw new IllegalArgumentException("test pattern rate must be 1 to 60 fps");
    }
  }

  /**
   * Pushes at most {@code limit} frames per second from now on (never more than the rate it was
   * made with). webrtc-java's custom source hands frames to the encoder without libwebrtc's
   * frame-rate adaptation, so a sender's {@code maxFramerate} alone would not lower the work.
   */
  public synchronized void limitRate(int limit) {
    int next = Math.max(1, Math.min(fps, limit));
    if (next == rate || scheduler.isShutdown()) {
      return;
    }
    rate = next;
    task.cancel(false);
    long period = 1_000_000 / next;
    task = scheduler.scheduleAtFixedRate(this::pushFrame, period, period, TimeUnit.MICROSECONDS);
  }

  /** The frame rate it pushes at now. */
  public synchronized int rate() {
    return rate;
  }

  public CustomVideoSource source() {
    return source;
  }

  public int width() {
    return width;
  }

  public int height() {
    return height;
  }

  /** How many frames were handed to the encoder so far. */
  public long framesPushed() {
    return framesPushed.get();
  }

  private void pushFrame() {
    NativeI420Buffer buffer = NativeI420Buffer.allocate(width, height);
    try {
      int shift = (int) ((frameIndex++ * 4) % width) & ~1;
      fill(buffer.getDataY(), buffer.getStrideY(), lumaRow, width, height, shift, true);
      fill(buffer.getDataU(), buffer.getStrideU(), blueRow, width / 2, height / 2, shift / 2, false);
      fill(buffer.getDataV(), buffer.getStrideV(), redRow, width / 2, height / 2, shift / 2, false);
      VideoFrame frame = new VideoFrame(buffer, System.nanoTime());
      source.pushFrame(frame);
      frame.release();
      framesPushed.incrementAndGet();
    } catch (RuntimeException e) {
      buffer.release();
      throw e;
    }
  }

  /** Copies the doubled pattern row into every plane row, offset by {@code shift}. */
  private static void fill(
      ByteBuffer plane, int stride, byte[] row, int rowWidth, int rows, int shift, boolean luma) {
    int band = rows / 6;
    for (int y = 0; y < rows; y++) {
      plane.position(y * stride);
      // A darker band across the middle third moves the other way, so motion is visible.
      int offset = luma && y > band * 2 && y < band * 4 ? (rowWidth - shift) % rowWidth : shift;
      plane.put(row, offset, rowWidth);
    }
    plane.rewind();
  }

  /**
   * Stops the frame thread and waits for it to end; only then disposes the source. Closing again
   * does nothing.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    synchronized (this) {
      task.cancel(false);
    }
    if (Threads.stopAndJoin(scheduler)) {
      source.dispose();
    }
  }
}
