package app.convene.client.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assumptions.assumeThat;

import app.convene.client.call.Rtc;
import dev.onvoid.webrtc.PeerConnectionObserver;
import dev.onvoid.webrtc.RTCConfiguration;
import dev.onvoid.webrtc.RTCIceCandidate;
import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.RTCSessionDescription;
import dev.onvoid.webrtc.media.audio.AudioTrackSink;
import dev.onvoid.webrtc.media.video.VideoTrack;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The native media stack on a machine without devices: real webrtc-java, one synthetic engine
 * shared by the class for what it sends, and engines of their own for closing.
 */
class MediaEngineTest {
  private static MediaEngine media;

  @BeforeAll
  static void startMedia() {
    media = new MediaEngine(MediaOptions.synthetic(320, 180, 30));
  }

  @AfterAll
  static void stopMedia() {
    media.close();
  }

  @Test
  void aSyntheticEngineSendsTheTestPatternAtTheAskedSizeOnItsCameraTrack() throws Exception {
    FrameProbe probe = new FrameProbe();
    media.cameraTrack().addSink(probe);
    try {
      FrameProbe.Seen frame = probe.next();

      assertThat(frame.width()).isEqualTo(320);
      assertThat(frame.height()).isEqualTo(180);
      assertThat(media.cameraName()).isEqualTo("Test pattern 320×180");
      assertThat(media.pattern()).isNotNull();
    } finally {
      media.cameraTrack().removeSink(probe);
    }
  }

  @Test
  void aSyntheticEngineSpeaksAnAudibleToneInTenMillisecondChunks() throws Exception {
    CompletableFuture<short[]> chunk = new CompletableFuture<>();
    AtomicReference<String> format = new AtomicReference<>();
    AudioTrackSink sink = (data, bits, rate, channels, frames) -> {
      format.compareAndSet(null, bits + " bit, " + rate + " Hz, " + channels + " channel, " + frames);
      short[] samples = new short[frames];
      for (int i = 0; i < frames; i++) {
        samples[i] = (short) ((data[2 * i] & 0xff) | (data[2 * i + 1] << 8));
      }
      chunk.complete(samples);
    };
    media.audioTrack().addSink(sink);
    try {
      short[] samples = chunk.get(5, TimeUnit.SECONDS);

      assertThat(format.get()).isEqualTo("16 bit, 48000 Hz, 1 channel, 480");
      int loudest = 0;
      for (short s : samples) {
        loudest = Math.max(loudest, Math.abs(s));
      }
      assertThat(loudest).as("a fifth of full scale, not silence").isBetween(5_000, 7_000);
    } finally {
      media.audioTrack().removeSink(sink);
    }
  }

  @Test
  void itsFactoryMakesPeerConnectionsThatOfferItsAudioAndVideo() throws Exception {
    RTCPeerConnection pc = media.factory().createPeerConnection(new RTCConfiguration(), new Quiet());
    media.connectionOpened();
    try {
      media.changeAudioSinks(() -> pc.addTrack(media.audioTrack(), List.of("local")));
      pc.addTrack(media.cameraTrack(), List.of("local"));

      RTCSessionDescription offer = Rtc.createOffer(pc, false).get(5, TimeUnit.SECONDS);

      assertThat(offer.sdp).contains("m=audio", "opus", "m=video");
    } finally {
      media.changeAudioSinks(pc::close);
      media.connectionClosed();
    }
  }

  @Test
  void switchingToANewPatternInstallsItsTrackBeforeTheOldOneGoesAndKeepsItMuted() throws Exception {
    try (MediaEngine engine = new MediaEngine(MediaOptions.synthetic(64, 32, 30))) {
      VideoTrack before = engine.cameraTrack();
      TestPatternSource oldPattern = engine.pattern();
      before.setEnabled(false);
      AtomicReference<VideoTrack> installed = new AtomicReference<>();
      AtomicReference<Boolean> oldTrackEnabledAtInstall = new AtomicReference<>();

      engine.usePattern(track -> {
        installed.set(track);
        // A disposed track would throw here: the old one must live until senders moved on.
        oldTrackEnabledAtInstall.set(before.isEnabled());
      });

      assertThat(installed.get()).isSameAs(engine.cameraTrack()).isNotSameAs(before);
      assertThat(oldTrackEnabledAtInstall.get()).isFalse();
      assertThat(engine.cameraTrack().isEnabled()).as("a muted camera stays muted").isFalse();
      assertThat(engine.pattern()).isNotSameAs(oldPattern);
      long stopped = oldPattern.framesPushed();
      FrameProbe probe = new FrameProbe();
      engine.cameraTrack().addSink(probe);
      probe.next();
      engine.cameraTrack().removeSink(probe);
      assertThat(oldPattern.framesPushed()).as("the old pattern pushes no more").isEqualTo(stopped);
    }
  }

  @Test
  void closeWaitsForTheLastPeerConnectionToClose() throws Exception {
    MediaEngine engine = new MediaEngine(MediaOptions.synthetic(64, 32, 30));
    engine.connectionOpened();
    CountDownLatch closing = new CountDownLatch(1);
    CompletableFuture<Void> closed = CompletableFuture.runAsync(() -> {
      closing.countDown();
      engine.close();
    });
    closing.await();

    assertThatCode(() -> closed.get(300, TimeUnit.MILLISECONDS))
        .as("the factory is not disposed under an open connection")
        .isInstanceOf(TimeoutException.class);
    engine.connectionClosed();
    closed.get(5, TimeUnit.SECONDS);
  }

  @Test
  void closingTwiceIsHarmless() {
    MediaEngine engine = new MediaEngine(MediaOptions.synthetic(64, 32, 30));
    engine.close();

    assertThatCode(engine::close).doesNotThrowAnyException();
  }

  @Test
  void onAMachineWithoutDevicesTheDeviceEngineFallsBackToPatternAndTone() throws Exception {
    assumeThat(MediaEngine.cameras()).as("this machine has a camera").isEmpty();
    assumeThat(DeviceQuery.soundServerReachable()).as("this machine has a sound server").isFalse();

    try (MediaEngine engine = new MediaEngine(MediaOptions.devices())) {
      assertThat(engine.cameraName()).isEqualTo("Test pattern 640×360");
      assertThat(engine.pattern()).isNotNull();
      CompletableFuture<Integer> chunk = new CompletableFuture<>();
      AudioTrackSink sink = (data, bits, rate, channels, frames) -> chunk.complete(frames);
      engine.audioTrack().addSink(sink);
      assertThat(chunk.get(5, TimeUnit.SECONDS)).as("the tone stands in for the microphone")
          .isEqualTo(480);
      engine.audioTrack().removeSink(sink);
    }
  }

  /** An observer for a connection that is never connected to anything. */
  private static final class Quiet implements PeerConnectionObserver {
    @Override
    public void onIceCandidate(RTCIceCandidate candidate) {}
  }

  @Test
  void theLibraryLoadsAheadOnceAndAnEngineStartsAfterIt() {
    MediaEngine.preload();
    MediaEngine.preload();
    try (MediaEngine engine = new MediaEngine(MediaOptions.synthetic(160, 90, 15))) {
      assertThat(engine.cameraTrack()).isNotNull();
    }
  }
}
