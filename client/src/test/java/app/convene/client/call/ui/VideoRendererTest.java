package app.convene.client.call.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.convene.client.media.MediaEngine;
import app.convene.client.testing.Fx;
import dev.onvoid.webrtc.media.video.NativeI420Buffer;
import dev.onvoid.webrtc.media.video.VideoFrame;
import java.nio.ByteBuffer;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The renderer on real native frames (webrtc-java's I420 buffers, libyuv's scaling and
 * conversion) and the FX thread: frames larger than their tile arrive in the image at the tile's
 * size, with their picture where it was.
 */
@ExtendWith(ApplicationExtension.class)
class VideoRendererTest {
  @BeforeAll
  static void loadWebRtc() {
    MediaEngine.preload();
  }

  @Start
  void start(Stage stage) {
    // The renderer needs the FX thread, not a window.
  }

  @Test
  void aFrameIsFittedIntoItsTileKeepingItsShapeAndNeverEnlarged() {
    assertThat(size(VideoRenderer.fit(640, 360, tile(480, 270)))).isEqualTo("480x270");
    assertThat(size(VideoRenderer.fit(640, 360, tile(320, 320)))).isEqualTo("320x180");
    assertThat(size(VideoRenderer.fit(640, 360, tile(1000, 200)))).isEqualTo("356x200");
    assertThat(size(VideoRenderer.fit(640, 360, tile(201, 1000)))).isEqualTo("200x112");
    assertThat(size(VideoRenderer.fit(1280, 720, tile(1, 1)))).isEqualTo("2x2");
    // Fits already, or no size known: drawn as it is.
    assertThat(VideoRenderer.fit(640, 360, tile(640, 360))).isZero();
    assertThat(VideoRenderer.fit(640, 360, tile(1920, 1080))).isZero();
    assertThat(size(VideoRenderer.fit(640, 360, tile(639, 1000)))).isEqualTo("638x358");
    assertThat(VideoRenderer.fit(640, 360, 0)).isZero();
  }

  @Test
  void largerFramesAreScaledToTheTileAndSmallerTilesGetSmallerImages() throws Exception {
    LinkedBlockingQueue<Image> images = new LinkedBlockingQueue<>();
    LinkedBlockingQueue<Boolean> painted = new LinkedBlockingQueue<>();
    VideoRenderer renderer = new VideoRenderer(Platform::runLater, images::add,
        () -> painted.add(true));

    // No tile size yet: the frame's own size.
    deliver(renderer);
    Image full = images.poll(5, TimeUnit.SECONDS);
    assertThat(full).isNotNull();
    assertThat(full.getWidth()).isEqualTo(640);
    assertThat(painted.poll(5, TimeUnit.SECONDS)).isTrue();
    awaitPresented(renderer, 1);
    assertHalves(full);

    renderer.showAt(320.4, 400); // a tile of 320×400 device pixels
    deliver(renderer);
    Image fitted = images.poll(5, TimeUnit.SECONDS);
    assertThat(fitted).isNotNull();
    assertThat(fitted.getWidth()).isEqualTo(320);
    assertThat(fitted.getHeight()).isEqualTo(180);
    awaitPresented(renderer, 2);
    assertHalves(fitted);

    // The same size again: the same image, redrawn.
    deliver(renderer);
    awaitPresented(renderer, 3);
    assertThat(images).isEmpty();

    // A tile larger than the frame: not enlarged here (JavaFX scales it up when it draws).
    renderer.showAt(1920, 1080);
    deliver(renderer);
    assertThat(images.poll(5, TimeUnit.SECONDS).getWidth()).isEqualTo(640);
    assertThat(painted).isEmpty(); // the first paint is told once
  }

