package app.convene.client.ui;

/** The app's one stylesheet, {@code convene.css}, for every window's scene. */
public final class Stylesheet {
  private Stylesheet() {}

  /** The stylesheet's address, for {@code Scene.getStylesheets().add}. */
  public static String url() {
    return Stylesheet.class.getResource("convene.css").toExternalForm();
  }
}
