package app.convene.client.app;

import java.awt.Desktop;

/**
 * macOS hands a clicked {@code convene://} link or a double-clicked .ics file to a running app as
 * an Apple event, not as an argument; this forwards those events to {@link OpenRequests}. Other
 * systems pass them as arguments, so this does nothing there (and does not load AWT).
 */
final class DesktopOpenEvents {
  private DesktopOpenEvents() {}

  static void install(OpenRequests requests) {
    if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("mac")
        || !Desktop.isDesktopSupported()) {
      return;
    }
    Desktop desktop = Desktop.getDesktop();
    if (desktop.isSupported(Desktop.Action.APP_OPEN_URI)) {
      desktop.setOpenURIHandler(event ->
          requests.submit(OpenRequest.parse(event.getURI().toString())));
    }
    if (desktop.isSupported(Desktop.Action.APP_OPEN_FILE)) {
      desktop.setOpenFileHandler(event -> event.getFiles().forEach(file ->
          requests.submit(OpenRequest.parse(file.getAbsolutePath()))));
    }
  }
}
