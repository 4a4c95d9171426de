package app.convene.client.media;

import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.media.video.VideoDesktopSource;
import dev.onvoid.webrtc.media.video.VideoTrack;
import dev.onvoid.webrtc.media.video.desktop.DesktopSource;
import java.util.Objects;

/**
 * The shared screen of a {@link MediaEngine}: at most one capture and its track. Not thread-safe:
 * the engine's owner (the call executor) calls it.
 */
final class ScreenShare {
  private final PeerConnectionFactory factory;
  private VideoDesktopSource screen;
  private VideoTrack screenTrack;

  ScreenShare(PeerConnectionFactory factory) {
    this.factory = Objects.requireNonNull(factory, "factory == null");
  }

  /** Starts capturing a screen, after stopping the one before; returns its track. */
  VideoTrack start(DesktopSource source) {
    stop();
    VideoDesktopSource desktop = new VideoDesktopSource();
    desktop.setSourceId(source.id, false);
    desktop.setFrameRate(15);
    desktop.setMaxFrameSize(1920, 1080);
    desktop.start();
    screen = desktop;
    screenTrack = factory.createVideoTrack("screen", desktop);
    return screenTrack;
  }

  /** Drops the track, then stops and disposes the capture; nothing when none runs. */
  void stop() {
    if (screenTrack != null) {
      MediaEngine.dispose(screenTrack);
      screenTrack = null;
    }
    if (screen != null) {
      screen.stop();
      screen.dispose();
      screen = null;
    }
  }
}
