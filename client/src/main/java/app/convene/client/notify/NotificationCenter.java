package app.convene.client.notify;

import app.convene.client.i18n.Messages;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.PopOver;

/**
 * The tool-bar button of the notification centre, with the unread count, and the list it opens
 * (a ControlsFX {@link PopOver}): what was announced, newest first, unread ones marked until the
 * list closes. FX thread only.
 */
public final class NotificationCenter extends Button {
  private static final PseudoClass UNREAD = PseudoClass.getPseudoClass("unread");

  private final NotificationsModel model;
  private final ListView<NotificationEntry> list = new ListView<>();
  private PopOver popOver;

  /** @param zone the zone the entries' times show in */
  public NotificationCenter(NotificationsModel model, ZoneId zone) {
    this.model = model;
    setId("notifications");
    getStyleClass().add("notification-button");
    textProperty().bind(Bindings.createStringBinding(() -> model.unreadProperty().get() == 0
        ? Messages.get("notify.button")
        : Messages.format("notify.buttonUnread", model.unreadProperty().get()),
        model.unreadProperty()));
    model.unreadProperty().addListener((o, was, now) -> pseudoClassStateChanged(UNREAD, now.intValue() > 0));
    pseudoClassStateChanged(UNREAD, model.unreadProperty().get() > 0);
    list.setId("notification-list");
    list.setItems(model.entries());
    list.setPrefSize(420, 360);
    list.setPlaceholder(new Label(Messages.get("notify.empty")));
    list.setCellFactory(v -> new EntryCell(zone));
    setOnAction(e -> toggle());
  }

  /** Opens the list under the button, or closes it. */
  public void toggle() {
    if (popOver != null && popOver.isShowing()) {
      popOver.hide();
      return;
    }
    Label heading = new Label(Messages.get("notify.title"));
    heading.getStyleClass().add("popup-heading");
    Button markRead = new Button(Messages.get("notify.markAllRead"));
    markRead.setId("notifications-read");
    markRead.setOnAction(e -> model.markAllRead());
    Button clear = new Button(Messages.get("notify.clear"));
    clear.setId("notifications-clear");
    clear.setOnAction(e -> model.clear());
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    HBox top = new HBox(8, heading, spacer, markRead, clear);
    top.setAlignment(Pos.CENTER_LEFT);
    VBox content = new VBox(8, top, list);
    content.getStyleClass().add("notification-centre");
    popOver = new PopOver(content);
    popOver.setArrowLocation(PopOver.ArrowLocation.TOP_RIGHT);
    popOver.setDetachable(false);
    popOver.setAutoHide(true); // a click elsewhere closes it, and is not passed on
    popOver.setOnHidden(e -> model.markAllRead());
    javafx.geometry.Bounds bounds = localToScreen(getBoundsInLocal());
    popOver.show(this, bounds.getCenterX(), bounds.getMaxY());
  }

  /** Title, text and time; unread entries stand out. */
  private static final class EntryCell extends ListCell<NotificationEntry> {
    private final DateTimeFormatter time;
    private final ZoneId zone;
    private final Label title = new Label();
    private final Label text = new Label();
    private final Label when = new Label();
    private final VBox box = new VBox(2, title, text, when);

    EntryCell(ZoneId zone) {
      this.zone = zone;
      time = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
          .withLocale(Messages.locale()).withZone(zone);
      title.getStyleClass().add("notification-title");
      text.getStyleClass().add("notification-text");
      text.setWrapText(true);
      text.setMaxWidth(380);
      when.getStyleClass().add("notification-time");
      getStyleClass().add("notification-cell");
    }

    @Override
    protected void updateItem(NotificationEntry entry, boolean empty) {
      super.updateItem(entry, empty);
      if (empty || entry == null) {
        setGraphic(null);
        pseudoClassStateChanged(UNREAD, false);
        return;
      }
      title.setText(Messages.get("notify.kind." + entry.kind().name().toLowerCase(java.util.Locale.ROOT))
          + " · " + entry.title(zone));
      text.setText(entry.text(zone));
      text.setManaged(!text.getText().isEmpty());
      when.setText(time.format(entry.at()));
      pseudoClassStateChanged(UNREAD, !entry.read());
      setGraphic(box);
    }
  }
}
