package app.convene.client.ui;

import java.util.Locale;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The join form. Binds to a {@link JoinModel}; rebuilt when the language changes. */
public final class JoinView extends VBox {
  public JoinView(JoinModel model, Consumer<Locale> onLanguage) {
    getStyleClass().add("join-pane");
    setSpacing(14);
    setPadding(new Insets(28));

    Label heading = new Label(Messages.get("join.heading"));
    heading.getStyleClass().add("join-heading");

    TextField server = field("server", model.serverProperty());
    TextField room = field("room", model.roomProperty());
    TextField name = field("name", model.nameProperty());
    GridPane form = new GridPane(12, 10);
    form.addRow(0, new Label(Messages.get("join.server")), server);
    form.addRow(1, new Label(Messages.get("join.room")), room);
    form.addRow(2, new Label(Messages.get("join.name")), name);

    Button join = new Button(Messages.get("join.button"));
    join.setId("join");
    join.setDefaultButton(true);
    join.disableProperty().bind(model.joiningProperty());
    join.textProperty().bind(javafx.beans.binding.Bindings.when(model.joiningProperty())
        .then(Messages.get("join.joining")).otherwise(Messages.get("join.button")));
    join.setOnAction(e -> model.join());

    Label error = new Label();
    error.setId("join-error");
    error.getStyleClass().add("join-error");
    error.setWrapText(true);
    error.textProperty().bind(model.errorProperty());

    Label hint = new Label(Messages.get("join.hint"));
    hint.getStyleClass().add("join-hint");
    hint.setWrapText(true);

    ComboBox<Locale> language = new ComboBox<>();
    language.setId("language");
    language.getItems().setAll(Messages.LANGUAGES);
    language.setValue(Messages.locale().getLanguage().equals("ru") ? Messages.LANGUAGES[1] : Messages.LANGUAGES[0]);
    language.setCellFactory(list -> new LanguageCell());
    language.setButtonCell(new LanguageCell());
    language.setOnAction(e -> onLanguage.accept(language.getValue()));
    HBox languageRow = new HBox(8, new Label(Messages.get("join.language")), language);
    languageRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

    getChildren().addAll(heading, form, join, error, hint, languageRow);
  }

  private static TextField field(String id, javafx.beans.property.StringProperty property) {
    TextField field = new TextField();
    field.setId(id);
    field.setPrefColumnCount(26);
    field.textProperty().bindBidirectional(property);
    return field;
  }

  private static final class LanguageCell extends ListCell<Locale> {
    @Override
    protected void updateItem(Locale item, boolean empty) {
      super.updateItem(item, empty);
      setText(empty || item == null ? null : item.getDisplayLanguage(item));
    }
  }
}
