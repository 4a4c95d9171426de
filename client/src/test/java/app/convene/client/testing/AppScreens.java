package app.convene.client.testing;

import app.convene.client.calendar.CalendarPane;
import com.calendarfx.view.DayEntryView;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.stage.Window;
import org.testfx.api.FxRobot;

/** What the whole-app UI tests look for on screen: the calendar pane and its meetings. */
public final class AppScreens {
  private final FxRobot robot;
  private final String failurePrefix;

  /** @param failurePrefix names the pictures saved when a wait fails */
  public AppScreens(FxRobot robot, String failurePrefix) {
    this.robot = robot;
    this.failurePrefix = failurePrefix;
  }

  /** Waits; on failure saves a picture of every window, to see what the user would have seen. */
  public void await(BooleanSupplier condition) throws Exception {
    try {
      Fx.await(condition);
    } catch (AssertionError e) {
      for (Window w : Fx.call(() -> List.copyOf(Window.getWindows()))) {
        Fx.screenshot(robot, w.getScene().getRoot(), failurePrefix + "-" + w.hashCode() + ".png");
      }
      throw e;
    }
  }

  public CalendarPane pane() {
    return (CalendarPane) robot.lookup(node -> node instanceof CalendarPane).query();
  }

  /** Scrolls the day columns with the mouse wheel until the entry is near the top of the view. */
  public void scrollIntoView(String title) throws Exception {
    // Over the entry's day column: the entry itself may be scrolled out of the window.
    Node column = entry(title).orElseThrow();
    while (column.getParent() != null && !(column instanceof com.calendarfx.view.DayView)) {
      column = column.getParent();
    }
    robot.moveTo(column);
    for (int i = 0; i < 60 && entryY(title) > 320; i++) {
      robot.scroll(1, javafx.geometry.VerticalDirection.DOWN);
    }
    for (int i = 0; i < 60 && entryY(title) < 200; i++) {
      robot.scroll(1, javafx.geometry.VerticalDirection.UP);
    }
    Thread.sleep(300);
  }

  /**
   * The centre of the part of {@code node} that can be seen: its screen bounds cut by every
   * ancestor's clip and by its window. A meeting scrolled to the bottom of the day may show only a
   * few pixels above the view's edge; the centre of the whole entry would be below it (seen with
   * the clock at 23:30 on a Saturday, where a meeting 20 minutes ahead ends in the next day).
   */
  public Point2D visibleCentre(Node node) {
    return Fx.call(() -> {
      Bounds b = node.localToScreen(node.getBoundsInLocal());
      double[] box = {b.getMinX(), b.getMinY(), b.getMaxX(), b.getMaxY()};
      for (Node n = node.getParent(); n != null; n = n.getParent()) {
        if (n.getClip() != null) {
          cut(box, n.localToScreen(n.getClip().getBoundsInParent()));
        }
      }
      Node root = node.getScene().getRoot();
      cut(box, root.localToScreen(root.getBoundsInLocal()));
      if (box[0] >= box[2] || box[1] >= box[3]) {
        throw new AssertionError("no part of " + node + " can be seen");
      }
      return new Point2D((box[0] + box[2]) / 2, (box[1] + box[3]) / 2);
    });
  }

  private static void cut(double[] box, Bounds by) {
    box[0] = Math.max(box[0], by.getMinX());
    box[1] = Math.max(box[1], by.getMinY());
    box[2] = Math.min(box[2], by.getMaxX());
    box[3] = Math.min(box[3], by.getMaxY());
  }

  private double entryY(String title) {
    Node n = entry(title).orElseThrow();
    return Fx.call(() -> n.localToScene(n.getBoundsInLocal()).getMinY());
  }

  /**
   * The shown calendar entry with this title, if any: on the page the user sees (the day page
   * behind the week page has entries of its own, today's).
   */
  public Optional<Node> entry(String title) {
    return Fx.call(() -> robot.lookup(node -> node instanceof DayEntryView view
            && view.getEntry() != null && title.equals(view.getEntry().getTitle())
            && shown(view) && view.getScene() != null && onSelectedPage(view))
        .tryQuery());
  }

  /** Whether the entry is on its calendar's selected page (day, week, month), if it has one. */
  private static boolean onSelectedPage(Node entry) {
    Node page = null;
    for (Node n = entry; n != null; n = n.getParent()) {
      if (n instanceof com.calendarfx.view.page.PageBase) {
        page = n;
      }
      if (n instanceof com.calendarfx.view.CalendarView calendar) {
        Node selected = switch (calendar.getSelectedPage()) {
          case DAY -> calendar.getDayPage();
          case WEEK -> calendar.getWeekPage();
          case MONTH -> calendar.getMonthPage();
          case YEAR -> calendar.getYearPage();
        };
        return page == null || page == selected;
      }
    }
    return true;
  }

  private static boolean shown(Node node) {
    for (Node n = node; n != null; n = n.getParent()) {
      if (!n.isVisible()) {
        return false;
      }
    }
    return true;
  }
}
