package app.convene.client.call;

import app.convene.client.i18n.Messages;
import app.convene.client.media.MediaEngine;
import dev.onvoid.webrtc.media.audio.AudioDevice;
import dev.onvoid.webrtc.media.video.VideoDevice;
import dev.onvoid.webrtc.media.video.VideoTrack;
import dev.onvoid.webrtc.media.video.VideoTrackSink;
import dev.onvoid.webrtc.media.video.desktop.DesktopSource;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Our own media in a call, without JavaFX: the local preview, whether we send the camera or the
 * screen, the microphone and camera switches, and the devices. Every command runs on the call
 * executor (where the media engine may be used) and returns a future that completes there, or
 * fails when the media engine refused or the call has ended (then nothing was done).
 */
public final class LocalMedia {
  private final CallSession session;
  private final MediaEngine media;
  private final VideoTrackSink preview;
  private VideoTrack previewTrack; // call executor
  private boolean sharing; // call executor

  /** @param preview where our own video is drawn (and every frame released) */
  public LocalMedia(CallSession session, MediaEngine media, VideoTrackSink preview) {
    this.session = Objects.requireNonNull(session, "session == null");
    this.media = Objects.requireNonNull(media, "media == null");
    this.preview = Objects.requireNonNull(preview, "preview == null");
  }

  /**
   * Shows the camera in the preview. Completes with the camera's name, or {@code null} when the
   * engine sends its test pattern instead.
   */
  public CompletableFuture<String> startPreview() {
    CompletableFuture<String> name = new CompletableFuture<>();
    session.onCallThread(() -> {
      showPreview(media.cameraTrack());
      name.complete(media.pattern() != null ? null : media.cameraName());
    }).exceptionally(e -> {
      name.completeExceptionally(e);
      return null;
    });
    return name;
  }

  public CompletableFuture<Void> setMicrophoneOn(boolean on) {
    return session.onCallThread(() -> media.audioTrack().setEnabled(on));
  }

  public CompletableFuture<Void> setCameraOn(boolean on) {
    return session.onCallThread(() -> media.cameraTrack().setEnabled(on));
  }

  /**
   * Sends the first screen instead of the camera ({@code on}), or the camera again. Fails when
   * there is no screen to share.
   */
  public CompletableFuture<Void> setSharing(boolean on) {
    return session.onCallThread(() -> {
      if (on == sharing) {
        return;
      }
      if (on) {
        List<DesktopSource> screens = media.screens();
        if (screens.isEmpty()) {
          throw new IllegalStateException(Messages.get("call.noScreen"));
        }
        VideoTrack screen = media.startScreen(screens.getFirst());
        session.links().installVideo(screen);
        showPreview(screen);
      } else {
        session.links().installVideo(media.cameraTrack());
        showPreview(media.cameraTrack());
        media.stopScreen();
      }
      sharing = on;
    });
  }

  /** Another camera, or the test pattern for {@code null}; sent once we do not share the screen. */
  public CompletableFuture<Void> useCamera(VideoDevice device) {
    return session.onCallThread(() -> {
      if (device == null) {
        media.usePattern(this::installCamera);
      } else {
        media.useCamera(device, this::installCamera);
      }
    });
  }

  public CompletableFuture<Void> useMicrophone(AudioDevice device) {
    return session.onCallThread(() -> media.useMicrophone(device));
  }

  public CompletableFuture<Void> useSpeaker(AudioDevice device) {
    return session.onCallThread(() -> media.useSpeaker(device));
  }

  /** Call executor: the camera's new track. */
  private void installCamera(VideoTrack track) {
    if (!sharing) {
      session.links().installVideo(track);
      showPreview(track);
    }
  }

  /** Call executor: moves the local preview to {@code track}. */
  private void showPreview(VideoTrack track) {
    if (previewTrack != null) {
      previewTrack.removeSink(preview);
    }
    previewTrack = track;
    track.addSink(preview);
  }
}
