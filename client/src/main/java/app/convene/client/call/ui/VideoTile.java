package app.convene.client.call.ui;

import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Draws a {@link TileModel}: the video, or the participant's initial, with name and status. */
final class VideoTile extends StackPane {
  private final TileModel model;
  private final InvalidationListener resize = o -> showAt();
  private final ChangeListener<Window> windowChanged = (o, was, window) -> watch(window);

  VideoTile(TileModel model) {
    this.model = model;
    getStyleClass().add("video-tile");
    setId("tile-" + model.getPeerId());
    setMinSize(160, 90);
    setPrefSize(480, 270);

    Label initial = new Label();
    initial.getStyleClass().add("tile-initial");
    initial.textProperty().bind(
        Bindings.createStringBinding(
            () -> model.getName() == null || model.getName().isBlank()
                ? "?" : model.getName().substring(0, 1).toUpperCase(),
            model.nameProperty()));
    initial.visibleProperty().bind(model.imageProperty().isNull().or(model.videoOffProperty()));

    ImageView video = new ImageView();
    video.setId("video-" + model.getPeerId());
    video.setPreserveRatio(true);
    video.setSmooth(true);
    video.imageProperty().bind(model.imageProperty());
    video.fitWidthProperty().bind(widthProperty());
    video.fitHeightProperty().bind(heightProperty());
    video.visibleProperty().bind(model.videoOffProperty().not());

    Label name = new Label();
    name.getStyleClass().add("tile-name");
    name.textProperty().bind(model.nameProperty());
    Label status = new Label();
    status.getStyleClass().add("tile-status");
    status.setId("status-" + model.getPeerId());
    status.textProperty().bind(
        Bindings.createStringBinding(
            () -> model.qualityProperty().get().isEmpty()
                ? model.getStatus()
                : model.getStatus() + " · " + model.qualityProperty().get(),
            model.statusProperty(), model.qualityProperty()));
    VBox caption = new VBox(2, name, status);
    caption.getStyleClass().add("tile-caption");
    caption.setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
    StackPane.setAlignment(caption, Pos.BOTTOM_LEFT);
    StackPane.setMargin(caption, new Insets(8));

    getChildren().addAll(initial, video, caption);

    // Frames are scaled to the tile's size in pixels before they reach JavaFX; the window and
    // its screen's scale are watched weakly, so that a removed tile is not kept by them.
    widthProperty().addListener(resize);
    heightProperty().addListener(resize);
    sceneProperty().addListener((o, was, scene) -> {
      if (scene != null) {
        scene.windowProperty().addListener(new WeakChangeListener<>(windowChanged));
        watch(scene.getWindow());
      }
    });
  }

  private void watch(Window window) {
    if (window != null) {
      window.renderScaleXProperty().addListener(new WeakInvalidationListener(resize));
    }
    showAt();
  }

  private void showAt() {
    Window window = getScene() == null ? null : getScene().getWindow();
    double scale = window == null ? 1 : window.getRenderScaleX();
    model.showAt(getWidth() * scale, getHeight() * scale);
  }
}
