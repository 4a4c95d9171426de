package app.convene.client.calendar;

import app.convene.client.google.ui.GoogleMenu;
import app.convene.client.google.ui.GoogleModel;
import app.convene.client.i18n.Messages;
import java.time.LocalDate;
import java.util.Objects;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The calendar's tool bar: New meeting, Join with link, Refresh, Google, the busy spinner and the
 * status line, the number of the week shown, the user's name and Sign out. FX thread.
 */
final class CalendarToolbar extends HBox {
  private final Label status = new Label();

  /**
   * @param shown the date the calendar shows, whose week number the bar names
   * @param onNew opens the dialog for a new meeting
   * @param onJoinLink asks for an invite link and joins it
   * @param onRefresh loads the shown range again
   */
  CalendarToolbar(CalendarModel model, GoogleModel google, String userName,
      ObservableValue<LocalDate> shown, Runnable onNew, Runnable onJoinLink, Runnable onRefresh,
      Runnable onSignOut) {
    super(10);
    Objects.requireNonNull(model, "model == null");
    Button create = button("calendar.new", "new-meeting", onNew);
    create.getStyleClass().add("accent");
    // Offline a new meeting cannot be saved: say so on the button, not only when saving fails.
    create.disableProperty().bind(model.offlineProperty());
    Tooltip offlineTip = new Tooltip(Messages.get("calendar.newOffline"));
    model.offlineProperty().addListener((o, was, is) -> create.setTooltip(is ? offlineTip : null));
    ProgressIndicator busy = new ProgressIndicator();
    busy.setPrefSize(18, 18);
    busy.visibleProperty().bind(model.busyProperty());
    status.setId("calendar-status");
    status.textProperty().bind(model.statusProperty());
    status.getStyleClass().add("calendar-status");
    model.offlineProperty().addListener((o, was, now) -> status.pseudoClassStateChanged(
        PseudoClass.getPseudoClass("offline"), now));
    Label weekNumber = new Label();
    weekNumber.setId("week-number");
    weekNumber.getStyleClass().add("week-number");
    weekNumber.textProperty().bind(shown.map(date -> Messages.format("calendar.weekNumber",
        model.week().number(date))));
    Label user = new Label(userName);
    user.getStyleClass().add("user-name");
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    getChildren().setAll(create, button("calendar.joinLink", "join-link", onJoinLink),
        button("calendar.refresh", "refresh", onRefresh), new GoogleMenu(google), busy, status,
        spacer, weekNumber, user, button("calendar.signOut", "sign-out", onSignOut));
    // A long status gives way (cut with "…", whole in its tooltip); the buttons and the user's
    // name never shrink to "…".
    for (Node node : getChildren()) {
      if (node instanceof Region region && node != status && node != spacer) {
        region.setMinWidth(Region.USE_PREF_SIZE);
      }
    }
    status.setMinWidth(0);
    HBox.setHgrow(status, Priority.SOMETIMES);
    Tooltip statusTip = new Tooltip();
    statusTip.textProperty().bind(status.textProperty());
    statusTip.setWrapText(true);
    statusTip.setMaxWidth(480);
    status.setTooltip(statusTip);
    setAlignment(Pos.CENTER_LEFT);
    setPadding(new Insets(8, 12, 8, 12));
    getStyleClass().add("calendar-toolbar");
  }

  /** Adds a control before the user's name (e.g. the notification centre). */
  void addTool(Node tool) {
    getChildren().add(getChildren().size() - 2, tool);
  }

  private static Button button(String key, String id, Runnable action) {
    Button button = new Button(Messages.get(key));
    button.setId(id);
    button.setOnAction(e -> action.run());
    return button;
  }
}
