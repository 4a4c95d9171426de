package app.convene.client.calendar;

import app.convene.client.ui.Stylesheet;
import app.convene.client.ui.DialogButtons;
import app.convene.client.i18n.Messages;
import app.convene.protocol.api.EventRequest;
import app.convene.protocol.api.ServiceKind;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import javafx.event.ActionEvent;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * The scheduling dialog for both services. Binds to a {@link ScheduleModel}; OK stays open while
 * the form has an error. The result is the request to send, and whether to remember the service.
 */
public final class ScheduleDialog extends Dialog<ScheduleDialog.Result> {
  /** What the user confirmed. */
  public record Result(EventRequest request, boolean rememberService) {}

  public ScheduleDialog(Window owner, ScheduleModel model) {
    initOwner(owner);
    setTitle(Messages.get(model.eventId() == null ? "schedule.new" : "schedule.edit"));
    setHeaderText(null);
    setResizable(true);

    TextField title = new TextField();
    title.setId("schedule-title");
    title.textProperty().bindBidirectional(model.titleProperty());
    TextArea description = new TextArea();
    description.setId("schedule-description");
    description.setPrefRowCount(3);
    description.setWrapText(true);
    description.textProperty().bindBidirectional(model.descriptionProperty());
    DatePicker date = new DatePicker();
    date.setConverter(dates());
    date.setId("schedule-date");
    date.valueProperty().bindBidirectional(model.dateProperty());
    TextField start = new TextField();
    start.setId("schedule-start");
    start.setPrefColumnCount(5);
    start.textProperty().bindBidirectional(model.startTimeProperty());
    TextField end = new TextField();
    end.setId("schedule-end");
    end.setPrefColumnCount(5);
    end.textProperty().bindBidirectional(model.endTimeProperty());
    ComboBox<ZoneId> zone = new ComboBox<>();
    zone.setId("schedule-zone");
    // The offsets shown are those of the meeting's date (both forms start with one).
    LocalDate day = java.util.Objects.requireNonNull(model.dateProperty().get(), "date == null");
    List<ZoneId> zones = new ArrayList<>(ZoneId.getAvailableZoneIds().stream()
        .filter(id -> id.contains("/") && !id.startsWith("Etc/") && !id.startsWith("SystemV/"))
        .map(ZoneId::of).toList());
    if (model.timeZoneProperty().get() != null && !zones.contains(model.timeZoneProperty().get())) {
      zones.add(model.timeZoneProperty().get()); // e.g. the system's Etc/UTC
    }
    zone.getItems().setAll(ZoneLabels.sorted(zones, day, Messages.locale()));
    zone.setConverter(new StringConverter<>() {
      @Override
      public String toString(ZoneId value) {
        LocalDate on = model.dateProperty().get() != null ? model.dateProperty().get() : day;
        return value == null ? "" : ZoneLabels.label(value, on, Messages.locale());
      }

      @Override
      public ZoneId fromString(String text) {
        return zone.getValue(); // not editable
      }
    });
    zone.valueProperty().bindBidirectional(model.timeZoneProperty());
    TextArea attendees = new TextArea();
    attendees.setId("schedule-attendees");
    attendees.setPrefRowCount(2);
    attendees.setWrapText(true);
    attendees.setPromptText(Messages.get("schedule.attendeesHint"));
    attendees.textProperty().bindBidirectional(model.attendeesProperty());

    ToggleGroup services = new ToggleGroup();
    RadioButton nativeCall = new RadioButton(Messages.get("service.NATIVE"));
    nativeCall.setId("service-native");
    nativeCall.setUserData(ServiceKind.NATIVE);
    nativeCall.setToggleGroup(services);
    RadioButton meet = new RadioButton(Messages.get("service.GOOGLE_MEET"));
    meet.setId("service-meet");
    meet.setUserData(ServiceKind.GOOGLE_MEET);
    meet.setToggleGroup(services);
    services.selectToggle(model.serviceProperty().get() == ServiceKind.GOOGLE_MEET ? meet : nativeCall);
    services.selectedToggleProperty().addListener((o, was, now) ->
        model.serviceProperty().set(now == null ? null : (ServiceKind) now.getUserData()));
    CheckBox remember = new CheckBox(Messages.get("schedule.rememberService"));
    remember.setId("schedule-remember");
    Label meetNote = new Label(Messages.get(model.googleSignedInProperty().get() && model.eventId() == null
        ? "schedule.meetNoteSignedIn" : "schedule.meetNote"));
    meetNote.setId("schedule-meet-note");
    meetNote.getStyleClass().add("form-note");
    meetNote.setWrapText(true);
    meetNote.visibleProperty().bind(meet.selectedProperty());
    meetNote.managedProperty().bind(meet.selectedProperty());

    ComboBox<ScheduleModel.Repeat> repeat = new ComboBox<>();
    repeat.setId("schedule-repeat");
    repeat.getItems().setAll(ScheduleModel.Repeat.values());
    repeat.setCellFactory(list -> new RepeatCell());
    repeat.setButtonCell(new RepeatCell());
    repeat.valueProperty().bindBidirectional(model.repeatProperty());
    DatePicker until = new DatePicker();
    until.setConverter(dates());
    until.setId("schedule-until");
    until.setPromptText(Messages.get("schedule.untilHint"));
    until.valueProperty().bindBidirectional(model.untilProperty());
    until.disableProperty().bind(model.repeatProperty().isEqualTo(ScheduleModel.Repeat.NONE));

    Label error = new Label();
    error.setId("schedule-error");
    error.getStyleClass().add("form-error");
    error.setWrapText(true);
    error.textProperty().bind(model.errorProperty());

    GridPane form = new GridPane(10, 8);
    int row = 0;
    form.addRow(row++, new Label(Messages.get("schedule.title")), title);
    form.addRow(row++, new Label(Messages.get("schedule.description")), description);
    form.addRow(row++, new Label(Messages.get("schedule.date")), date);
    form.addRow(row++, new Label(Messages.get("schedule.time")),
        new HBox(6, start, new Label("–"), end));
    form.addRow(row++, new Label(Messages.get("schedule.timeZone")), zone);
    form.addRow(row++, new Label(Messages.get("schedule.attendees")), attendees);
    form.addRow(row++, new Label(Messages.get("schedule.service")),
        new HBox(12, nativeCall, meet, remember));
    form.add(meetNote, 1, row++);
    form.addRow(row++, new Label(Messages.get("schedule.repeat")),
        new HBox(8, repeat, new Label(Messages.get("schedule.until")), until));
    form.add(error, 0, row, 2, 1);
    javafx.scene.layout.ColumnConstraints labels = new javafx.scene.layout.ColumnConstraints();
    labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    form.getColumnConstraints().addAll(labels, new javafx.scene.layout.ColumnConstraints());
    form.setPrefWidth(640);
    getDialogPane().setContent(form);
    getDialogPane().getStylesheets().add(
        Stylesheet.url());

    ButtonType save = new ButtonType(Messages.get(model.eventId() == null ? "schedule.create" : "schedule.save"),
        javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
    getDialogPane().getButtonTypes().setAll(save, DialogButtons.cancel());
    getDialogPane().lookupButton(save).setId("schedule-ok");
    getDialogPane().lookupButton(save).addEventFilter(ActionEvent.ACTION, e -> {
      if (model.toRequest().isEmpty()) {
        e.consume(); // keep the dialog and what was typed
      }
    });
    setResultConverter(button -> button == save
        ? model.toRequest().map(r -> new Result(r, remember.isSelected())).orElse(null)
        : null);
    title.requestFocus();
  }

  private static final class RepeatCell extends ListCell<ScheduleModel.Repeat> {
    @Override
    protected void updateItem(ScheduleModel.Repeat item, boolean empty) {
      super.updateItem(item, empty);
      setText(empty || item == null ? null : Messages.get("repeat." + item));
    }
  }

  /**
   * Dates as the app's language writes them (07.12.2026 in Russian), not as the JVM's default
   * locale does, which differs when the language was picked with --lang or in a test.
   */
  private static javafx.util.converter.LocalDateStringConverter dates() {
    return new javafx.util.converter.LocalDateStringConverter(
        java.time.format.FormatStyle.SHORT, Messages.locale(),
        java.time.chrono.IsoChronology.INSTANCE);
  }
}
