package app.convene.client.app;

import static org.assertj.core.api.Assertions.assertThat;

import app.convene.client.headless.HeadlessOptions;
import app.convene.client.headless.HeadlessParticipant;
import app.convene.client.headless.HeadlessSummary;
import app.convene.client.testing.AppScreens;
import app.convene.client.testing.Fx;
import app.convene.client.calendar.Week;
import app.convene.client.testing.TestBackend;
import app.convene.client.testing.TestTime;
import app.convene.client.testing.TestBackend.Account;
import app.convene.client.call.ui.CallModel;
import app.convene.client.i18n.Messages;
import app.convene.protocol.api.EventRequest;
import app.convene.protocol.api.OccurrenceView;
import app.convene.protocol.api.Recurrence;
import app.convene.protocol.api.ServiceKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * The whole app as a user meets it: create an account, schedule a native meeting in the dialog,
 * see it in the week view, double-click it, and meet a headless participant in the call window.
 */
class CalendarFlowTest {
  private static Clock clock;
  private static TestBackend backend;
  private static Path dataDir;
  private static javafx.application.Application app;
  private final FxRobot robot = new FxRobot();
  private final AppScreens screens = new AppScreens(robot, "failure");

  @BeforeAll
  static void start() throws Exception {
    Messages.use(Locale.ENGLISH);
    Locale.setDefault(Locale.ENGLISH);
    clock = TestTime.clock();
    backend = TestBackend.start(clock);
    dataDir = Files.createTempDirectory("convene-app");
    AppContext context = AppContext.builder(
            new AppOptions(backend.httpBase(), dataDir, Locale.ENGLISH, true), backend.httpBase())
        .clock(clock).build();
    FxToolkit.registerPrimaryStage();
    app = FxToolkit.setupApplication(() -> new ConveneApp(context));
  }

  @AfterAll
  static void stop() throws Exception {
    FxToolkit.cleanupApplication(app);
    FxToolkit.cleanupStages();
    backend.close();
  }

