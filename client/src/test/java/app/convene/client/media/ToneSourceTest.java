package app.convene.client.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onvoid.webrtc.media.audio.AudioTrack;
import dev.onvoid.webrtc.media.audio.AudioTrackSink;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The synthetic microphone, heard through a real audio track of one shared factory. */
class ToneSourceTest {
  private static MediaEngine media;

  @BeforeAll
  static void startMedia() {
    media = new MediaEngine(MediaOptions.synthetic(64, 32, 30));
  }

  @AfterAll
  static void stopMedia() {
    media.close();
  }

  @Test
  void everyPushHoldsTheSinksLockSoPeerConnectionsCanChangeSinksSafely() throws Exception {
    ReentrantLock sinks = new ReentrantLock();
    try (ToneSource tone = new ToneSource(sinks)) {
      AudioTrack track = media.factory().createAudioTrack("tone", tone.source());
      CompletableFuture<Boolean> heldDuringPush = new CompletableFuture<>();
      CompletableFuture<String> thread = new CompletableFuture<>();
      AudioTrackSink sink = (data, bits, rate, channels, frames) -> {
        thread.complete(Thread.currentThread().getName());
        heldDuringPush.complete(sinks.isHeldByCurrentThread());
      };
      track.addSink(sink);
      try {
        assertThat(heldDuringPush.get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(thread.get()).isEqualTo("tone");
      } finally {
        track.removeSink(sink);
        track.dispose();
      }
    }
  }

  @Test
  void aToneWithoutALockIsRefusedAtOnceNotOnItsThread() {
    assertThatThrownBy(() -> new ToneSource(null))
        .isInstanceOf(NullPointerException.class).hasMessage("sinks == null");
  }

  @Test
  void closingWhileTheToneIsPushingNeverCrashes() {
    // Disposing the native source under a running push crashes the JVM (and this test run).
    for (int i = 0; i < 20; i++) {
      ReentrantLock sinks = new ReentrantLock();
      ToneSource tone = new ToneSource(sinks);
      tone.close();

      assertThat(sinks.isLocked()).as("no push left running").isFalse();
    }
  }

  @Test
  void closingTwiceIsHarmless() {
    ToneSource tone = new ToneSource(new ReentrantLock());
    tone.close();

    assertThatCode(tone::close).doesNotThrowAnyException();
  }
}
