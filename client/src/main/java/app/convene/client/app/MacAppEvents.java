package app.convene.client.app;

import java.awt.Desktop;
import java.awt.GraphicsEnvironment;
import java.awt.desktop.AppReopenedListener;
import java.awt.desktop.QuitHandler;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * macOS: what the Dock and the app menu do to the running app. A click on the Dock icon
 * ({@link Desktop.Action#APP_EVENT_REOPENED}) shows the main window, which may be hidden to the
 * tray; Quit (Cmd-Q, the Dock menu, logging out; {@link Desktop.Action#APP_QUIT_HANDLER}) ends
 * the app as the tray's Quit does: JavaFX stops (calls hang up), then the launcher closes the
 * embedded server and exits. Without a handler AWT would end the process at once, in the middle
 * of the embedded database's work.
 *
 * <p>Installed by the launcher before JavaFX starts, as {@link DesktopOpenEvents} is (AWT must
 * own the macOS application for {@link Desktop}'s handlers to be called); the window is attached
 * once it exists. Elsewhere nothing is installed and AWT is not loaded.
 *
 * <p>Threads: AWT calls the handlers on its event thread; they only hand over to the executor
 * given (the FX thread). {@link #attach} may be called on any thread.
 */
final class MacAppEvents {
  private final Executor fx;
  private final Runnable quitBeforeAttach;
  private volatile Runnable showWindow = () -> {};
  private volatile Runnable quit;

  /**
   * @param fx where the actions run (the FX thread)
   * @param quitBeforeAttach what Quit does before the app has a window
   */
  MacAppEvents(Executor fx, Runnable quitBeforeAttach) {
    this.fx = Objects.requireNonNull(fx, "fx == null");
    this.quitBeforeAttach = Objects.requireNonNull(quitBeforeAttach, "quitBeforeAttach == null");
  }

  /** The app's window is up: the Dock shows it with {@code showWindow}, Quit runs {@code quit}. */
  void attach(Runnable showWindow, Runnable quit) {
    this.showWindow = Objects.requireNonNull(showWindow, "showWindow == null");
    this.quit = Objects.requireNonNull(quit, "quit == null");
  }

  /** A click on the Dock icon of the running app. */
  AppReopenedListener reopened() {
    return event -> fx.execute(() -> showWindow.run());
  }

  /**
   * Quit from the app menu, the Dock or a logout. The response is neither performed nor
   * cancelled: the app ends its process itself once it has shut down, and a logout waits for
   * that.
   */
  QuitHandler quitHandler() {
    return (event, response) -> fx.execute(() -> {
      Runnable attached = quit;
      (attached != null ? attached : quitBeforeAttach).run();
    });
  }

  /**
   * On macOS, where {@link Desktop} supports them: installs the reopen and quit handlers.
   *
   * @return whether any handler was installed
   */
  boolean install() {
    if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("mac")
        || GraphicsEnvironment.isHeadless() || !Desktop.isDesktopSupported()) {
      return false;
    }
    Desktop desktop = Desktop.getDesktop();
    boolean installed = false;
    if (desktop.isSupported(Desktop.Action.APP_EVENT_REOPENED)) {
      desktop.addAppEventListener(reopened());
      installed = true;
    }
    if (desktop.isSupported(Desktop.Action.APP_QUIT_HANDLER)) {
      desktop.setQuitHandler(quitHandler());
      installed = true;
    }
    return installed;
  }
}
