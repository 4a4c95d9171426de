package app.convene.client.notify;

import app.convene.client.i18n.Messages;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.animation.PauseTransition;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import javafx.util.Duration;

/**
 * Desktop pop-ups: small always-on-top windows stacked upwards from the bottom-right corner of
 * the screen, each with a few buttons. They are windows of their own rather than ControlsFX
 * {@code Notifications}, which are popups of a showing owner window: a reminder must appear while
 * the app lives in the tray with no window open.
 *
 * <p>Threads: the FX thread only.
 */
public final class PopupStack {
  private static final double WIDTH = 360;
  private static final double MARGIN = 16;

  /** A button on a pop-up; pressing it closes the pop-up, then runs {@code run}. */
  public record Action(String id, String label, Runnable run, boolean accent) {
    public Action {
      Objects.requireNonNull(id, "id == null");
      Objects.requireNonNull(label, "label == null");
      Objects.requireNonNull(run, "run == null");
    }
  }

  private final Map<String, Stage> shown = new LinkedHashMap<>();
  private final String stylesheet;

  /** @param stylesheet the app's style sheet, for the pop-ups' look */
  public PopupStack(String stylesheet) {
    this.stylesheet = Objects.requireNonNull(stylesheet, "stylesheet == null");
  }

  /**
   * Shows a pop-up, replacing one shown under the same key.
   *
   * @param hideAfter closes it by itself after this long; {@code null} keeps it until a button is
   *     pressed (reminders)
   */
  public void show(String key, String heading, String title, String text, List<Action> actions,
      Duration hideAfter) {
    close(key);
    Label head = new Label(heading);
    head.getStyleClass().add("popup-heading");
    Label name = new Label(title);
    name.getStyleClass().add("popup-title");
    name.setWrapText(true);
    Label body = new Label(text);
    body.getStyleClass().add("popup-text");
    body.setWrapText(true);
    HBox buttons = new HBox(8);
    buttons.setAlignment(Pos.CENTER_RIGHT);
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    buttons.getChildren().add(spacer);
    for (Action action : actions) {
      Button button = new Button(action.label());
      button.setId(action.id());
      if (action.accent()) {
        button.getStyleClass().add("accent");
        button.setDefaultButton(true);
      }
      button.setOnAction(e -> {
        close(key);
        action.run().run();
      });
      buttons.getChildren().add(button);
    }
    VBox root = new VBox(6, head, name, body, buttons);
    root.getStyleClass().add("desktop-popup");
    root.setId("popup-" + key);
    root.setPrefWidth(WIDTH);
    Stage stage = new Stage(StageStyle.UTILITY);
    stage.setTitle(Messages.get("app.title"));
    stage.setAlwaysOnTop(true);
    stage.setResizable(false);
    Scene scene = new Scene(root);
    scene.getStylesheets().add(stylesheet);
    stage.setScene(scene);
    stage.getProperties().put(PopupStack.class, key);
    stage.setOnHidden(e -> {
      if (shown.get(key) == stage) {
        shown.remove(key);
        layout();
      }
    });
    shown.put(key, stage);
    stage.show();
    layout();
    if (hideAfter != null) {
      PauseTransition wait = new PauseTransition(hideAfter);
      wait.setOnFinished(e -> {
        if (shown.get(key) == stage) {
          stage.hide();
        }
      });
      wait.play();
    }
  }

  /** Closes the pop-up shown under this key, if any. */
  public void close(String key) {
    Stage stage = shown.remove(key);
    if (stage != null) {
      stage.hide();
      layout();
    }
  }

  /** The keys of the pop-ups on screen, oldest first. */
  public List<String> keys() {
    return new ArrayList<>(shown.keySet());
  }

  /** Closes them all. */
  public void closeAll() {
    new ArrayList<>(shown.keySet()).forEach(this::close);
  }

  /** Oldest at the bottom, newer ones above it. */
  private void layout() {
    Rectangle2D screen = Screen.getPrimary().getVisualBounds();
    double bottom = screen.getMaxY() - MARGIN;
    for (Stage stage : shown.values()) {
      double height = stage.getHeight() > 0 ? stage.getHeight() : stage.getScene().getRoot().prefHeight(WIDTH);
      stage.setX(screen.getMaxX() - MARGIN - stage.getWidth());
      stage.setY(bottom - height);
      bottom -= height + MARGIN / 2;
    }
  }
}
