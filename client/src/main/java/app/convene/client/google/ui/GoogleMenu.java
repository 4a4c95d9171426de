package app.convene.client.google.ui;

import app.convene.client.google.GoogleCalendarInfo;
import app.convene.client.i18n.Messages;
import app.convene.client.ui.DialogButtons;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextArea;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The "Google" control of the calendar tool bar: set-up instructions when Google is not
 * configured, "Sign in with Google" (and a cancel button while the browser is out), and once signed
 * in a menu of calendars to show, refresh and sign out. FX thread.
 */
public final class GoogleMenu extends StackPane {
  private final GoogleModel model;
  private final Button setup = new Button(Messages.get("google.button"));
  private final Button signIn = new Button(Messages.get("google.signIn"));
  private final Button cancel = new Button(Messages.get("google.cancelSignIn"));
  private final MenuButton menu = new MenuButton(Messages.get("google.button"));

  public GoogleMenu(GoogleModel model) {
    this.model = model;
    setup.setId("google-setup");
    signIn.setId("google-sign-in");
    cancel.setId("google-cancel");
    menu.setId("google-menu");
    getStyleClass().add("google-control");
    setup.setOnAction(e -> showSetup());
    signIn.setOnAction(e -> model.signIn());
    cancel.setOnAction(e -> model.cancelSignIn());
    menu.setOnShowing(e -> fillMenu());
    fillMenu(); // so that the menu has items before its first showing
    model.stateProperty().addListener((o, was, now) -> update());
    update();
  }

  private void update() {
    getChildren().setAll(switch (model.stateProperty().get()) {
      case LOADING, NOT_CONFIGURED -> setup;
      case SIGNED_OUT -> signIn;
      case SIGNING_IN -> cancel;
      case SIGNED_IN -> menu;
    });
    setup.setDisable(model.stateProperty().get() == GoogleModel.State.LOADING);
  }

  private void fillMenu() {
    menu.getItems().clear();
    if (!model.calendars().isEmpty()) {
      MenuItem heading = new MenuItem(Messages.get("google.calendars"));
      heading.setDisable(true);
      menu.getItems().add(heading);
    }
    for (GoogleCalendarInfo info : model.calendars()) {
      CheckMenuItem item = new CheckMenuItem(info.summary());
      item.setId("google-calendar-" + info.id().replaceAll("[^A-Za-z0-9_-]", "_"));
      item.setSelected(model.chosen().contains(info.id()));
      item.selectedProperty().addListener((o, was, now) -> model.choose(info.id(), now));
      menu.getItems().add(item);
    }
    MenuItem refresh = new MenuItem(Messages.get("google.refresh"));
    refresh.setId("google-refresh");
    refresh.setOnAction(e -> model.refresh());
    MenuItem signOut = new MenuItem(Messages.get("google.signOut"));
    signOut.setId("google-sign-out");
    signOut.setOnAction(e -> model.signOut().thenAccept(this::inform));
    if (!menu.getItems().isEmpty()) {
      menu.getItems().add(new SeparatorMenuItem());
    }
    menu.getItems().addAll(refresh, signOut);
    if (model.tokensInFileProperty().get()) {
      // No keychain on this computer: say where the sign-in is kept instead.
      MenuItem note = new MenuItem(Messages.get("google.tokensInFile"));
      note.setId("google-tokens-in-file");
      note.setDisable(true);
      menu.getItems().addAll(new SeparatorMenuItem(), note);
    }
  }

  private void showSetup() {
    TextArea text = new TextArea(model.setupText());
    text.setEditable(false);
    text.setWrapText(true);
    text.setPrefSize(640, 320);
    text.setId("google-setup-text");
    Alert alert = new Alert(Alert.AlertType.INFORMATION, null, ButtonType.OK);
    alert.initOwner(getScene().getWindow());
    alert.setTitle(Messages.get("google.setupTitle"));
    alert.setHeaderText(Messages.get("google.setupHeader"));
    // For the user, what it means and who can fix it; the administrator's steps (with this
    // machine's paths) folded away under "Show details".
    Label forUser = new Label(Messages.get("google.setupUser"));
    forUser.setWrapText(true);
    forUser.setPrefWidth(520);
    forUser.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    alert.getDialogPane().setContent(forUser);
    DialogButtons.details(alert, new VBox(8, new Label(Messages.get("google.setupCopy")), text));
    alert.setResizable(true);
    alert.show();
  }

  private void inform(String message) {
    Alert alert = new Alert(Alert.AlertType.INFORMATION, message, ButtonType.OK);
    alert.initOwner(getScene().getWindow());
    alert.setHeaderText(null);
    alert.setTitle(Messages.get("google.signOut"));
    alert.show();
  }
}