  @Test
  void onAClockTwoTilesFramesAreShownTogetherOneHandOverPerTick() throws Exception {
    AtomicInteger handOvers = new AtomicInteger();
    VideoClock clock = new VideoClock(task -> {
      handOvers.incrementAndGet();
      Platform.runLater(task);
    });
    LinkedBlockingQueue<Boolean> painted = new LinkedBlockingQueue<>();
    VideoRenderer a = new VideoRenderer(clock, image -> { }, () -> painted.add(true));
    VideoRenderer b = new VideoRenderer(clock, image -> { }, () -> painted.add(true));
    ScheduledExecutorService cameras = Executors.newScheduledThreadPool(2);
    try {
      // The first frames are shown at once, each in its own hand-over.
      deliver(a);
      deliver(b);
      assertThat(painted.poll(5, TimeUnit.SECONDS)).isTrue();
      assertThat(painted.poll(5, TimeUnit.SECONDS)).isTrue();
      awaitPresented(a, 1);
      awaitPresented(b, 1);

      // Then two tiles at 30 fps, out of step by half a frame: the window is handed over (and
      // repainted) once per tick with both tiles' frames, not once per frame.
      int before = handOvers.get();
      long shownBefore = a.presented() + b.presented();
      long period = 1_000_000 / 30;
      var aFrames = cameras.scheduleAtFixedRate(() -> deliver(a), 0, period, TimeUnit.MICROSECONDS);
      var bFrames = cameras.scheduleAtFixedRate(() -> deliver(b), period / 2, period, TimeUnit.MICROSECONDS);
      Thread.sleep(2000);
      aFrames.cancel(false);
      bFrames.cancel(false);
      Thread.sleep(200);
      int ticks = handOvers.get() - before;
      long shown = a.presented() + b.presented() - shownBefore;
      assertThat(a.presented()).isGreaterThan(15);
      assertThat(b.presented()).isGreaterThan(15);
      assertThat(ticks).as("hand-overs in 2 s at %d a second", VideoClock.RATE)
          .isLessThanOrEqualTo(2 * VideoClock.RATE + 3);
      assertThat((double) shown / ticks).as("frames shown per hand-over").isGreaterThan(1.5);

      // A stopped tile shows no more; a closed clock shows nothing more.
      b.stop();
      long bShown = b.presented();
      deliver(b);
      deliver(a);
      awaitPresented(a, a.presented() + 1);
      assertThat(b.presented()).isEqualTo(bShown);
      clock.close();
      long aShown = a.presented();
      int closedAt = handOvers.get();
      deliver(a);
      Thread.sleep(200);
      assertThat(a.presented()).isEqualTo(aShown);
      assertThat(handOvers.get()).isEqualTo(closedAt);
    } finally {
      cameras.shutdownNow();
      clock.close();
    }
  }

  /** A 640×360 frame, white on the left half and black on the right. */
  private static void deliver(VideoRenderer renderer) {
    NativeI420Buffer buffer = NativeI420Buffer.allocate(640, 360);
    fill(buffer.getDataY(), buffer.getStrideY(), 640, 360, (byte) 235, (byte) 16);
    fill(buffer.getDataU(), buffer.getStrideU(), 320, 180, (byte) 128, (byte) 128);
    fill(buffer.getDataV(), buffer.getStrideV(), 320, 180, (byte) 128, (byte) 128);
    renderer.onVideoFrame(new VideoFrame(buffer, System.nanoTime())); // it releases the frame
  }

  private static void fill(ByteBuffer plane, int stride, int width, int rows, byte left, byte right) {
    for (int y = 0; y < rows; y++) {
      for (int x = 0; x < width; x++) {
        plane.put(y * stride + x, x < width / 2 ? left : right);
      }
    }
  }

  private static void awaitPresented(VideoRenderer renderer, long frames) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (renderer.presented() < frames) {
      assertThat(System.nanoTime()).as("frame %d drawn", frames).isLessThan(deadline);
      Thread.sleep(10);
    }
    // The next frame must not find the previous hand-over still pending.
    Thread.sleep(50);
  }

  /** The left quarter is white, the right quarter black, as in the frame. */
  private static void assertHalves(Image image) throws Exception {
    int[] argb = Fx.call(() -> new int[] {
        image.getPixelReader().getArgb((int) (image.getWidth() / 4), (int) (image.getHeight() / 2)),
        image.getPixelReader().getArgb((int) (image.getWidth() * 3 / 4), (int) (image.getHeight() / 2))
    });
    assertThat(argb[0] & 0xff).as("blue of the left").isGreaterThan(230);
    assertThat(argb[0] >> 8 & 0xff).as("green of the left").isGreaterThan(230);
    assertThat(argb[1] & 0xff).as("blue of the right").isLessThan(25);
    assertThat(argb[1] >> 16 & 0xff).as("red of the right").isLessThan(25);
  }

  private static long tile(int width, int height) {
    return (long) width << 32 | height;
  }

  private static String size(long packed) {
    return (packed >>> 32) + "x" + (int) packed;
  }
}
