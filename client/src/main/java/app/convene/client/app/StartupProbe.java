package app.convene.client.app;

import app.convene.client.calendar.CalendarModel;
import java.time.Instant;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Hidden {@code --startup-probe}: when the calendar first shows its meetings on screen, prints the
 * time (epoch milliseconds) and quits the app. Used by the start-up benchmark
 * ({@code installers/bench/startup.sh}) and by the training run of the AOT cache. Does nothing
 * unless enabled.
 */
final class StartupProbe {
  private static volatile boolean enabled;

  private StartupProbe() {}

  static void enable() {
    enabled = true;
  }

  /**
   * FX thread: the calendar has just been put into {@code stage}. The moment printed is the first
   * frame that shows its meetings (from the offline copy while the embedded server starts, else
   * from the server); the app quits once the server's own listing has arrived too, so the offline
   * copy the next start shows is current.
   */
  static void calendarShown(Stage stage, CalendarModel calendar) {
    if (!enabled) {
      return;
    }
    enabled = false;
    shownListening = true;
    long[] shownAt = {0}; // 0: nothing shown yet; -1: the first frame is on its way
    boolean[] serverListed = {false};
    calendar.onShown(listing -> {
      serverListed[0] |= !listing.early();
      if (shownAt[0] == 0) {
        shownAt[0] = -1;
        afterNextPulse(stage.getScene(), () -> {
          shownAt[0] = Instant.now().toEpochMilli();
          if (serverListed[0]) {
            report(shownAt[0]);
          }
        });
      } else if (serverListed[0] && shownAt[0] > 0) {
        report(shownAt[0]);
      }
    });
    // A server that never answers must not keep the probe waiting for ever.
    javafx.animation.PauseTransition limit = new javafx.animation.PauseTransition(
        javafx.util.Duration.seconds(30));
    limit.setOnFinished(e -> {
      if (shownAt[0] > 0) {
        report(shownAt[0]);
      }
    });
    limit.play();
  }

  /** Runs {@code action} after the next pulse, which hands the frame to the renderer. */
  private static void afterNextPulse(Scene scene, Runnable action) {
    Runnable[] listener = new Runnable[1];
    listener[0] = () -> {
      scene.removePostLayoutPulseListener(listener[0]);
      Platform.runLater(action);
    };
    scene.addPostLayoutPulseListener(listener[0]);
    Platform.requestNextPulse();
  }

  private static boolean reported;

  /** With the probe on, prints how long after the JVM started a step of the start-up ended. */
  static void mark(String step) {
    if (enabled || (shownListening && !reported)) {
      System.out.println("start-up: " + step + " at "
          + java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() + " ms");
    }
  }

  private static volatile boolean shownListening;

  /**
   * Prints the wall clock, for the caller to subtract its launch time from (the process start
   * time that Linux reports is only precise to the second), and quits.
   */
  private static void report(long epochMillis) {
    if (reported) {
      return;
    }
    reported = true;
    System.out.println("calendar shown at epoch ms " + epochMillis);
    System.out.flush();
    Platform.exit();
  }
}
