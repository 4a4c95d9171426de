package app.convene.client.media;

import dev.onvoid.webrtc.media.video.CustomVideoSource;
import dev.onvoid.webrtc.media.video.NativeI420Buffer;
import dev.onvoid.webrtc.media.video.VideoFrame;
import java.nio.ByteBuffer;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
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
  private final ScheduledExecutorService scheduler;
  private final ScheduledFuture<?> task;
  private long frameIndex;

  /**
   * Starts pushing frames right away.
   *
   * @param width even, at least 16
   * @param height even, at least 16
   * @param fps frames per second, 1 to 60
   */
  public TestPatternSource(int width, int height, int fps) {
    if (width < 16 || height < 16 || width % 2 != 0 || height % 2 != 0) {
      throw new IllegalArgumentException("test pattern size must be even and at least 16x16");
    }
    if (fps < 1 || fps > 60) {
      throw new IllegalArgumentException("test pattern rate must be 1 to 60 fps");
    }
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
    task = scheduler.scheduleAtFixedRate(this::pushFrame, 0, 1_000_000 / fps, TimeUnit.MICROSECONDS);
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

  @Override
  public void close() {
    task.cancel(false);
    scheduler.shutdown();
    try {
      scheduler.awaitTermination(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    source.dispose();
  }
}
