package app.convene.client.call.ui;

import app.convene.client.media.MediaEngine;
import app.convene.client.testing.Fx;
import com.sun.management.OperatingSystemMXBean;
import com.sun.management.ThreadMXBean;
import dev.onvoid.webrtc.media.video.NativeI420Buffer;
import dev.onvoid.webrtc.media.video.VideoFrame;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * What drawing a 640×360, 30 fps video into a 480×270 tile costs the desktop app, with the frames
 * drawn as they come (JavaFX scales them on every repaint) and scaled to the tile first by libyuv
 * ({@link VideoRenderer#showAt}), side by side in one process, interleaved: the process's CPU
 * (delivery, conversion, the FX thread, JavaFX's render thread), the frames drawn, and the bytes
 * allocated per frame on the delivering thread and on the FX thread. A real {@link VideoTile} in
 * a window; JavaFX chooses its pipeline as the app does (software on Xvfb, no GPU).
 *
 * <p>Usage: {@code RendererBenchmark [seconds per round] [rounds]} (defaults 10 and 3); needs a
 * display.
 */
public final class RendererBenchmark {
  private static final int WIDTH = 640;
  private static final int HEIGHT = 360;

  private RendererBenchmark() {}

  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    MediaEngine.preload();
    CompletableFuture<Void> started = new CompletableFuture<>();
    Platform.startup(() -> started.complete(null));
    started.join();
    long fxThread = Fx.call(() -> Thread.currentThread().threadId());
    TileModel model = Fx.call(() -> new TileModel("bench", "Bench", false));
    VideoRenderer renderer = new VideoRenderer(Platform::runLater, image ->
        model.imageProperty().set(image));
    model.renderer = renderer;
    Stage stage = Fx.call(() -> {
      Stage shown = new Stage();
      VideoTile tile = new VideoTile(model);
      shown.setScene(new Scene(new StackPane(tile), 480, 270));
      tile.setMaxSize(480, 270);
      shown.show();
      return shown;
    });
    NativeI420Buffer[] frames = {pattern(0), pattern(WIDTH / 2)};
    ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    ScheduledExecutorService camera = Executors.newSingleThreadScheduledExecutor(
        r -> new Thread(r, "bench-camera"));
    long cameraThread = camera.submit(() -> Thread.currentThread().threadId()).get();

    List<String> rows = new ArrayList<>();
    for (int round = -1; round < rounds; round++) { // one round of warm-up
      for (boolean scaled : new boolean[] {false, true}) {
        renderer.showAt(scaled ? 480 : 0, scaled ? 270 : 0);
        Thread.sleep(500);
        long drawn = renderer.presented();
        long cpu = os.getProcessCpuTime();
        long cameraBytes = threads.getThreadAllocatedBytes(cameraThread);
        long fxBytes = threads.getThreadAllocatedBytes(fxThread);
        long begin = System.nanoTime();
        long[] sent = {0};
        var ticking = camera.scheduleAtFixedRate(() -> {
          NativeI420Buffer buffer = frames[(int) (sent[0]++ % 2)];
          buffer.retain(); // the renderer releases the frame, and with it one reference
          renderer.onVideoFrame(new VideoFrame(buffer, System.nanoTime()));
        }, 0, 1_000_000 / 30, TimeUnit.MICROSECONDS);
        Thread.sleep(seconds * 1000L);
        ticking.cancel(false);
        Thread.sleep(100);
        double elapsed = (System.nanoTime() - begin) / 1e9;
        long frameCount = renderer.presented() - drawn;
        if (round >= 0) {
          rows.add(String.format(Locale.ROOT, "| %s | %.3f | %.1f | %d | %d |",
              scaled ? "scaled to 480×270 by libyuv" : "drawn at 640×360, scaled by JavaFX",
              (os.getProcessCpuTime() - cpu) / 1e9 / elapsed, frameCount / elapsed,
              (threads.getThreadAllocatedBytes(cameraThread) - cameraBytes) / Math.max(1, sent[0]),
              (threads.getThreadAllocatedBytes(fxThread) - fxBytes) / Math.max(1, frameCount)));
        }
      }
    }
    camera.shutdown();
    System.out.printf(Locale.ROOT, "%d rounds of %d s, 640×360 at 30 fps into a 480×270 tile%n",
        rounds, seconds);
    System.out.println("| frames | CPU, cores (process) | drawn per second | bytes allocated per frame, delivering thread | bytes allocated per frame drawn, FX thread |");
    System.out.println("| --- | --- | --- | --- | --- |");
    rows.forEach(System.out::println);
    Fx.run(stage::close);
    for (NativeI420Buffer buffer : frames) {
      buffer.release();
    }
    Platform.exit();
  }

  /** Colour bars, started {@code shift} pixels to the right. */
  private static NativeI420Buffer pattern(int shift) {
    NativeI420Buffer buffer = NativeI420Buffer.allocate(WIDTH, HEIGHT);
    fill(buffer.getDataY(), buffer.getStrideY(), WIDTH, HEIGHT, shift, new int[] {235, 210, 170, 145, 106, 81, 41, 16});
    fill(buffer.getDataU(), buffer.getStrideU(), WIDTH / 2, HEIGHT / 2, shift / 2, new int[] {128, 16, 166, 54, 202, 90, 240, 128});
    fill(buffer.getDataV(), buffer.getStrideV(), WIDTH / 2, HEIGHT / 2, shift / 2, new int[] {128, 146, 16, 34, 222, 240, 110, 128});
    return buffer;
  }

  private static void fill(ByteBuffer plane, int stride, int width, int rows, int shift, int[] bars) {
    for (int y = 0; y < rows; y++) {
      for (int x = 0; x < width; x++) {
        plane.put(y * stride + x, (byte) bars[((x + shift) % width) * bars.length / width]);
      }
    }
  }
}
