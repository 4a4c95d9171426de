package app.convene.client.media;

import dev.onvoid.webrtc.media.audio.CustomAudioSource;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Lock;

/**
 * A synthetic microphone: a quiet 440 Hz tone, 10 ms of 48 kHz mono 16-bit PCM every 10 ms,
 * pushed into a {@link CustomAudioSource} on the source's own scheduler thread.
 *
 * <p>webrtc-java 0.14's {@code CustomAudioSource} keeps its sinks in an unguarded vector: a peer
 * connection that adds or removes its audio sender (on the WebRTC signaling thread) while this
 * thread iterates it in {@code PushAudioData} crashed the process (SIGSEGV) in rooms of five.
 * Every push therefore holds {@code sinks}, the lock that {@link MediaEngine#changeAudioSinks}
 * holds around those calls.
 */
public final class ToneSource implements AutoCloseable {
  private static final int SAMPLE_RATE = 48_000;
  private static final int FRAMES_PER_CHUNK = SAMPLE_RATE / 100;
  private static final double FREQUENCY = 440.0;
  private static final double AMPLITUDE = 0.2 * Short.MAX_VALUE;

  private final CustomAudioSource source = new CustomAudioSource();
  private final byte[] chunk = new byte[FRAMES_PER_CHUNK * 2];
  private final ScheduledExecutorService scheduler;
  private final Lock sinks;
  private final AtomicBoolean closed = new AtomicBoolean();
  private long sampleIndex;

  /** Starts pushing at once; each push holds {@code sinks}. */
  public ToneSource(Lock sinks) {
    this.sinks = Objects.requireNonNull(sinks, "sinks == null");
    scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "tone");
              t.setDaemon(true);
              return t;
            });
    scheduler.scheduleAtFixedRate(this::pushChunk, 0, 10, TimeUnit.MILLISECONDS);
  }

  public CustomAudioSource source() {
    return source;
  }

  private void pushChunk() {
    for (int i = 0; i < FRAMES_PER_CHUNK; i++) {
      double t = (double) sampleIndex++ / SAMPLE_RATE;
      short sample = (short) (AMPLITUDE * Math.sin(2 * Math.PI * FREQUENCY * t));
      chunk[2 * i] = (byte) sample;
      chunk[2 * i + 1] = (byte) (sample >> 8);
    }
    sinks.lock();
    try {
      source.pushAudio(chunk, 16, SAMPLE_RATE, 1, FRAMES_PER_CHUNK);
    } finally {
      sinks.unlock();
    }
  }

  /**
   * Stops the push thread and waits for it to end; only then disposes the source. Closing again
   * does nothing.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    if (Threads.stopAndJoin(scheduler)) {
      source.dispose();
    }
  }
}
