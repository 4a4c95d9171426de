package app.convene.client.app;

import java.time.Instant;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Hidden {@code --startup-probe}: when the calendar is first laid out on screen, prints the time
 * (epoch milliseconds) and quits the app. Used by the start-up benchmark
 * ({@code installers/bench/startup.sh}) and by the training run of the AOT cache. Does nothing
 * unless enabled.
 */
final class StartupProbe {
  private static volatile boolean enabled;

  private StartupProbe() {}

  static void enable() {
    enabled = true;
  }

  /** FX thread: the calendar has just been put into {@code stage}. */
  static void calendarShown(Stage stage) {
    if (!enabled) {
      return;
    }
    enabled = false;
    Scene scene = stage.getScene();
    Runnable[] listener = new Runnable[1];
    listener[0] = () -> {
      scene.removePostLayoutPulseListener(listener[0]);
      Platform.runLater(() -> { // after this pulse, which hands the frame to the renderer
        // The wall clock, for the caller to subtract its launch time from: the process start
        // time that Linux reports is only precise to the second.
        System.out.println("calendar shown at epoch ms " + Instant.now().toEpochMilli());
        System.out.flush();
        Platform.exit();
      });
    };
    scene.addPostLayoutPulseListener(listener[0]);
    Platform.requestNextPulse();
  }
}
