package app.convene.client.app;

import static org.assertj.core.api.Assertions.assertThat;

import app.convene.client.google.GoogleFixture;
import app.convene.client.testing.AppScreens;
import app.convene.client.testing.Fx;
import app.convene.client.calendar.Week;
import app.convene.client.testing.TestBackend;
import app.convene.client.testing.TestTime;
import app.convene.client.testing.TestBackend.Account;
import app.convene.client.i18n.Messages;
import app.convene.protocol.api.EventRequest;
import app.convene.protocol.api.Recurrence;
import app.convene.protocol.api.ServiceKind;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.scene.Node;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * Google Meet mode in the whole app, against a fake Google and our real server: sign in with
 * Google from the tool bar, see Google events beside native meetings in their calendar's colour,
 * double-click one to open its Meet link, schedule a Google Meet meeting that gets a link.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GoogleCalendarFlowTest {
  private static final String MEET = "https://meet.google.com/abc-defg-hij";
  private static TestBackend backend;
  private static GoogleFixture google;
  private static Path dataDir;
  private static javafx.application.Application app;
  private static Clock clock;
  /** The first day of this week as the app means it: the week the calendar view shows. */
  private static LocalDate firstDay;
  private final FxRobot robot = new FxRobot();
  private final AppScreens screens = new AppScreens(robot, "google-failure");

  private static String vendorId;
  private static String boardId;

  @BeforeAll
  static void start() throws Exception {
    Messages.use(Locale.ENGLISH);
    Locale.setDefault(Locale.ENGLISH);
    clock = TestTime.clock();
    firstDay = Week.of(clock, Messages.locale()).thisWeek();
    backend = TestBackend.start(clock);
    google = GoogleFixture.start();
    google.addCalendar("primary", "anna@example.com", "#4986e7", true); // blue
    google.addCalendar("team", "Team", "#f83a22", false); // red
    google.addEvent("team", "Team retro", at(1, 10, 0), Duration.ofMinutes(60), MEET);
    vendorId = google.addEvent("primary", "Vendor call", at(3, 11, 0), Duration.ofMinutes(45), null);
    google.describe("primary", vendorId, "Zoom: https://zoom.us/j/5551234567");
    boardId = google.addEvent("primary", "Board meeting", at(4, 14, 0), Duration.ofMinutes(60), null);
    google.invite("primary", boardId, "chair@example.com");
    dataDir = Files.createTempDirectory("convene-google-app");
    AppContext context = AppContext.builder(
            new AppOptions(backend.httpBase(), dataDir, Locale.ENGLISH, true), backend.httpBase())
        .clock(clock)
        .google(() -> Optional.of(google.config()), google.browser())
        .build();
    FxToolkit.registerPrimaryStage();
    app = FxToolkit.setupApplication(() -> new ConveneApp(context));
  }

  @AfterAll
  static void stop() throws Exception {
    FxToolkit.cleanupApplication(app);
    FxToolkit.cleanupStages();
    google.close();
    backend.close();
  }

  private static Instant at(int dayOfWeek, int hour, int minute) {
    return firstDay.plusDays(dayOfWeek).atTime(hour, minute).atZone(clock.getZone()).toInstant();
  }

  @Test
  @Order(1)
  void googleEventsShowInTheirCalendarsColourAndDoubleClickOpensTheMeetLink() throws Exception {
    Account boris = backend.account("Boris");
    String annaEmail = "anna-" + System.nanoTime() + "@example.com";
    robot.clickOn("#toggle-create");
    Fx.run(() -> { // set, not typed: typing is lost when another test's window held the focus
      robot.lookup("#email").queryTextInputControl().setText(annaEmail);
      robot.lookup("#password").queryTextInputControl().setText("correct horse battery");
      robot.lookup("#display-name").queryTextInputControl().setText("Anna");
    });
    robot.clickOn("#sign-in");
    screens.await(() -> robot.lookup("#google-sign-in").tryQuery().isPresent());
    backend.markVerified(annaEmail); // as her e-mail link does: Boris's invitation shows to her
    seedNative(boris, annaEmail);
    robot.clickOn("#refresh");

    robot.clickOn("#google-sign-in");
    screens.await(() -> robot.lookup("#google-menu").tryQuery().isPresent());
    screens.await(() -> screens.entry("Team retro").isPresent() && screens.entry("Vendor call").isPresent()
        && screens.entry("Design review").isPresent() && screens.entry("Daily standup").isPresent());
    assertThat(Files.getPosixFilePermissions(dataDir.resolve("google-calendars.txt")).toString())
        .isEqualTo("[OWNER_READ, OWNER_WRITE]");
    assertThat(screens.entry("Team retro").orElseThrow().getStyleClass()).contains("style5-entry");
    assertThat(screens.entry("Vendor call").orElseThrow().getStyleClass()).contains("style2-entry");
    assertThat(screens.entry("Design review").orElseThrow().getStyleClass()).contains("style1-entry");

    scrollToMorning();
    Fx.screenshot(robot, robot.lookup("#calendar").query().getScene().getRoot(), "calendar-google.png");

    // This app keeps its files' key in a file (no keychain here): the Google menu says where the
    // sign-in is kept.
    robot.clickOn("#google-menu");
    screens.await(() -> robot.lookup("#google-tokens-in-file").tryQuery().isPresent());
    robot.press(javafx.scene.input.KeyCode.ESCAPE).release(javafx.scene.input.KeyCode.ESCAPE);

    robot.doubleClickOn(screens.visibleCentre(screens.entry("Team retro").orElseThrow()));
    screens.await(() -> google.opened().contains(URI.create(MEET)));

    robot.rightClickOn(screens.visibleCentre(screens.entry("Vendor call").orElseThrow()));
    robot.clickOn(Messages.format("calendar.joinWith", "Zoom"));
    screens.await(() -> google.opened().contains(URI.create("https://zoom.us/j/5551234567")));

    // An invitation from someone else: no "Cancel meeting" (deleting it would only remove this
    // copy), but the answers; Accept patches this calendar's own answer, for the organiser.
    screens.await(() -> screens.entry("Board meeting").isPresent());
    robot.rightClickOn(screens.visibleCentre(screens.entry("Board meeting").orElseThrow()));
    screens.await(() -> robot.lookup(Messages.get("google.rsvp.ACCEPTED")).tryQuery().isPresent());
    assertThat(robot.lookup(Messages.get("calendar.cancel")).tryQuery()).isEmpty();
    robot.clickOn(Messages.get("google.rsvp.ACCEPTED"));
    screens.await(() -> google.patched("primary", boardId).size() == 1);
    assertThat(google.patched("primary", boardId).getFirst())
        .contains("chair@example.com").contains("\"responseStatus\":\"accepted\"");

    // The answer made the calendar sync again, which draws its entries anew: right-click the
    // entry shown now, until its menu is up.
    for (int i = 0; i < 20 && robot.lookup(Messages.get("calendar.cancel")).tryQuery().isEmpty();
        i++) {
      screens.await(() -> screens.entry("Vendor call").isPresent());
      try {
        robot.rightClickOn(screens.visibleCentre(screens.entry("Vendor call").orElseThrow()));
      } catch (RuntimeException detached) {
        robot.press(javafx.scene.input.KeyCode.ESCAPE).release(javafx.scene.input.KeyCode.ESCAPE);
      }
      Thread.sleep(200);
    }
    robot.clickOn(Messages.get("calendar.cancel"));
    robot.clickOn("OK");
    screens.await(() -> google.deleted("primary").size() == 1);
    assertThat(google.deleted("primary").getFirst()).endsWith("/events/" + vendorId);
    screens.await(() -> screens.entry("Vendor call").isEmpty());
  }

  @Test
  @Order(2)
  void schedulingWithGoogleMeetWhileSignedInCreatesAMeetEventInGoogle() throws Exception {
    robot.clickOn("#new-meeting");
    screens.await(() -> robot.lookup("#schedule-title").tryQuery().isPresent());
    ZonedDateTime day = firstDay.plusDays(4).atStartOfDay(clock.getZone());
    Fx.run(() -> {
      robot.lookup("#schedule-title").queryTextInputControl().setText("Customer demo");
      robot.lookup("#schedule-attendees").queryTextInputControl().setText("boris@example.com");
      robot.lookup("#schedule-date").queryAs(javafx.scene.control.DatePicker.class).setValue(day.toLocalDate());
      robot.lookup("#schedule-start").queryTextInputControl().setText("13:00");
      robot.lookup("#schedule-end").queryTextInputControl().setText("13:30");
    });
    robot.clickOn("#service-meet");
    assertThat(robot.lookup("#schedule-meet-note").queryLabeled().getText())
        .isEqualTo(Messages.get("schedule.meetNoteSignedIn"));
    robot.clickOn("#schedule-ok");

    screens.await(() -> !google.inserted("primary").isEmpty());
    String body = google.inserted("primary").getFirst();
    assertThat(body).contains("\"Customer demo\"").contains("conferenceData").contains("hangoutsMeet")
        .contains("boris@example.com");
    // CalendarFX adds the calendar's style class to an entry view a moment after showing it.
    screens.await(() -> screens.entry("Customer demo").map(n -> n.getStyleClass().contains("style2-entry")).orElse(false));
  }

  /** A native meeting and a daily stand-up, so native and Google events share the week. */
  private static void seedNative(Account boris, String anna) throws Exception {
    ZoneId zone = clock.getZone();
    Instant review = at(1, 13, 0);
    boris.api().schedule(new EventRequest("Design review", "", review, review.plus(Duration.ofMinutes(50)),
        zone.getId(), List.of(anna), ServiceKind.NATIVE, null));
    Instant standup = at(0, 9, 0);
    boris.api().schedule(new EventRequest("Daily standup", "", standup, standup.plus(Duration.ofMinutes(15)),
        zone.getId(), List.of(anna), ServiceKind.NATIVE,
        new Recurrence(Recurrence.Frequency.DAILY, 1,
            firstDay.plusDays(4), null)));
  }

  /** Scrolls the week until the morning's stand-up is near the top. */
  private void scrollToMorning() throws Exception {
    Fx.run(() -> screens.pane().scrollTo(LocalTime.of(8, 0)));
    screens.scrollIntoView("Daily standup");
    Thread.sleep(200);
  }
}
