package app.convene.client.call.ui;

import app.convene.client.media.MediaEngine;
import dev.onvoid.webrtc.media.audio.AudioDevice;
import dev.onvoid.webrtc.media.video.VideoDevice;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The cameras, microphones and speakers the call window offers; FX thread. */
public final class DeviceLists {
  private final ObservableList<VideoDevice> cameras = FXCollections.observableArrayList();
  private final ObservableList<AudioDevice> microphones = FXCollections.observableArrayList();
  private final ObservableList<AudioDevice> speakers = FXCollections.observableArrayList();
  // Made once: a view holds its listeners, and the backing list holds the view's only weakly.
  private final ObservableList<VideoDevice> camerasView =
      FXCollections.unmodifiableObservableList(cameras);
  private final ObservableList<AudioDevice> microphonesView =
      FXCollections.unmodifiableObservableList(microphones);
  private final ObservableList<AudioDevice> speakersView =
      FXCollections.unmodifiableObservableList(speakers);

  public ObservableList<VideoDevice> cameras() {
    return camerasView;
  }

  public ObservableList<AudioDevice> microphones() {
    return microphonesView;
  }

  public ObservableList<AudioDevice> speakers() {
    return speakersView;
  }

  /** Asks the system for its devices off the FX thread; the lists fill in on {@code fx}. */
  void load(Executor fx) {
    CompletableFuture.supplyAsync(
            () -> new Found(MediaEngine.cameras(), MediaEngine.microphones(), MediaEngine.speakers()),
            MediaEngine.background())
        .thenAcceptAsync(found -> {
          cameras.setAll(found.cameras());
          microphones.setAll(found.microphones());
          speakers.setAll(found.speakers());
        }, fx);
  }

  private record Found(
      List<VideoDevice> cameras, List<AudioDevice> microphones, List<AudioDevice> speakers) {}
}
