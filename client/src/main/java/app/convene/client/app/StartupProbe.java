package app.convene.client.app;

import java.time.Duration;
import java.time.Instant;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Hidden {@code --startup-probe}: when the calendar is first laid out on screen, prints how long
 * that took since the process started, and quits the app. Used by the start-up benchmark
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
        Instant now = Instant.now();
        long sinceStart = ProcessHandle.current().info().startInstant()
            .map(start -> Duration.between(start, now).toMillis()).orElse(-1L);
        System.out.println("calendar shown: " + sinceStart + " ms after process start"
            + " (epoch ms " + now.toEpochMilli() + ")");
        System.out.flush();
        Platform.exit();
      });
    };
    scene.addPostLayoutPulseListener(listener[0]);
    Platform.requestNextPulse();
  }
}
