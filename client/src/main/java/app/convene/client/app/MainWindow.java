package app.convene.client.app;

import app.convene.client.ui.Stylesheet;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** The main window's screens (sign-in, the calendar) and its fit on the screen; FX thread. */
final class MainWindow {
  private MainWindow() {}

  /**
   * Puts {@code root} into the window at this size, fitted to the screen, and opens the window if
   * it is not open yet; true when it opened it.
   */
  static boolean show(Stage stage, Parent root, double width, double height) {
    Scene old = stage.getScene();
    // The window's frame (title bar, borders) around the scene, as it is now.
    double frameWidth = old == null || !stage.isShowing() ? 0
        : Math.max(0, stage.getWidth() - old.getWidth());
    double frameHeight = old == null || !stage.isShowing() ? 0
        : Math.max(0, stage.getHeight() - old.getHeight());
    Scene scene = new Scene(root, width, height);
    scene.getStylesheets().add(Stylesheet.url());
    stage.setScene(scene);
    if (!stage.isShowing()) {
      stage.show();
      keepOnScreen(stage, stage.getWidth(), stage.getHeight());
      return true;
    }
    keepOnScreen(stage, width + frameWidth, height + frameHeight);
    return false;
  }

  /**
   * Gives the window this size, fitted into the usable part of the screen it is on: a screen's
   * new size (the calendar after the smaller sign-in) grows from the window's top left corner and
   * would otherwise run off the screen's edge. The size is passed in, since a window that has just
   * been given a new scene still reports its old size until the window system answers.
   */
  static void keepOnScreen(Stage window, double width, double height) {
    if (window.isMaximized() || window.isFullScreen()) {
      return;
    }
    Rectangle2D bounds = Screen.getScreensForRectangle(window.getX(), window.getY(),
            Math.max(1, width), Math.max(1, height))
        .stream().findFirst().orElse(Screen.getPrimary()).getVisualBounds();
    double fittedWidth = Math.min(width, bounds.getWidth());
    double fittedHeight = Math.min(height, bounds.getHeight());
    window.setWidth(fittedWidth);
    window.setHeight(fittedHeight);
    window.setX(Math.max(bounds.getMinX(),
        Math.min(window.getX(), bounds.getMaxX() - fittedWidth)));
    window.setY(Math.max(bounds.getMinY(),
        Math.min(window.getY(), bounds.getMaxY() - fittedHeight)));
  }
}
