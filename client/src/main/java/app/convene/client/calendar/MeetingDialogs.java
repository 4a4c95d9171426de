package app.convene.client.calendar;

import app.convene.client.call.InviteLink;
import app.convene.client.google.MeetingDraft;
import app.convene.client.google.ui.GoogleModel;
import app.convene.client.i18n.Failures;
import app.convene.client.i18n.Messages;
import app.convene.client.ui.DialogButtons;
import app.convene.protocol.api.EventRequest;
import app.convene.protocol.api.OccurrenceView;
import app.convene.protocol.api.ServiceKind;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextInputDialog;
import javafx.stage.Window;

/**
 * The calendar pane's dialogs: a new meeting, an edit (reopened with everything typed kept when
 * the server refuses), saving to our server or to Google, confirming a cancellation, asking for a
 * link to join. FX thread; the saving itself is the models' and runs off it.
 */
final class MeetingDialogs {
  private final CalendarModel model;
  private final GoogleModel google;
  private final Week week;
  private final Supplier<Window> owner;

  /** @param owner the window the dialogs belong to, asked each time one opens */
  MeetingDialogs(CalendarModel model, GoogleModel google, Supplier<Window> owner) {
    this.model = Objects.requireNonNull(model, "model == null");
    this.google = Objects.requireNonNull(google, "google == null");
    this.week = model.week();
    this.owner = Objects.requireNonNull(owner, "owner == null");
  }

  /** Opens the scheduling dialog for a new meeting at {@code start}. */
  void newMeeting(ZonedDateTime start) {
    ZonedDateTime local = start.withZoneSameInstant(week.zone());
    showDialog(new ScheduleModel(local, model.preferredServiceProperty().get()));
  }

  /** Fetches the meeting fresh, then opens the scheduling dialog on it. */
  void edit(OccurrenceView occurrence) {
    model.fetch(occurrence.event().id()).whenCompleteAsync((event, e) -> {
      if (e != null) {
        error(Failures.rootMessage(e));
      } else {
        showDialog(new ScheduleModel(event));
      }
    }, Platform::runLater);
  }

  private void showDialog(ScheduleModel form) {
    form.googleSignedInProperty().set(google.isSignedIn());
    new ScheduleDialog(owner.get(), form).showAndWait().ifPresent(result ->
        save(form, result).whenCompleteAsync((v, e) -> {
          if (e != null) {
            // The server refused: say why and reopen the dialog with everything typed kept.
            form.errorProperty().set(Failures.rootMessage(e));
            showDialog(form);
          }
        }, Platform::runLater));
  }

  /**
   * A new Google Meet meeting while signed in to Google goes to the primary Google calendar with a
   * Meet link (a repeating one stays on our server: Meet scheduling has no repetition yet);
   * everything else is saved on our server.
   */
  private CompletableFuture<?> save(ScheduleModel form, ScheduleDialog.Result result) {
    EventRequest request = result.request();
    if (form.eventId() == null && request.service() == ServiceKind.GOOGLE_MEET && google.isSignedIn()
        && request.recurrence() == null) {
      if (result.rememberService()) {
        model.rememberService(request.service());
      }
      return google.meetings().createMeet(new MeetingDraft(request.title(),
          request.description() == null ? "" : request.description(), request.start(), request.end(),
          request.timeZone() == null ? week.zone().getId() : request.timeZone(),
          request.attendees() == null ? List.of() : request.attendees()));
    }
    return model.save(form, result);
  }

  /** Asks before cancelling the meeting; cancels it on OK. */
  void confirmCancel(OccurrenceView occurrence) {
    Alert confirm = DialogButtons.okCancel(new Alert(Alert.AlertType.CONFIRMATION,
        Messages.format("calendar.cancelConfirm", occurrence.event().title())));
    confirm.initOwner(owner.get());
    confirm.setHeaderText(null);
    confirm.showAndWait().filter(b -> b == ButtonType.OK)
        .ifPresent(b -> model.cancel(occurrence));
  }

  /** Asks for an invite link or a room id until one reads or the user gives up. */
  Optional<InviteLink> askForLink() {
    TextInputDialog dialog = DialogButtons.okCancel(new TextInputDialog());
    dialog.initOwner(owner.get());
    dialog.setTitle(Messages.get("calendar.joinLink"));
    dialog.setHeaderText(Messages.get("calendar.joinLinkHint"));
    while (true) {
      Optional<String> text = dialog.showAndWait();
      if (text.isEmpty()) {
        return Optional.empty();
      }
      Optional<InviteLink> link = InviteLink.parse(text.get());
      if (link.isPresent()) {
        return link;
      }
      dialog.setHeaderText(Messages.get("calendar.joinLinkBad"));
    }
  }

  /** Whether the user answers OK to {@code question}. */
  boolean confirmed(String question) {
    Alert confirm = DialogButtons.okCancel(new Alert(Alert.AlertType.CONFIRMATION, question));
    confirm.initOwner(owner.get());
    confirm.setHeaderText(null);
    return confirm.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
  }

  private void error(String message) {
    Alert alert = new Alert(Alert.AlertType.ERROR, message);
    alert.initOwner(owner.get());
    alert.setHeaderText(null);
    alert.show();
  }
}
