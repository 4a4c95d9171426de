package app.convene.client.app;

import javafx.application.Platform;
import javafx.scene.Scene;

/** Runs code once a scene's next frame has been handed to the renderer. */
final class FirstFrame {
  private FirstFrame() {}

  /** Runs {@code action} on the FX thread after the next pulse of {@code scene}. FX thread. */
  static void after(Scene scene, Runnable action) {
    Runnable[] listener = new Runnable[1];
    listener[0] = () -> {
      scene.removePostLayoutPulseListener(listener[0]);
      Platform.runLater(action);
    };
    scene.addPostLayoutPulseListener(listener[0]);
    Platform.requestNextPulse();
  }
}
