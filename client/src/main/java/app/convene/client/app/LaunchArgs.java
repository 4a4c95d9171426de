package app.convene.client.app;

import java.util.ArrayList;
import java.util.List;

/**
 * The desktop app's command line split up: the options ({@link AppOptions}), what to open
 * ({@link OpenRequest}: the positional arguments, as the desktop passes a clicked link or file),
 * and the flags that are not in {@code --help}: {@code --self-test}, {@code --startup-probe} and
 * {@code --aot-training}.
 */
record LaunchArgs(List<String> options, List<String> open, boolean selfTest,
    boolean startupProbe, boolean aotTraining) {
  LaunchArgs {
    options = List.copyOf(options);
    open = List.copyOf(open);
  }

  static LaunchArgs split(String[] args) {
    List<String> options = new ArrayList<>();
    List<String> open = new ArrayList<>();
    boolean selfTest = false;
    boolean probe = false;
    boolean training = false;
    for (String arg : args) {
      switch (arg) {
        case "--self-test" -> selfTest = true;
        case "--startup-probe" -> probe = true;
        case "--aot-training" -> training = true;
        default -> (arg.startsWith("--") ? options : open).add(arg);
      }
    }
    return new LaunchArgs(options, open, selfTest, probe || training, training);
  }

  /** What to hand to a running instance: the first thing to open, or "" to bring it forward. */
  String handOver() {
    return open.isEmpty() ? "" : OpenRequest.absolute(open.getFirst());
  }
}
