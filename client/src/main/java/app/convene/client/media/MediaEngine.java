package app.convene.client.media;

import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.media.MediaDevices;
import dev.onvoid.webrtc.media.MediaStreamTrack;
import dev.onvoid.webrtc.media.audio.AudioDevice;
import dev.onvoid.webrtc.media.audio.AudioDeviceModule;
import dev.onvoid.webrtc.media.audio.AudioDeviceModuleBase;
import dev.onvoid.webrtc.media.audio.AudioOptions;
import dev.onvoid.webrtc.media.audio.AudioTrack;
import dev.onvoid.webrtc.media.audio.AudioTrackSource;
import dev.onvoid.webrtc.media.audio.HeadlessAudioDeviceModule;
import dev.onvoid.webrtc.media.video.VideoDevice;
import dev.onvoid.webrtc.media.video.VideoDeviceSource;
import dev.onvoid.webrtc.media.video.VideoTrack;
import dev.onvoid.webrtc.media.video.desktop.DesktopSource;
import dev.onvoid.webrtc.media.video.desktop.ScreenCapturer;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The native media stack of one app: the peer connection factory, the audio device module and
 * the local tracks (microphone or tone, camera or test pattern, screen).
 *
 * <p>Not thread-safe: the call executor of a {@code CallSession} owns it, except {@link
 * #changeAudioSinks} and the factory's thread-safe {@code createPeerConnection}, which the
 * session's peer links call from their own executors. Device queries block on native code; never
 * call them on the FX thread. The shared screen is {@link ScreenShare}'s, the count of open peer
 * connections {@link OpenConnections}'.
 */
public final class MediaEngine implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(MediaEngine.class);

  private final MediaOptions options;
  private final AudioDeviceModuleBase audioModule;
  private final PeerConnectionFactory factory;
  private final AudioTrack audioTrack;
  private final AutoCloseable audioSourceOwner;
  private final AudioTrackSource audioSource;
  /** Held by the tone thread while it pushes, and around every change of the source's sinks. */
  private final Lock audioSinks = new ReentrantLock();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final OpenConnections connections = new OpenConnections();
  private final ScreenShare screenShare;
  private TestPatternSource pattern;
  private VideoDeviceSource camera;
  private VideoTrack cameraTrack;
  private String cameraName;

  public MediaEngine(MediaOptions options) {
    this.options = Objects.requireNonNull(options, "options == null");
    boolean realAudio = !options.syntheticOnly() && hasAudioDevices();
    audioModule = realAudio ? new AudioDeviceModule() : new HeadlessAudioDeviceModule();
    if (!realAudio) {
      audioModule.initPlayout();
      audioModule.startPlayout();
    }
    factory = new PeerConnectionFactory(audioModule);
    screenShare = new ScreenShare(factory);
    if (realAudio) {
      AudioOptions audioOptions = new AudioOptions();
      audioOptions.echoCancellation = true;
      audioOptions.noiseSuppression = true;
      audioOptions.autoGainControl = true;
      audioOptions.highpassFilter = true;
      audioSource = factory.createAudioSource(audioOptions);
      audioSourceOwner = null;
    } else {
      ToneSource tone = new ToneSource(audioSinks);
      audioSource = tone.source();
      audioSourceOwner = tone;
    }
    audioTrack = factory.createAudioTrack("audio", audioSource);
    List<VideoDevice> cameras = options.syntheticOnly() ? List.of() : cameras();
    if (cameras.isEmpty()) {
      usePattern(track -> {});
    } else {
      useCamera(cameras.getFirst(), track -> {});
    }
  }

  /**
   * Loads webrtc-java's native library (its classes do on first use), without making anything of
   * it; blocks for as long as that takes. Any thread; a second call does nothing.
   */
  public static void preload() {
    try {
      Class.forName(PeerConnectionFactory.class.getName(), true, MediaEngine.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("webrtc-java is not on the class path", e);
    }
  }

  /**
   * Runs {@code change}, a call that adds or removes a sink of the audio source (adding the audio
   * track to a peer connection, closing one), while no audio is being pushed. Any thread.
   */
  public void changeAudioSinks(Runnable change) {
    audioSinks.lock();
    try {
      change.run();
    } finally {
      audioSinks.unlock();
    }
  }

  /** Any thread: a peer connection was made from {@link #factory()}. */
  public void connectionOpened() {
    connections.opened();
  }

  /** Any thread: a peer connection made from {@link #factory()} is closed. */
  public void connectionClosed() {
    connections.closed();
  }

  public PeerConnectionFactory factory() {
    return factory;
  }

  public AudioTrack audioTrack() {
    return audioTrack;
  }

  /** The camera's track, or the test pattern's when there is no camera. */
  public VideoTrack cameraTrack() {
    return cameraTrack;
  }

  /** What the camera track shows, e.g. "Test pattern 640×360" or the camera's name. */
  public String cameraName() {
    return cameraName;
  }

  /** The test pattern, or {@code null} while a real camera is in use. */
  public TestPatternSource pattern() {
    return pattern;
  }

  /**
   * Switches the camera track to another device. {@code install} receives the new track and must
   * put it in place of the old one on every sender before this method disposes the old one.
   */
  public void useCamera(VideoDevice device, Consumer<VideoTrack> install) {
    Objects.requireNonNull(device, "device == null");
    VideoDeviceSource source = new VideoDeviceSource();
    source.setVideoCaptureDevice(device);
    source.start();
    replaceCamera(factory.createVideoTrack("camera", source), install);
    camera = source;
    cameraName = device.getName();
  }

  /** Switches the camera track to the synthetic test pattern, like {@link #useCamera}. */
  public void usePattern(Consumer<VideoTrack> install) {
    TestPatternSource source = new TestPatternSource(options.width(), options.height(), options.fps());
    replaceCamera(factory.createVideoTrack("camera", source.source()), install);
    pattern = source;
    cameraName = "Test pattern " + options.width() + "×" + options.height();
  }

  private void replaceCamera(VideoTrack next, Consumer<VideoTrack> install) {
    VideoTrack previous = cameraTrack;
    cameraTrack = next;
    install.accept(next);
    if (previous != null) {
      next.setEnabled(previous.isEnabled());
      dispose(previous);
    }
    if (camera != null) {
      camera.stop();
      camera.dispose();
      camera = null;
    }
    if (pattern != null) {
      pattern.close();
      pattern = null;
    }
  }

  /** The screens that can be shared. */
  public List<DesktopSource> screens() {
    ScreenCapturer capturer = new ScreenCapturer();
    try {
      return capturer.getDesktopSources();
    } finally {
      capturer.dispose();
    }
  }

  /** Starts capturing a screen; returns its track. */
  public VideoTrack startScreen(DesktopSource source) {
    return screenShare.start(source);
  }

  public void stopScreen() {
    screenShare.stop();
  }

  public void useMicrophone(AudioDevice device) {
    audioModule.stopRecording();
    audioModule.setRecordingDevice(device);
    audioModule.initRecording();
    audioModule.startRecording();
  }

  public void useSpeaker(AudioDevice device) {
    audioModule.stopPlayout();
    audioModule.setPlayoutDevice(device);
    audioModule.initPlayout();
    audioModule.startPlayout();
  }

  /** The cameras; blocks up to a few seconds, so never call it on the FX thread. */
  public static List<VideoDevice> cameras() {
    return DeviceQuery.list("cameras", MediaDevices::getVideoCaptureDevices);
  }

  /** The microphones; blocks up to a few seconds, so never call it on the FX thread. */
  public static List<AudioDevice> microphones() {
    if (!DeviceQuery.soundServerReachable()) {
      return List.of();
    }
    return DeviceQuery.list("microphones", MediaDevices::getAudioCaptureDevices);
  }

  /** The speakers; blocks up to a few seconds, so never call it on the FX thread. */
  public static List<AudioDevice> speakers() {
    if (!DeviceQuery.soundServerReachable()) {
      return List.of();
    }
    return DeviceQuery.list("speakers", MediaDevices::getAudioRenderDevices);
  }

  /** An executor for work that may block on device queries. */
  public static java.util.concurrent.Executor background() {
    return DeviceQuery.background();
  }

  /**
   * Drops our reference to a track. A track that was ever sent stays referenced by the closed
   * peer connection's sender (webrtc-java 0.14 closes a connection without releasing it), and
   * the library reports that as an error; the memory is reclaimed when the process ends.
   */
  static void dispose(MediaStreamTrack track) {
    try {
      track.dispose();
    } catch (Error e) { // the library reports this case as java.lang.Error
      log.debug("track {} still referenced by a closed connection", track.getId());
    }
  }

  private static boolean hasAudioDevices() {
    return !microphones().isEmpty() && !speakers().isEmpty();
  }

  /**
   * Stops every producer (screen, camera, test pattern and tone threads, each joined before its
   * source is disposed), then drops the tracks, then stops the audio module and disposes the
   * factory and the module. Close the peer connections first: this waits up to 30 s for the last
   * of them, and should one still be closing (a starved machine), leaves the factory and the
   * module to the process's end rather than dispose them under it. Closing again does nothing
   * (the native objects are gone; disposing one twice throws).
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    boolean connectionsClosed = connections.awaitAllClosed(30_000);
    stopScreen();
    if (camera != null) {
      camera.stop();
    }
    if (pattern != null) {
      pattern.close(); // joins its thread, then disposes its source
    }
    if (audioSourceOwner != null) {
      try {
        audioSourceOwner.close(); // the tone: joins its thread, then disposes its source
      } catch (Exception e) {
        log.warn("closing the audio source failed", e);
      }
    }
    dispose(cameraTrack);
    dispose(audioTrack);
    if (camera != null) {
      camera.dispose();
    }
    if (!connectionsClosed) {
      log.warn("a peer connection is still closing; the WebRTC factory is left to the process's end");
      return;
    }
    audioModule.stopPlayout();
    audioModule.stopRecording();
    factory.dispose();
    audioModule.dispose();
  }
}
