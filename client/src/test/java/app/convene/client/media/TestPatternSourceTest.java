package app.convene.client.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onvoid.webrtc.media.video.VideoTrack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The synthetic camera, watched through a real track of one shared factory. */
class TestPatternSourceTest {
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
  void framesHaveTheAskedSizeShowTheBarsAndMove() throws Exception {
    try (TestPatternSource pattern = new TestPatternSource(64, 32, 60)) {
      FrameProbe probe = new FrameProbe();
      VideoTrack track = media.factory().createVideoTrack("pattern", pattern.source());
      track.addSink(probe);
      try {
        FrameProbe.Seen first = probe.next();
        FrameProbe.Seen second = probe.next();

        assertThat(first.width()).isEqualTo(64);
        assertThat(first.height()).isEqualTo(32);
        assertThat(distinct(first.lumaRow())).as("eight bars of different brightness").isEqualTo(8);
        assertThat(second.lumaRow()).as("the bars scroll").isNotEqualTo(first.lumaRow());
        assertThat(pattern.framesPushed()).isGreaterThanOrEqualTo(2);
      } finally {
        track.removeSink(probe);
        track.dispose();
      }
    }
  }

  @Test
  void theRateCanBeLoweredButNeverRaisedAboveTheOneItWasMadeWith() {
    try (TestPatternSource pattern = new TestPatternSource(64, 32, 30)) {
      pattern.limitRate(10);
      assertThat(pattern.rate()).isEqualTo(10);
      pattern.limitRate(120);
      assertThat(pattern.rate()).isEqualTo(30);
      pattern.limitRate(0);
      assertThat(pattern.rate()).isEqualTo(1);
    }
  }

  @Test
  void oddSmallOrTooFastPatternsAreRefusedBeforeAnyNativeWork() {
    assertThatThrownBy(() -> new TestPatternSource(15, 16, 30))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 16x16");
    assertThatThrownBy(() -> new TestPatternSource(33, 32, 30))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("even");
    assertThatThrownBy(() -> new TestPatternSource(64, 32, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 to 60 fps");
    assertThatThrownBy(() -> new TestPatternSource(64, 32, 61))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 to 60 fps");
  }

  @Test
  void closingWhileFramesFlowNeverPushesIntoTheDisposedSource() throws Exception {
    // Disposing the native source under a running push crashes the JVM (and this test run).
    for (int i = 0; i < 20; i++) {
      TestPatternSource pattern = new TestPatternSource(640, 360, 60);
      while (pattern.framesPushed() < 1 + i % 3) {
        Thread.onSpinWait();
      }
      pattern.close();
      long pushed = pattern.framesPushed();
      pattern.limitRate(30); // must not start pushing again

      Thread.sleep(i == 0 ? 100 : 0); // at 60 fps, six frames would be pushed meanwhile
      assertThat(pattern.framesPushed()).isEqualTo(pushed);
    }
  }

  @Test
  void closingTwiceIsHarmless() {
    TestPatternSource pattern = new TestPatternSource(64, 32, 30);
    pattern.close();

    assertThatCode(pattern::close).doesNotThrowAnyException();
  }

  private static long distinct(byte[] row) {
    return new String(row, java.nio.charset.StandardCharsets.ISO_8859_1).chars().distinct().count();
  }
}
