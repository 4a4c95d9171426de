package app.convene.client.media;

import dev.onvoid.webrtc.media.audio.CustomAudioSource;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A synthetic microphone: a quiet 440 Hz tone, 10 ms of 48 kHz mono 16-bit PCM every 10 ms,
 * pushed into a {@link CustomAudioSource} on the source's own scheduler thread.
 */
public final class ToneSource implements AutoCloseable {
  private static final int SAMPLE_RATE = 48_000;
  private static final int FRAMES_PER_CHUNK = SAMPLE_RATE / 100;
  private static final double FREQUENCY = 440.0;
  private static final double AMPLITUDE = 0.2 * Short.MAX_VALUE;

  private final CustomAudioSource source = new CustomAudioSource();
  private final byte[] chunk = new byte[FRAMES_PER_CHUNK * 2];
  private final ScheduledExecutorService scheduler;
  private long sampleIndex;

  public ToneSource() {
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
    source.pushAudio(chunk, 16, SAMPLE_RATE, 1, FRAMES_PER_CHUNK);
  }

  @Override
  public void close() {
    scheduler.shutdown();
    try {
      scheduler.awaitTermination(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    source.dispose();
  }
}
