package app.convene.client.app;

import app.convene.client.calendar.CalendarModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javafx.animation.PauseTransition;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * Hidden {@code --startup-probe}: when the calendar first shows its meetings on screen, prints the
 * time (epoch milliseconds) and quits the app. Used by the start-up benchmark
 * ({@code installers/bench/startup.sh}) and by the training run of the AOT cache. An instance made
 * by {@link #off()} does nothing.
 *
 * <p>Threads: {@link #mark} from any thread; {@link #calendarShown} on the FX thread.
 */
final class StartupProbe {
  private final long enabledAt = System.nanoTime();
  private final List<Step> steps = new ArrayList<>();
  private boolean armed; // guarded by this: the calendar has not been shown yet
  private boolean listening; // guarded by this: waiting for the first frame with meetings
  private boolean reported; // FX thread

  private record Step(String name, long nanosAfterEnable) {}

  private StartupProbe(boolean on) {
    this.armed = on;
  }

  /** The probe of a {@code --startup-probe} run; notes "main started". */
  static StartupProbe on() {
    StartupProbe probe = new StartupProbe(true);
    probe.mark("main started");
    return probe;
  }

  /** A probe that notes and prints nothing. */
  static StartupProbe off() {
    return new StartupProbe(false);
  }

  /**
   * FX thread: the calendar has just been put into {@code stage}. The moment printed is the first
   * frame that shows its meetings (from the offline copy while the embedded server starts, else
   * from the server); the app quits with {@code quit} once the server's own listing has arrived
   * too, so the offline copy the next start shows is current.
   */
  void calendarShown(Stage stage, CalendarModel calendar, Runnable quit) {
    synchronized (this) {
      if (!armed) {
        return;
      }
      armed = false;
      listening = true;
    }
    long[] shownAt = {0}; // 0: nothing shown yet; -1: the first frame is on its way
    boolean[] serverListed = {false};
    calendar.onShown(listing -> {
      serverListed[0] |= !listing.early();
      if (shownAt[0] == 0) {
        shownAt[0] = -1;
        FirstFrame.after(stage.getScene(), () -> {
          shownAt[0] = Instant.now().toEpochMilli();
          if (serverListed[0]) {
            report(shownAt[0], quit);
          }
        });
      } else if (serverListed[0] && shownAt[0] > 0) {
        report(shownAt[0], quit);
      }
    });
    // A server that never answers must not keep the probe waiting for ever.
    PauseTransition limit = new PauseTransition(Duration.seconds(30));
    limit.setOnFinished(e -> {
      if (shownAt[0] > 0) {
        report(shownAt[0], quit);
      }
    });
    limit.play();
  }

  /**
   * With the probe on, notes when a step of the start-up ended; they are printed with the report,
   * as milliseconds of JVM uptime (asking the JVM for its uptime costs a moment at first, which
   * would be part of what is measured).
   */
  synchronized void mark(String step) {
    if (armed || listening) {
      steps.add(new Step(step, System.nanoTime() - enabledAt));
    }
  }

  /**
   * Prints the wall clock, for the caller to subtract its launch time from (the process start
   * time that Linux reports is only precise to the second), and quits.
   */
  private void report(long epochMillis, Runnable quit) {
    if (reported) {
      return;
    }
    reported = true;
    long uptimeAtEnable = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime()
        - (System.nanoTime() - enabledAt) / 1_000_000;
    synchronized (this) {
      listening = false;
      steps.forEach(step -> System.out.println("start-up: " + step.name() + " at "
          + (uptimeAtEnable + step.nanosAfterEnable() / 1_000_000) + " ms"));
    }
    System.out.println("calendar shown at epoch ms " + epochMillis);
    System.out.flush();
    quit.run();
  }
}
