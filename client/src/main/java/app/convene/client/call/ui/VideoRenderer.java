package app.convene.client.call.ui;

import dev.onvoid.webrtc.media.FourCC;
import dev.onvoid.webrtc.media.video.VideoBufferConverter;
import dev.onvoid.webrtc.media.video.VideoFrame;
import dev.onvoid.webrtc.media.video.VideoTrackSink;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.scene.image.Image;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Draws a video track into a JavaFX image. Each frame is converted once, natively, from I420 to
 * libyuv's ARGB on the WebRTC thread that delivers it, into a staging buffer; the FX thread then
 * copies that buffer into the image's {@link PixelBuffer}. At most one hand-over is pending: frames
 * that arrive while the FX thread is busy are dropped, never queued. Every frame is released.
 *
 * <p>libyuv's ARGB is the bytes B, G, R, A: read as native-order ints on a little-endian machine
 * (x86-64, ARM64) that is JavaFX's {@code IntArgbPre} (opaque, so premultiplied alike), the format
 * of the software pipeline's textures, so that pipeline copies frames without converting each
 * pixel in Java; the GPU pipelines upload either format as it is.
 */
final class VideoRenderer implements VideoTrackSink {
  private static final Logger log = LoggerFactory.getLogger(VideoRenderer.class);

  private final Executor fx;
  private final Consumer<Image> onNewImage;
  private final Runnable onFirstPaint;
  private boolean painted; // FX thread
  private final AtomicBoolean pending = new AtomicBoolean();
  private volatile boolean stopped;
  private volatile boolean paused;
  private volatile long presented;
  private ByteBuffer staging;
  private PixelBuffer<IntBuffer> pixels;

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
    this.fx = fx;
    this.onNewImage = onNewImage;
    this.onFirstPaint = onFirstPaint;
  }

  /** Called on a WebRTC thread. */
  @Override
  public void onVideoFrame(VideoFrame frame) {
    try {
      if (stopped || paused || !pending.compareAndSet(false, true)) {
        return;
      }
      int width = frame.buffer.getWidth();
      int height = frame.buffer.getHeight();
      if (staging == null || staging.capacity() != width * height * 4) {
        staging = ByteBuffer.allocateDirect(width * height * 4).order(ByteOrder.nativeOrder());
      }
      VideoBufferConverter.convertFromI420(frame.buffer, staging, FourCC.ARGB);
      ByteBuffer ready = staging;
      fx.execute(() -> present(ready, width, height));
    } catch (Exception e) {
      pending.set(false);
      log.warn("cannot convert a video frame: {}", e.toString());
    } finally {
      frame.release();
    }
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
  }

  private void present(ByteBuffer frame, int width, int height) {
    try {
      if (stopped || paused) {
        return;
      }
      if (pixels == null || pixels.getWidth() != width || pixels.getHeight() != height) {
        pixels = new PixelBuffer<>(width, height,
            ByteBuffer.allocateDirect(width * height * 4).order(ByteOrder.nativeOrder()).asIntBuffer(),
            PixelFormat.getIntArgbPreInstance());
        onNewImage.accept(new WritableImage(pixels));
      }
      pixels.updateBuffer(
          buffer -> {
            IntBuffer target = buffer.getBuffer();
            target.clear();
            target.put(frame.duplicate().order(ByteOrder.nativeOrder()).clear().asIntBuffer());
            target.clear();
            return null;
          });
      presented++; // FX thread only writes it
      if (!painted) {
        painted = true;
        onFirstPaint.run();
      }
    } finally {
      pending.set(false);
    }
  }
}
