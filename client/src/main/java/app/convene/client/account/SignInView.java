package app.convene.client.account;

import app.convene.client.i18n.Messages;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The sign-in and create-account form. Binds to a {@link SignInModel}. */
public final class SignInView extends VBox {
  public SignInView(SignInModel model) {
    getStyleClass().add("join-pane");
    setSpacing(14);
    setPadding(new Insets(28));

    Label heading = new Label();
    heading.getStyleClass().add("join-heading");
    heading.textProperty().bind(Bindings.when(model.createAccountProperty())
        .then(Messages.get("signIn.createHeading")).otherwise(Messages.get("signIn.heading")));

    TextField server = new TextField();
    server.setId("server");
    server.textProperty().bindBidirectional(model.serverProperty());
    TextField email = new TextField();
    email.setId("email");
    email.setPrefColumnCount(26);
    email.textProperty().bindBidirectional(model.emailProperty());
    PasswordField password = new PasswordField();
    password.setId("password");
    password.textProperty().bindBidirectional(model.passwordProperty());
    TextField name = new TextField();
    name.setId("display-name");
    name.textProperty().bindBidirectional(model.displayNameProperty());
    Label nameLabel = new Label(Messages.get("signIn.name"));
    name.visibleProperty().bind(model.createAccountProperty());
    name.managedProperty().bind(model.createAccountProperty());
    nameLabel.visibleProperty().bind(model.createAccountProperty());
    nameLabel.managedProperty().bind(model.createAccountProperty());

    GridPane form = new GridPane(12, 10);
    form.addRow(0, new Label(Messages.get("signIn.server")), server);
    form.addRow(1, new Label(Messages.get("signIn.email")), email);
    form.addRow(2, new Label(Messages.get("signIn.password")), password);
    form.addRow(3, nameLabel, name);

    Button submit = new Button();
    submit.setId("sign-in");
    submit.setDefaultButton(true);
    submit.disableProperty().bind(model.busyProperty());
    submit.textProperty().bind(Bindings.when(model.createAccountProperty())
        .then(Messages.get("signIn.create")).otherwise(Messages.get("signIn.submit")));
    submit.setOnAction(e -> model.submit());

    Hyperlink toggle = new Hyperlink();
    toggle.setId("toggle-create");
    toggle.textProperty().bind(Bindings.when(model.createAccountProperty())
        .then(Messages.get("signIn.haveAccount")).otherwise(Messages.get("signIn.noAccount")));
    toggle.setOnAction(e -> {
      model.createAccountProperty().set(!model.createAccountProperty().get());
      // Typing goes on where the form needs it next, not into the link just clicked.
      TextField next = email.getText().isBlank() ? email
          : model.createAccountProperty().get() && name.getText().isBlank() ? name : password;
      next.requestFocus();
    });

    // While the server works (an account's password hash takes a moment): say what is happening.
    ProgressIndicator progress = new ProgressIndicator();
    progress.setId("sign-in-progress");
    progress.setPrefSize(18, 18);
    Label working = new Label();
    working.textProperty().bind(Bindings.when(model.createAccountProperty())
        .then(Messages.get("signIn.busyCreate")).otherwise(Messages.get("signIn.busySignIn")));
    HBox actions = new HBox(10, submit, progress, working);
    actions.setAlignment(Pos.CENTER_LEFT);
    progress.visibleProperty().bind(model.busyProperty());
    working.visibleProperty().bind(model.busyProperty());

    Label error = new Label();
    error.setId("sign-in-error");
    error.getStyleClass().add("join-error");
    error.setWrapText(true);
    error.textProperty().bind(model.errorProperty());
    // A refused password is cleared: typing goes on there, not in the address field.
    model.errorProperty().addListener((o, was, now) -> {
      if (now != null && !now.isEmpty() && password.getText().isEmpty()) {
        javafx.application.Platform.runLater(password::requestFocus);
      }
    });

    getChildren().addAll(heading, form, actions, toggle, error);
    // The server is filled in; the first thing to type is the e-mail address.
    javafx.application.Platform.runLater(email::requestFocus);
  }
}
