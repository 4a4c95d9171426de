package app.convene.client.app;

import static org.assertj.core.api.Assertions.assertThat;

import app.convene.client.call.ui.CallModel;
import app.convene.client.i18n.Messages;
import app.convene.client.notify.Notifier;
import app.convene.client.testing.AppScreens;
import app.convene.client.testing.Fx;
import app.convene.client.testing.MutableClock;
import app.convene.client.testing.TestBackend;
import app.convene.client.testing.TestBackend.Account;
import app.convene.client.testing.TestTime;
import app.convene.protocol.api.EventRequest;
import app.convene.protocol.api.ServiceKind;
import com.calendarfx.view.CalendarView;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * Every screen of the app as a user meets it, in English, from the real app on a real server:
 * sign-in, account creation, the week and the month, a meeting's menu, "Join with link", a
 * reminder pop-up, the notification centre and a call. Each step checks that the screen speaks
 * the language chosen; the pictures ({@code target/screenshots/screen-*-LANG.png}) are the ones in
 * {@code docs/screenshots}. {@link RussianScreensIT} takes the same tour in Russian, in a JVM of
 * its own: CalendarFX reads its texts once per JVM, in the language the app starts in (as the
 * app's {@code --lang} does).
 */
class ScreensTest {
  private static TestBackend backend;
  private final FxRobot robot = new FxRobot();
  private final AppScreens screens = new AppScreens(robot, "screens-failure");

  @BeforeAll
  static void start() throws Exception {
    Messages.use(Locale.ENGLISH);
    backend = TestBackend.start(TestTime.clock());
    FxToolkit.registerPrimaryStage();
  }

  @AfterAll
  static void stop() throws Exception {
    Messages.use(Locale.ENGLISH);
    FxToolkit.cleanupStages();
    backend.close();
  }

  @org.junit.jupiter.api.Test
  void everyScreenSpeaksEnglish() throws Exception {
    tour(backend, robot, screens, "en");
  }

  /** The tour in the language {@code tag}; CalendarFX must not have been shown in another one. */
  static void tour(TestBackend backend, FxRobot robot, AppScreens screens, String tag)
      throws Exception {
    Locale language = Locale.forLanguageTag(tag);
    Messages.use(language);
    Clock now = backend.clock();
    ZoneId zone = now.getZone();
    Account anna = backend.account("Anna " + tag);
    Account boris = backend.account("Boris " + tag);
    Instant nine = LocalDate.now(now).atTime(9, 0).atZone(zone).toInstant();
    Instant soon = now.instant().truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(30));
    schedule(anna, "Standup", nine, Duration.ofMinutes(15), boris);
    schedule(anna, "Design review", soon, Duration.ofMinutes(60), boris);
    schedule(boris, "Budget 2027", nine.plus(Duration.ofHours(26)), Duration.ofMinutes(45), anna);

    MutableClock reminders = new MutableClock(now.instant(), zone);
    AppContext context = AppContext.builder(new AppOptions(backend.httpBase(),
            Files.createTempDirectory("convene-screens"), language, true), backend.httpBase())
        .clock(now)
        .reminders(new Notifier.Timing(reminders, Duration.ofMillis(200), Duration.ofSeconds(1),
            List.of(Duration.ofMinutes(5))))
        .build();
    Application app = FxToolkit.setupApplication(() -> new ConveneApp(context));
    try {
      // Sign-in, then account creation.
      screens.await(() -> robot.lookup("#email").tryQuery().isPresent());
      Stage main = (Stage) Fx.call(() -> robot.lookup("#email").query().getScene().getWindow());
      assertThat(Fx.call(() -> robot.lookup("#sign-in").queryButton().getText()))
          .isEqualTo(Messages.get("signIn.submit"));
      shoot(robot, main, "sign-in", tag);
      robot.clickOn("#toggle-create");
      screens.await(() -> robot.lookup("#display-name").tryQuery().isPresent());
      shoot(robot, main, "create-account", tag);
      robot.clickOn("#toggle-create");

      robot.clickOn("#email").write(anna.email());
      robot.clickOn("#password").write(anna.password());
      robot.clickOn("#sign-in");
      screens.await(() -> screens.entry("Standup").isPresent());
      Fx.run(() -> {
        main.setX(0);
        main.setY(0);
      });
      screens.scrollIntoView("Standup");
      assertThat(Fx.call(() -> robot.lookup("#new-meeting").queryButton().getText()))
          .isEqualTo(Messages.get("calendar.new"));
      shoot(robot, main, "calendar-week", tag);

      CalendarView calendar = robot.lookup("#calendar").queryAs(CalendarView.class);
      Fx.run(calendar::showMonthPage);
      Thread.sleep(500);
      shoot(robot, main, "calendar-month", tag);
      Fx.run(calendar::showWeekPage);

      // A meeting's menu: join, copy its invite link and room id, edit, cancel, remind me. The
      // review is in half an hour: maybe tomorrow, in the next week (a pinned Saturday night).
      Fx.run(() -> calendar.setDate(LocalDate.ofInstant(soon, zone)));
      screens.await(() -> screens.entry("Design review").isPresent());
      screens.scrollIntoView("Design review");
      robot.rightClickOn(screens.visibleCentre(screens.entry("Design review").orElseThrow()));
      screens.await(() -> robot.lookup("#copy-room-id").tryQuery().isPresent());
      Thread.sleep(300);
      shootScreen(robot, main, "meeting-menu", tag);
      robot.press(javafx.scene.input.KeyCode.ESCAPE).release(javafx.scene.input.KeyCode.ESCAPE);

      // Join with link.
      robot.clickOn("#join-link");
      screens.await(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
      javafx.scene.Node dialog = robot.lookup(".dialog-pane").query();
      assertThat(Fx.call(() -> ((javafx.scene.control.DialogPane) dialog).getButtonTypes().stream()
          .map(javafx.scene.control.ButtonType::getText).toList()))
          .contains(Messages.get("dialog.cancel"));
      Thread.sleep(300);
      Fx.screenshot(robot, dialog, "screen-join-link-" + tag + ".png");
      Fx.run(() -> dialog.getScene().getWindow().hide());

      // Five minutes before the review: its reminder pops up.
      reminders.set(soon.minus(Duration.ofMinutes(5)).plusSeconds(1));
      screens.await(() -> robot.lookup("#reminder-join").tryQuery().isPresent());
      assertThat(Fx.call(() -> robot.lookup("#reminder-join").queryButton().getText()))
          .isEqualTo(Messages.get("notify.join"));
      Thread.sleep(400);
      Rectangle2D screen = Fx.call(() -> Screen.getPrimary().getBounds());
      Fx.screenshot(robot, new Rectangle2D(screen.getMaxX() - 560, screen.getMaxY() - 400,
          560, 400), "screen-reminder-popup-" + tag + ".png");
      robot.clickOn("#reminder-dismiss");

      // The notification centre keeps it.
      robot.clickOn("#notifications");
      screens.await(() -> robot.lookup("#notification-list").tryQuery().isPresent());
      Thread.sleep(400);
      shootScreen(robot, main, "notification-centre", tag);
      robot.clickOn("#notifications");

      // The call, from a double-click.
      screens.scrollIntoView("Design review");
      robot.doubleClickOn(screens.visibleCentre(screens.entry("Design review").orElseThrow()));
      screens.await(() -> callWindow().isPresent());
      Stage call = callWindow().orElseThrow();
      screens.await(() -> Fx.call(() -> ((CallModel) call.getProperties().get(CallModel.class))
          .tiles().getFirst().getImage()) != null);
      Thread.sleep(800);
      Fx.screenshot(robot, call.getScene().getRoot(), "screen-call-" + tag + ".png");
      Fx.run(call::close);
      screens.await(() -> callWindow().isEmpty());
    } finally {
      FxToolkit.cleanupApplication(app);
      FxToolkit.cleanupStages();
    }
  }

  private static void schedule(Account owner, String title, Instant start, Duration length,
      Account... attendees) throws Exception {
    owner.api().schedule(new EventRequest(title, "", start, start.plus(length), "Europe/Berlin",
        java.util.Arrays.stream(attendees).map(Account::email).toList(), ServiceKind.NATIVE,
        null));
  }

  /** The main window's content. */
  private static void shoot(FxRobot robot, Stage window, String screen, String tag)
      throws Exception {
    Thread.sleep(300);
    Fx.screenshot(robot, Fx.call(() -> window.getScene().getRoot()),
        "screen-" + screen + "-" + tag + ".png");
  }

  /** The main window with what pops up over it (menus, the notification centre). */
  private static void shootScreen(FxRobot robot, Stage window, String screen, String tag)
      throws Exception {
    Fx.screenshot(robot, Fx.call(() -> new Rectangle2D(window.getX(), window.getY(),
        window.getWidth(), window.getHeight())), "screen-" + screen + "-" + tag + ".png");
  }

  private static Optional<Stage> callWindow() {
    return Fx.call(() -> Window.getWindows().stream()
        .filter(w -> w instanceof Stage s && s.getProperties().containsKey(CallModel.class)
            && s.isShowing())
        .map(Stage.class::cast).findFirst());
  }
}
