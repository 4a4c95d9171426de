package app.convene.client.call.ui;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.image.Image;

/** One tile of the call window: a participant (or our own preview). FX thread only. */
public final class TileModel {
  private final ReadOnlyStringWrapper peerId;
  private final StringProperty name = new SimpleStringProperty(this, "name");
  private final StringProperty status = new SimpleStringProperty(this, "status", "");
  private final StringProperty quality = new SimpleStringProperty(this, "quality", "");
  private final ObjectProperty<Image> image = new SimpleObjectProperty<>(this, "image");
  private final BooleanProperty videoOff = new SimpleBooleanProperty(this, "videoOff");
  private final BooleanProperty local = new SimpleBooleanProperty(this, "local");
  VideoRenderer renderer;
  /** Hears every {@link #showAt}: the call tells the peer how large its video is shown. */
  Runnable shown = () -> { };
  private double shownWidth;
  private double shownHeight;

  TileModel(String peerId, String name, boolean local) {
    this.peerId = new ReadOnlyStringWrapper(this, "peerId", peerId);
    this.name.set(name);
    this.local.set(local);
  }

  public ReadOnlyStringProperty peerIdProperty() {
    return peerId.getReadOnlyProperty();
  }

  public String getPeerId() {
    return peerId.get();
  }

  public StringProperty nameProperty() {
    return name;
  }

  public String getName() {
    return name.get();
  }

  /** The connection state as the user reads it, e.g. "Connected". */
  public StringProperty statusProperty() {
    return status;
  }

  public String getStatus() {
    return status.get();
  }

  public StringProperty qualityProperty() {
    return quality;
  }

  /** The latest video image, or {@code null} before the first frame. */
  public ObjectProperty<Image> imageProperty() {
    return image;
  }

  public Image getImage() {
    return image.get();
  }

  public BooleanProperty videoOffProperty() {
    return videoOff;
  }

  public boolean isLocal() {
    return local.get();
  }

  /**
   * The tile shows its video in at most {@code width} × {@code height} device pixels: frames are
   * scaled down to that size before they are drawn ({@link VideoRenderer#showAt}).
   */
  public void showAt(double width, double height) {
    shownWidth = width;
    shownHeight = height;
    if (renderer != null) {
      renderer.showAt(width, height);
    }
    shown.run();
  }

  /** The tile's width in device pixels, as last {@linkplain #showAt shown}; 0 before. */
  double shownWidth() {
    return shownWidth;
  }

  /** The tile's height in device pixels, as last {@linkplain #showAt shown}; 0 before. */
  double shownHeight() {
    return shownHeight;
  }
}
