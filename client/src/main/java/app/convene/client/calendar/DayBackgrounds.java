package app.convene.client.calendar;

import com.calendarfx.view.DayView;
import com.calendarfx.view.DayViewBase;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;

/**
 * A day view's background canvas drawn only while it has something to draw. CalendarFX's day
 * skin keeps a canvas as large as the whole day (some 160 × 1,300 pixels) for availability,
 * its lasso and custom grid lines; the hours' lines are nodes of their own. The app uses none of
 * those (the view's availability calendar stays empty), yet the canvas is cleared whenever the
 * view is resized, and JavaFX keeps the image of every canvas it draws: in the software pipeline
 * (a machine without a GPU) that is 0.8 MiB of the Java heap per day, 5.5 MiB for a week
 * (docs/benchmarks.md, "A call in the desktop app"). A canvas that is not visible is not drawn
 * and gets no image. It is visible again while availability is edited or the grid is custom.
 * FX thread.
 */
final class DayBackgrounds {
  private DayBackgrounds() {}

  /** Hides {@code day}'s background canvas, now or when its skin is made, while it draws nothing. */
  static void hideWhileEmpty(DayView day) {
    hide(day);
    day.skinProperty().addListener((o, was, skin) -> hide(day));
  }

  private static void hide(DayView day) {
    for (Node child : day.getChildrenUnmodifiable()) {
      if (child instanceof Canvas canvas && !canvas.visibleProperty().isBound()) {
        BooleanBinding used = Bindings.createBooleanBinding(
            () -> day.isEditAvailability() || day.getGridType() == DayViewBase.GridType.CUSTOM,
            day.editAvailabilityProperty(), day.gridTypeProperty());
        canvas.visibleProperty().bind(used);
      }
    }
  }
}
