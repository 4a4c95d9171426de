package app.convene.client.call.ui;

import dev.onvoid.webrtc.media.FourCC;
import dev.onvoid.webrtc.media.video.VideoBufferConverter;
import dev.onvoid.webrtc.media.video.VideoFrame;
import dev.onvoid.webrtc.media.video.VideoFrameBuffer;
import dev.onvoid.webrtc.media.video.VideoTrackSink;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.geometry.Rectangle2D;
import javafx.scene.image.Image;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Draws a video track into a JavaFX image. Each frame is converted once, natively, from I420 to
 * libyuv's ARGB on the WebRTC thread that delivers it, into a staging buffer; the FX thread then
 * copies that buffer into the image's {@link PixelBuffer}. At most one hand-over is pending: frames
 * that arrive while the FX thread is busy are dropped, never queued. Every frame is released.
 *
 * <p>A frame larger than its tile ({@link #showAt}) is first scaled down to the tile's size by
 * libyuv, on the WebRTC thread: JavaFX then draws the image as it is instead of scaling it on
 * every repaint (in its software pipeline, the one used without a GPU, that scaling was the
 * largest part of a call's CPU), and converts and copies fewer pixels. A smaller frame is drawn
 * as it came and scaled up by JavaFX.
 *
 * <p>With a {@link VideoClock}, frames after the first wait for the clock's tick, which shows every
 * tile's newest frame in one hand-over: one repaint of the window per tick instead of one per
 * tile's frame.
 *
 * <p>libyuv's ARGB is the bytes B, G, R, A: read as native-order ints on a little-endian machine
 * (x86-64, ARM64) that is JavaFX's {@code IntArgbPre} (opaque, so premultiplied alike), the format
 * of the software pipeline's textures, so that pipeline copies frames without converting each
 * pixel in Java; the GPU pipelines upload either format as it is.
 *
 * <p>Nothing here allocates per frame once the size is steady (the staging buffer, its int view,
 * the hand-over and the copy are made once per size); what does is webrtc-java's own frame objects
 * and, when scaling, the scaled native buffer it returns.
 */
final class VideoRenderer implements VideoTrackSink {
  private static final Logger log = LoggerFactory.getLogger(VideoRenderer.class);

  private final Executor fx;
  private final VideoClock clock; // null: each frame handed over on its own
  private final Consumer<Image> onNewImage;
  private final Runnable onFirstPaint;
  private final Runnable present = this::present;
  private final Callback<PixelBuffer<IntBuffer>, Rectangle2D> copy = this::copy;
  private boolean painted; // FX thread
  private final AtomicBoolean pending = new AtomicBoolean();
  private volatile boolean stopped;
  private volatile boolean paused;
  private volatile boolean ready; // a converted frame waits for the clock's tick
  private boolean firstHandedOver; // WebRTC thread, while a hand-over is not pending
  private volatile long presented;
  /** The tile's size in device pixels, both packed in one long (width high); 0: not known. */
  private volatile long tile;
  // Written by the WebRTC thread while no hand-over is pending, read by the FX thread after it.
  private ByteBuffer staging;
  private IntBuffer stagingInts;
  private int readyWidth;
  private int readyHeight;
  private PixelBuffer<IntBuffer> pixels; // FX thread

  /**
   * @param fx the FX thread's executor ({@code Platform::runLater})
   * @param onNewImage called on the FX thread with the image to show, whenever the size changes
   */
  VideoRenderer(Executor fx, Consumer<Image> onNewImage) {
    this(fx, onNewImage, () -> { });
  }

  /** Like {@link #VideoRenderer(Executor, Consumer)}; {@code onFirstPaint} runs once, on the FX
   * thread, when the first frame is in the image. */
  VideoRenderer(Executor fx, Consumer<Image> onNewImage, Runnable onFirstPaint) {
    this(fx, null, onNewImage, onFirstPaint);
  }

  /**
   * Like {@link #VideoRenderer(Executor, Consumer, Runnable)}, with frames shown on
   * {@code clock}'s ticks, together with the call's other tiles; the first frame is shown at once.
   */
  VideoRenderer(VideoClock clock, Consumer<Image> onNewImage, Runnable onFirstPaint) {
    this(clock.fx(), clock, onNewImage, onFirstPaint);
    clock.add(this);
  }

  private VideoRenderer(Executor fx, VideoClock clock, Consumer<Image> onNewImage,
      Runnable onFirstPaint) {
    this.fx = fx;
    this.clock = clock;
    this.onNewImage = onNewImage;
    this.onFirstPaint = onFirstPaint;
  }

  /** Called on a WebRTC thread. */
  @Override
  public void onVideoFrame(VideoFrame frame) {
    VideoFrameBuffer scaled = null;
    try {
      if (stopped || paused || !pending.compareAndSet(false, true)) {
        return;
      }
      VideoFrameBuffer source = frame.buffer;
      int width = source.getWidth();
      int height = source.getHeight();
      long fit = fit(width, height, tile);
      if (fit != 0) {
        int scaledWidth = (int) (fit >>> 32);
        int scaledHeight = (int) fit;
        scaled = source.cropAndScale(0, 0, width, height, scaledWidth, scaledHeight);
        source = scaled;
        width = scaledWidth;
        height = scaledHeight;
      }
      if (staging == null || readyWidth != width || readyHeight != height) {
        staging = ByteBuffer.allocateDirect(width * height * 4).order(ByteOrder.nativeOrder());
        stagingInts = staging.asIntBuffer();
        readyWidth = width;
        readyHeight = height;
      }
      VideoBufferConverter.convertFromI420(source, staging, FourCC.ARGB);
      if (clock == null || !firstHandedOver) {
        firstHandedOver = true;
        fx.execute(present);
      } else {
        ready = true;
      }
    } catch (Exception e) {
      pending.set(false);
      log.warn("cannot convert a video frame: {}", e.toString());
    } finally {
      if (scaled != null) {
        scaled.release();
      }
      frame.release();
    }
  }

  /**
   * Any thread: the tile shows the video in at most {@code width} × {@code height} device pixels
   * (its size in the scene times the screen's scale); larger frames are scaled down to fit. Zero
   * or less: not known, frames are drawn at their own size.
   */
  void showAt(double width, double height) {
    long w = Math.max(0, Math.round(width));
    long h = Math.max(0, Math.round(height));
    tile = w == 0 || h == 0 ? 0 : w << 32 | h;
  }

  /**
   * The size a {@code width} × {@code height} frame is drawn at in a tile of {@code tile} (packed
   * as in {@link #tile}), packed alike; 0 when the frame is drawn as it is (no tile size, or the
   * frame fits). The aspect ratio is kept; sizes are even, as I420's chroma planes need.
   */
  static long fit(int width, int height, long tile) {
    if (tile == 0) {
      return 0;
    }
    int tileWidth = (int) (tile >>> 32);
    int tileHeight = (int) tile;
    if (width <= tileWidth && height <= tileHeight) {
      return 0;
    }
    double scale = Math.min((double) tileWidth / width, (double) tileHeight / height);
    int w = Math.max(2, (int) Math.round(width * scale) & ~1);
    int h = Math.max(2, (int) Math.round(height * scale) & ~1);
    if (w >= width && h >= height) {
      return 0;
    }
    return (long) w << 32 | h;
  }

  /**
   * Any thread: while paused (nobody can see the tile: the window is minimised or hidden), frames
   * are released at once, neither converted nor handed to the FX thread; the image keeps the last
   * one drawn until the next frame after {@code paused} is false again.
   */
  void setPaused(boolean paused) {
    this.paused = paused;
  }

  /** How many frames were drawn into the image; any thread. */
  long presented() {
    return presented;
  }

  /** Stops drawing; frames that still arrive are released and dropped. */
  void stop() {
    stopped = true;
    if (clock != null) {
      clock.remove(this);
    }
  }

  /** Whether a frame waits for the clock's tick; any thread. */
  boolean ready() {
    return ready;
  }

  /** The clock's tick, on the FX thread: the waiting frame, if any, into the image. */
  void presentIfReady() {
    if (ready) {
      ready = false;
      present();
    }
  }

  private void present() {
    try {
      if (stopped || paused) {
        return;
      }
      if (pixels == null || pixels.getWidth() != readyWidth || pixels.getHeight() != readyHeight) {
        pixels = new PixelBuffer<>(readyWidth, readyHeight,
            ByteBuffer.allocateDirect(readyWidth * readyHeight * 4).order(ByteOrder.nativeOrder())
                .asIntBuffer(),
            PixelFormat.getIntArgbPreInstance());
        onNewImage.accept(new WritableImage(pixels));
      }
      pixels.updateBuffer(copy);
      presented++; // FX thread only writes it
      if (!painted) {
        painted = true;
        onFirstPaint.run();
      }
    } finally {
      pending.set(false);
    }
  }

  private Rectangle2D copy(PixelBuffer<IntBuffer> buffer) {
    IntBuffer target = buffer.getBuffer();
    target.clear();
    stagingInts.clear();
    target.put(stagingInts);
    target.clear();
    return null;
  }
}
