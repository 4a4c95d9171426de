package app.convene.client.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A system tray on the test's X display: Debian's {@code trayer}, started before AWT looks for a
 * tray and stopped afterwards. Xvfb alone has none.
 */
public final class XTray implements AutoCloseable {
  private final Process process;

  private XTray(Process process) {
    this.process = process;
  }

  /** Starts {@code trayer} on {@code $DISPLAY}; fails when it is not installed. */
  public static XTray start() throws IOException, InterruptedException {
    if (System.getenv("DISPLAY") == null) {
      throw new IllegalStateException("no DISPLAY: run UI tests under Xvfb (see .ci/run)");
    }
    if (!Files.isExecutable(Path.of("/usr/bin/trayer"))) {
      throw new IllegalStateException("trayer is not installed (apt-get install trayer; see .ci/run)");
    }
    Process process = new ProcessBuilder("/usr/bin/trayer", "--edge", "bottom", "--align", "right",
        "--widthtype", "request", "--height", "24", "--SetDockType", "true")
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
    Thread.sleep(700); // trayer takes the _NET_SYSTEM_TRAY selection shortly after it starts
    if (!process.isAlive()) {
      throw new IllegalStateException("trayer exited with " + process.exitValue());
    }
    return new XTray(process);
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    process.waitFor(5, TimeUnit.SECONDS);
  }
}
