package app.convene.client.call.ui;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Shows the video of a call's tiles together, at most {@link #RATE} times a second: one hand-over
 * to the FX thread per tick puts every tile's newest frame in its image, so that JavaFX repaints
 * the window once per tick. Handed over one by one, the tiles' frames arrive out of step and each
 * made a repaint of its own: with two tiles at 30 fps the window was drawn some 60 times a second,
 * which in JavaFX's software pipeline (no GPU) cost a sixth of a call's CPU
 * (docs/benchmarks.md). A frame waits at most one tick, 33 ms, and 17 ms on average; a tile's
 * first frame does not wait ({@link VideoRenderer}).
 *
 * <p>The tick runs on a thread of its own, from the first renderer to {@link #close()}; a tick
 * with no frame ready does nothing.
 */
final class VideoClock implements AutoCloseable {
  /** Ticks per second: the frame rate we capture and send at. */
  static final int RATE = 30;

  private final Executor fx;
  private final List<VideoRenderer> renderers = new CopyOnWriteArrayList<>();
  private final AtomicBoolean handedOver = new AtomicBoolean();
  private final Runnable present = this::present;
  private final Object lock = new Object();
  private ScheduledExecutorService ticker; // guarded by lock
  private boolean closed; // guarded by lock

  /** @param fx the FX thread's executor ({@code Platform::runLater}) */
  VideoClock(Executor fx) {
    this.fx = fx;
  }

  /** The FX thread's executor, for a renderer's first frame. */
  Executor fx() {
    return fx;
  }

  /** {@code renderer}'s frames are shown on this clock's ticks until it stops. Any thread. */
  void add(VideoRenderer renderer) {
    renderers.add(renderer);
    synchronized (lock) {
      if (ticker == null && !closed) {
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
          Thread thread = new Thread(r, "video-clock");
          thread.setDaemon(true);
          return thread;
        });
        ticker.scheduleAtFixedRate(this::tick, 0, 1_000_000_000L / RATE, TimeUnit.NANOSECONDS);
      }
    }
  }

  /** {@code renderer} stopped: no more of its frames. Any thread. */
  void remove(VideoRenderer renderer) {
    renderers.remove(renderer);
  }

  /** Stops the ticks; frames still ready are not shown. Any thread; idempotent. */
  @Override
  public void close() {
    synchronized (lock) {
      closed = true;
      if (ticker != null) {
        ticker.shutdownNow();
      }
    }
  }

  /** The clock's thread: one hand-over when any tile has a frame ready and none is pending. */
  private void tick() {
    try {
      for (VideoRenderer renderer : renderers) {
        if (renderer.ready()) {
          if (handedOver.compareAndSet(false, true)) {
            fx.execute(present);
          }
          return;
        }
      }
    } catch (RuntimeException e) { // the FX toolkit has exited; a throw would end the ticks
      handedOver.set(false);
    }
  }

  /** The FX thread: every ready frame into its image. */
  private void present() {
    handedOver.set(false);
    for (VideoRenderer renderer : renderers) {
      renderer.presentIfReady();
    }
  }
}
