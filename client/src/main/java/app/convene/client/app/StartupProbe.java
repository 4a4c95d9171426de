package app.convene.client.app;

import app.convene.client.calendar.CalendarModel;
import java.time.Instant;
import javafx.application.Platform;
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
    enabledAt = System.nanoTime();
    enabled = true;
    mark("main started");
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
        FirstFrame.after(stage.getScene(), () -> {
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

  private static boolean reported;

  private static volatile long enabledAt;
  private static final java.util.List<Step> steps = new java.util.ArrayList<>();

  private record Step(String name, long nanosAfterEnable) {}

  /**
   * With the probe on, notes when a step of the start-up ended; they are printed with the report,
   * as milliseconds of JVM uptime (asking the JVM for its uptime costs a moment at first, which
   * would be part of what is measured).
   */
  static synchronized void mark(String step) {
    if (enabled || (shownListening && !reported)) {
      steps.add(new Step(step, System.nanoTime() - enabledAt));
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
    long uptimeAtEnable = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime()
        - (System.nanoTime() - enabledAt) / 1_000_000;
    synchronized (StartupProbe.class) {
      steps.forEach(step -> System.out.println("start-up: " + step.name() + " at "
          + (uptimeAtEnable + step.nanosAfterEnable() / 1_000_000) + " ms"));
    }
    System.out.println("calendar shown at epoch ms " + epochMillis);
    System.out.flush();
    Platform.exit();
  }
}
