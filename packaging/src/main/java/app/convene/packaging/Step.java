package app.convene.packaging;

import java.io.PrintStream;
import java.util.List;
import java.util.Objects;

/**
 * One step of the installer build, in the order {@link BuildInstallers#plan} lists them. A step
 * with a skip reason (signing without its secrets) does not run; it logs one line instead.
 *
 * @param name what the step does, as the log shows it
 * @param skipReason why it is skipped, or null when it runs
 * @param action the work
 */
record Step(String name, String skipReason, Action action) {
  /** The work of a step. */
  interface Action {
    void run() throws Exception;
  }

  Step {
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(action, "action == null");
  }

  static Step of(String name, Action action) {
    return new Step(name, null, action);
  }

  /** A step that runs only when {@code skipReason} is null. */
  static Step unless(String skipReason, String name, Action action) {
    return new Step(name, skipReason, action);
  }

  /** Runs the steps in order; a skipped one logs "[build] skipped: NAME: REASON". */
  static void runAll(List<Step> steps, PrintStream log) throws Exception {
    for (Step step : steps) {
      if (step.skipReason != null) {
        log.println("[build] skipped: " + step.name + ": " + step.skipReason);
      } else {
        log.println("[build] " + step.name);
        step.action.run();
      }
    }
  }
}
