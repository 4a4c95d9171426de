package app.convene.client.calendar;

import app.convene.client.google.ui.GoogleModel;
import static org.assertj.core.api.Assertions.assertThat;

import app.convene.client.storage.SealedFiles;
import app.convene.client.google.BrowserOpener;
import app.convene.client.testing.Fx;
import app.convene.client.testing.TestBackend;
import app.convene.client.testing.TestBackend.Account;
import app.convene.client.i18n.Messages;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The calendar's toolbar: offline, "New meeting" says at once that it cannot be saved instead of
 * failing at save; a long status gives way to the buttons, which keep their words.
 */
@ExtendWith(ApplicationExtension.class)
class CalendarToolbarTest {
  private final FxRobot robot = new FxRobot();

  @TempDir Path dir;

  @Start
  void start(Stage stage) {
    // the case opens its own window
  }

  private record Shown(CalendarModel model, GoogleModel google, Stage stage) {}

  /** Anna's calendar pane in a window of its own, in {@code language}. */
  private Shown show(TestBackend backend, ExecutorService background, Locale language)
      throws Exception {
    Messages.use(language);
    Account anna = backend.account("Anna");
    CalendarService service = new CalendarService(anna.api(),
        new MeetingCache(SealedFiles.withKeyFile(dir), anna.user().id()), backend.clock());
    Week week = Week.of(backend.clock(), language);
    CalendarModel model = new CalendarModel(service, week, anna.user().id(), background,
        Platform::runLater, occurrence -> { });
    GoogleModel google = new GoogleModel(Optional::empty, SealedFiles.withKeyFile(dir), dir,
        BrowserOpener.system(), background, Platform::runLater, model.statusProperty(),
        backend.clock());
    Stage stage = Fx.call(() -> {
      Stage window = new Stage();
      window.setScene(new Scene(new CalendarPane(model, google, "Anna", link -> { }, () -> { }),
          1100, 700));
      window.show();
      return window;
    });
    return new Shown(model, google, stage);
  }

  @Test
  void theScheduleDialogSpeaksRussianAndNamesZonesAsPeopleDo() throws Exception {
    ExecutorService background = Executors.newCachedThreadPool();
    try (TestBackend backend = TestBackend.start()) {
      Shown shown = show(backend, background, Locale.forLanguageTag("ru"));
      shown.model().refresh(LocalDate.now(backend.clock())).get();
      robot.clickOn("#new-meeting");
      Fx.await(() -> Fx.call(() -> robot.lookup("#schedule-zone").tryQuery().isPresent()));
      javafx.scene.control.DialogPane dialog = robot.lookup(".dialog-pane").query();

      javafx.scene.control.ComboBox<java.time.ZoneId> zone = robot.lookup("#schedule-zone").query();
      assertThat(Fx.call(() -> zone.getConverter().toString(zone.getValue()))).startsWith("(UTC");
      assertThat(Fx.call(() -> dialog.getButtonTypes().stream()
          .map(javafx.scene.control.ButtonType::getText).toList())).contains("Отмена")
          .doesNotContain("Cancel");
      assertThat(Fx.call(() -> robot.lookup("#schedule-date")
          .queryAs(javafx.scene.control.DatePicker.class).getEditor().getText())).matches("\\d\\d\\.\\d\\d\\.\\d{4}");
      Fx.screenshot(robot, dialog, "schedule-dialog-ru.png");
      Fx.run(() -> dialog.getScene().getWindow().hide());

      // Google not set up, in Russian down to the details link (JavaFX's own says "Show Details").
      Fx.run(shown.google()::start);
      Fx.await(() -> !Fx.call(() -> robot.lookup("#google-setup").queryButton().isDisabled()));
      robot.clickOn("#google-setup");
      Fx.await(() -> Fx.call(() -> robot.lookup(".details-button").tryQuery().isPresent()));
      javafx.scene.control.Hyperlink details = robot.lookup(".details-button").query();
      assertThat(Fx.call(details::getText)).isEqualTo("Подробнее");
      robot.clickOn(details);
      Fx.await(() -> Fx.call(() -> details.getText().equals("Скрыть подробности")));
      javafx.scene.control.DialogPane setup = (javafx.scene.control.DialogPane)
          Fx.call(() -> details.getScene().getRoot());
      assertThat(Fx.call(setup::isExpanded)).isTrue();
      Fx.screenshot(robot, setup, "google-not-set-up-ru.png");
      Fx.run(() -> setup.getScene().getWindow().hide());
      Fx.run(() -> shown.stage().close());
    } finally {
      Messages.use(Locale.ENGLISH);
      background.shutdownNow();
    }
  }

  @Test
  void newMeetingIsOffWithAReasonWhileTheServerIsGoneAndOnAgainAfter() throws Exception {
    ExecutorService background = Executors.newCachedThreadPool();
    TestBackend backend = TestBackend.start();
    Stage stage = null;
    boolean closed = false;
    try {
      Shown shown = show(backend, background, Locale.ENGLISH);
      CalendarModel model = shown.model();
      GoogleModel google = shown.google();
      stage = shown.stage();
      LocalDate today = LocalDate.now(backend.clock());
      model.refresh(today).get();
      Button create = robot.lookup("#new-meeting").queryButton();
      assertThat(Fx.call(create::isDisabled)).isFalse();

      // A long status (a server's refusal, a Google error) must not squash the buttons to "…".
      Fx.run(() -> model.statusProperty().set("The server refused: " + "a very long reason ".repeat(20)));
      Fx.await(() -> Fx.call(() -> {
        Button join = robot.lookup("#sign-out").queryButton();
        return create.getWidth() >= create.prefWidth(-1) - 0.5
            && join.getWidth() >= join.prefWidth(-1) - 0.5;
      }));
      assertThat(Fx.call(() -> robot.lookup("#calendar-status").queryLabeled().getTooltip()
          .getText())).startsWith("The server refused: a very long reason");

      // Google not set up: the user reads what it means; the administrator's steps are folded.
      Fx.run(google::start); // what the app does after the calendar's first frame
      Fx.await(() -> !Fx.call(() -> robot.lookup("#google-setup").queryButton().isDisabled()));
      robot.clickOn("#google-setup");
      Fx.await(() -> Fx.call(() -> robot.lookup(".dialog-pane").tryQuery().isPresent()));
      javafx.scene.control.DialogPane dialog = robot.lookup(".dialog-pane").query();
      assertThat(Fx.call(() -> ((javafx.scene.control.Label) dialog.getContent()).getText()))
          .startsWith("Google Meet mode needs your organisation's Google sign-in.");
      assertThat(Fx.call(dialog::isExpanded)).isFalse();
      assertThat(Fx.call(() -> dialog.getExpandableContent() != null)).isTrue();
      assertThat(Fx.call(() -> ((javafx.scene.control.Hyperlink) dialog.lookup(".details-button"))
          .getText())).isEqualTo("Show details");
      Fx.screenshot(robot, dialog, "google-not-set-up-en.png");
      Fx.run(() -> dialog.getScene().getWindow().hide());

      backend.close();
      closed = true;
      model.refresh(today).get();
      Fx.await(() -> Fx.call(create::isDisabled));
      assertThat(Fx.call(() -> create.getTooltip().getText()))
          .startsWith("The server cannot be reached");
    } finally {
      if (stage != null) {
        Stage shown = stage;
        Fx.run(shown::close);
      }
      if (!closed) {
        backend.close();
      }
      background.shutdownNow();
    }
  }
}
