package app.convene.client.calendar;

import com.calendarfx.view.DayView;
import com.calendarfx.view.DayViewBase;
import javafx.beans.InvalidationListener;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Skin;
import javafx.scene.control.SkinBase;

/**
 * A day view's background canvas in the scene only while it has something to draw. CalendarFX's
 * day skin keeps a canvas as large as the whole day (some 160 × 1,300 pixels) for availability,
 * its lasso and custom grid lines; the hours' lines are nodes of their own. The app uses none of
 * those (the view's availability calendar stays empty), yet the canvas is cleared whenever the
 * view is resized, and JavaFX keeps an image for every canvas in the scene that it has drawn,
 * visible or not: in the software pipeline (a machine without a GPU) 0.8 MiB of the Java heap per
 * day, 5.5 MiB for a week (docs/benchmarks.md, "What the heap kept"). So the canvas is
 * taken out of the skin's children, and put back, where it was, while availability is edited or
 * the grid is custom. FX thread.
 */
final class DayBackgrounds {
  private DayBackgrounds() {}

  /** Keeps {@code day}'s background canvas out of the scene while it draws nothing. */
  static void hideWhileEmpty(DayView day) {
    InvalidationListener update = o -> update(day);
    day.skinProperty().addListener(update);
    day.editAvailabilityProperty().addListener(update);
    day.gridTypeProperty().addListener(update);
    update(day);
  }

  /** The canvas taken out of a day skin's children, and where it was among them. */
  private record Kept(Canvas canvas, int at) {}

  private static void update(DayView day) {
    Skin<?> skin = day.getSkin();
    if (!(skin instanceof SkinBase<?> base)) {
      return;
    }
    ObservableList<Node> children = base.getChildren();
    boolean used = day.isEditAvailability() || day.getGridType() == DayViewBase.GridType.CUSTOM;
    if (used) {
      if (day.getProperties().remove(DayBackgrounds.class) instanceof Kept kept
          && !children.contains(kept.canvas())) {
        children.add(Math.min(kept.at(), children.size()), kept.canvas());
      }
      return;
    }
    for (int i = 0; i < children.size(); i++) {
      if (children.get(i) instanceof Canvas canvas) {
        children.remove(i);
        day.getProperties().put(DayBackgrounds.class, new Kept(canvas, i));
        return;
      }
    }
  }
}