  @Test
  void scheduleInTheDialogSeeItInTheWeekAndDoubleClickToJoin() throws Exception {
    Account boris = backend.account("Boris");
    String annaEmail = "anna-" + System.nanoTime() + "@example.com";
    robot.clickOn("#toggle-create");
    robot.clickOn("#email").write(annaEmail);
    robot.clickOn("#password").write("correct horse battery");
    robot.clickOn("#display-name").write("Anna");
    // The small sign-in window near the screen's bottom right: the calendar, larger, must still
    // fit on the screen rather than grow past its edge.
    Stage window = (Stage) Fx.call(() -> robot.lookup("#sign-in").query().getScene().getWindow());
    Rectangle2D screen = Fx.call(() -> Screen.getPrimary().getVisualBounds());
    Fx.run(() -> {
      window.setX(screen.getMaxX() - window.getWidth() - 20);
      window.setY(screen.getMaxY() - window.getHeight() - 20);
    });
    robot.clickOn("#sign-in");
    Fx.await(() -> robot.lookup("#calendar").tryQuery().isPresent());
    Rectangle2D shown = Fx.call(() -> new Rectangle2D(window.getX(), window.getY(),
        window.getWidth(), window.getHeight()));
    assertThat(screen.contains(shown)).as("%s within %s", shown, screen).isTrue();
    Fx.run(() -> window.centerOnScreen());
    assertThat(Files.getPosixFilePermissions(dataDir.resolve("session.json")).toString())
        .isEqualTo("[OWNER_READ, OWNER_WRITE]");

    robot.clickOn("#new-meeting");
    Fx.await(() -> robot.lookup("#schedule-title").tryQuery().isPresent());
    ZonedDateTime now = ZonedDateTime.now(clock);
    LocalTime start = now.toLocalTime().truncatedTo(ChronoUnit.HOURS);
    Fx.run(() -> { // set, not typed: typing is lost when another window takes the focus
      robot.lookup("#schedule-title").queryTextInputControl().setText("Design review");
      robot.lookup("#schedule-attendees").queryTextInputControl().setText(boris.email());
      robot.lookup("#schedule-date").queryAs(javafx.scene.control.DatePicker.class).setValue(now.toLocalDate());
      robot.lookup("#schedule-start").queryTextInputControl().setText(start.toString());
      robot.lookup("#schedule-end").queryTextInputControl().setText(start.plusMinutes(50).toString());
    });
    robot.clickOn("#service-native");
    Fx.screenshot(robot, robot.lookup("#schedule-title").query().getScene().getRoot(),
        "schedule-dialog-en.png");
    robot.clickOn("#schedule-ok");

    screens.await(() -> screens.entry("Design review").isPresent());
    backend.markVerified(annaEmail); // as her e-mail link does: Boris's invitation shows to her
    seedWeek(boris, annaEmail);
    robot.clickOn("#refresh");
    screens.await(() -> screens.entry("Daily standup").isPresent() && screens.entry("Partner sync").isPresent());
    Fx.run(() -> screens.pane().scrollTo(LocalTime.of(8, 0)));
    Thread.sleep(500);
    Fx.screenshot(robot, robot.lookup("#calendar").query().getScene().getRoot(), "calendar-week.png");

    // The meeting in view, the window in the screen's top left corner: the meeting's reminder
    // pops up in the bottom right one, over the week's last day (a Saturday evening meeting).
    Fx.run(() -> {
      Window main = robot.lookup("#calendar").query().getScene().getWindow();
      main.setX(0);
      main.setY(0);
    });
    screens.scrollIntoView("Design review");
    robot.doubleClickOn(screens.visibleCentre(screens.entry("Design review").orElseThrow()));
    screens.await(() -> callWindow().isPresent());
    CallModel call = (CallModel) callWindow().orElseThrow().getProperties().get(CallModel.class);

    OccurrenceView meeting = boris.api().events(clock.instant().minus(Duration.ofDays(1)),
        clock.instant().plus(Duration.ofDays(1))).stream()
        .filter(o -> o.event().title().equals("Design review")).findFirst().orElseThrow();
    CompletableFuture<HeadlessSummary> borisRun = CompletableFuture.supplyAsync(() ->
        new HeadlessParticipant(new HeadlessOptions(backend.signalingUri(), boris.email(),
            boris.password(), meeting.event().roomId(), null, "Boris", Duration.ofSeconds(20), 180, 1,
            640, 360, 30)).run(), Executors.newSingleThreadExecutor());

    Fx.await(() -> Fx.call(() -> call.tiles().size()) == 2);
    Fx.await(() -> Fx.call(() -> call.tiles().get(1).getImage()) != null);
    Fx.await(() -> Fx.call(() -> call.tiles().get(1).getStatus()).equals("Connected"));
    Thread.sleep(1500);
    Fx.screenshot(robot, callWindow().orElseThrow().getScene().getRoot(), "call-from-calendar.png");

    // Joining the meeting again (a double-click, a reminder's Join) brings this call to the front
    // instead of opening a second one in which you would see yourself.
    Stage first = callWindow().orElseThrow();
    Fx.run(() -> first.setX(1900)); // out of the way of the calendar: almost off the screen
    robot.doubleClickOn(screens.visibleCentre(screens.entry("Design review").orElseThrow()));
    Thread.sleep(2000); // a second call would have opened its window by now
    assertThat(callWindows()).containsExactly(first);
    assertThat(Fx.call(() -> call.tiles().size())).isEqualTo(2);
    assertThat(borisRun.get(30, TimeUnit.SECONDS).ok()).isTrue();
    Fx.run(() -> first.centerOnScreen());
    robot.clickOn("#hang-up");
    screens.await(() -> callWindows().isEmpty());

    Stage main = (Stage) Fx.call(() -> robot.lookup("#calendar").query().getScene().getWindow());
    assertThat(Fx.call(main::getTitle)).contains("Anna");
    robot.clickOn("#sign-out");
    screens.await(() -> robot.lookup("#sign-in").tryQuery().isPresent());
    assertThat(Fx.call(main::getTitle)).isEqualTo(Messages.get("app.title"));
  }

  /**
   * Two more meetings so the week looks like a week: a daily stand-up and a Google Meet call, in
   * this week as the app means it (the same {@link Week} the calendar view shows).
   */
  private static void seedWeek(Account boris, String anna) throws Exception {
    Week week = Week.of(clock, Messages.locale());
    ZoneId zone = week.zone();
    LocalDate first = week.thisWeek();
    Instant standup = first.atTime(9, 30).atZone(zone).toInstant();
    boris.api().schedule(new EventRequest("Daily standup", "", standup, standup.plus(Duration.ofMinutes(15)),
        zone.getId(), List.of(anna), ServiceKind.NATIVE,
        new Recurrence(Recurrence.Frequency.DAILY, 1, first.plusDays(4), null)));
    Instant sync = first.plusDays(2).atTime(14, 0).atZone(zone).toInstant();
    boris.api().schedule(new EventRequest("Partner sync", "", sync, sync.plus(Duration.ofHours(1)),
        zone.getId(), List.of(anna), ServiceKind.GOOGLE_MEET, null));
  }




  private static List<Stage> callWindows() {
    return Fx.call(() -> Window.getWindows().stream()
        .filter(w -> w instanceof Stage s && s.getProperties().containsKey(CallModel.class) && s.isShowing())
        .map(Stage.class::cast).toList());
  }

  private static Optional<Stage> callWindow() {
    return Fx.call(() -> Window.getWindows().stream()
        .filter(w -> w instanceof Stage s && s.getProperties().containsKey(CallModel.class) && s.isShowing())
        .map(Stage.class::cast).findFirst());
  }
}
