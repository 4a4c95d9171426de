package app.convene.client.calendar;

import app.convene.client.google.ui.GoogleModel;
import app.convene.client.storage.SealedFiles;
import static org.assertj.core.api.Assertions.assertThat;

import app.convene.client.google.BrowserOpener;
import app.convene.client.testing.AppScreens;
import app.convene.client.testing.Fx;
import app.convene.client.testing.MutableClock;
import app.convene.client.testing.TestBackend;
import app.convene.client.testing.TestBackend.Account;
import app.convene.client.i18n.Messages;
import app.convene.protocol.api.EventRequest;
import app.convene.protocol.api.ServiceKind;
import com.calendarfx.view.CalendarView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The week the calendar shows is the week the code means: the real {@link CalendarPane} (CalendarFX
 * week view) on a pinned clock at a week's edge, with meetings scheduled on the first and the last
 * day of {@link Week#thisWeek()}; both show, and the view's first day, today and zone are the
 * {@link Week}'s. In en-US (weeks from Sunday) and Russian (from Monday), at Saturday 23:30,
 * Sunday 00:30 and Monday 00:30 in zones at both ends of the date line and in Berlin on the night
 * daylight-saving time starts. Runs under a real X display (Xvfb in CI).
 */
@ExtendWith(ApplicationExtension.class)
class WeekViewTest {
  private static TestBackend backend;
  private static Account anna;
  private static ExecutorService background;
  private final FxRobot robot = new FxRobot();
  private final AppScreens screens = new AppScreens(robot, "week-failure");

  @BeforeAll
  static void startServer() throws Exception {
    backend = TestBackend.start();
    anna = backend.account("Anna");
    background = Executors.newCachedThreadPool();
  }

  @AfterAll
  static void stopServer() throws Exception {
    Messages.use(Locale.ENGLISH);
    background.shutdownNow();
    backend.close();
  }

  @Start
  void start(Stage stage) {
    // Each case opens a window of its own.
  }

  @ParameterizedTest(name = "{0} at {1} in {2}")
  @CsvSource({
      "en-US, 2026-12-12T23:30, Pacific/Kiritimati, SUNDAY",
      "ru,    2026-12-12T23:30, Pacific/Kiritimati, MONDAY",
      "en-US, 2026-12-13T00:30, Pacific/Kiritimati, SUNDAY",
      "ru,    2026-12-13T00:30, Pacific/Kiritimati, MONDAY",
      "en-US, 2026-12-14T00:30, Pacific/Pago_Pago, SUNDAY",
      "ru,    2026-12-14T00:30, Pacific/Pago_Pago, MONDAY",
      "en-US, 2026-12-13T00:30, Pacific/Pago_Pago, SUNDAY",
      "ru,    2027-03-27T23:30, Europe/Berlin, MONDAY",
      "en-US, 2027-03-28T00:30, Europe/Berlin, SUNDAY",
      "ru,    2027-03-28T03:30, Europe/Berlin, MONDAY",
      "ru,    2027-03-29T00:30, Europe/Berlin, MONDAY",
  })
  void theViewShowsTheWeekTheCodeMeans(String tag, LocalDateTime local, String zoneId,
      DayOfWeek firstDay) throws Exception {
    ZoneId zone = ZoneId.of(zoneId);
    Locale locale = Locale.forLanguageTag(tag);
    Messages.use(locale);
    MutableClock clock = new MutableClock(local.atZone(zone).toInstant(), zone);
    Week week = Week.of(clock, locale, Locale.ROOT);
    LocalDate first = week.thisWeek();
    String suffix = " " + tag + " " + local + " " + zoneId;
    schedule("First day" + suffix, first.atTime(0, 15), zone);
    schedule("Last day" + suffix, first.plusDays(6).atTime(23, 0), zone);

    Stage stage = open(week, clock);
    try {
      CalendarView view = robot.lookup("#calendar").queryAs(CalendarView.class);
      var weekView = view.getWeekPage().getDetailedWeekView().getWeekView();
      assertThat(first.getDayOfWeek()).isEqualTo(firstDay);
      assertThat(Fx.call(weekView::getStartDate)).isEqualTo(first);
      assertThat(Fx.call(weekView::getEndDate)).isEqualTo(first.plusDays(6));
      assertThat(Fx.call(view::getToday)).isEqualTo(local.toLocalDate());
      assertThat(Fx.call(view::getZoneId)).isEqualTo(zone);
      assertThat(Fx.call(view::getWeekFields)).isEqualTo(week.fields());
      assertThat(Fx.call(() -> view.getWeekPage().getDetailedWeekView().getWeekFields()))
          .isEqualTo(week.fields());
      screens.await(() -> screens.entry("First day" + suffix).isPresent()
          && screens.entry("Last day" + suffix).isPresent());
    } finally {
      Fx.run(stage::close);
    }
  }

  @ParameterizedTest(name = "{0} on {1}")
  @CsvSource({
      "en-US, 2026-12-31T10:00, Week 1", // the week from Sunday 27 December holds 1 January
      "en-US, 2027-01-03T10:00, Week 2",
      "en-GB, 2026-12-31T10:00, Week 53", // ISO: 2026 has 53 weeks
      "ru,    2026-12-31T10:00, Неделя 53",
      "ru,    2027-01-04T10:00, Неделя 1",
      "ru,    2025-12-31T10:00, Неделя 1", // ISO: Monday 29 December 2025 starts week 1 of 2026
  })
  void theToolbarNamesTheWeekOnScreenAsPeopleThereCountIt(String tag, LocalDateTime local,
      String expected) throws Exception {
    ZoneId zone = ZoneId.of("Europe/Moscow");
    Locale locale = Locale.forLanguageTag(tag);
    Messages.use(locale);
    MutableClock clock = new MutableClock(local.atZone(zone).toInstant(), zone);
    Stage stage = open(Week.of(clock, locale, Locale.ROOT), clock);
    try {
      assertThat(Fx.call(() -> robot.lookup("#week-number").queryLabeled().getText()))
          .isEqualTo(expected);
      // CalendarFX's own numbers would call the week of 1 January "53": they are not shown.
      CalendarView view = robot.lookup("#calendar").queryAs(CalendarView.class);
      Fx.run(view::showMonthPage); // made and set up when first shown
      assertThat(Fx.call(() -> view.getMonthPage().getMonthView().isShowWeekNumbers())).isFalse();
      assertThat(Fx.call(() -> view.getYearMonthView().isShowWeekNumbers())).isFalse();
    } finally {
      Fx.run(stage::close);
    }
  }

  @org.junit.jupiter.api.Test
  void aFifteenMinuteMeetingShowsItsWholeTitleAndItsTimesOnHover() throws Exception {
    ZoneId zone = ZoneId.of("Europe/Berlin");
    Messages.use(Locale.UK);
    MutableClock clock = new MutableClock(
        LocalDateTime.parse("2026-12-08T08:00").atZone(zone).toInstant(), zone);
    schedule("Standup", LocalDateTime.parse("2026-12-08T09:30"), zone, Duration.ofMinutes(15));
    schedule("Planning", LocalDateTime.parse("2026-12-08T11:00"), zone, Duration.ofMinutes(60));
    schedule("Quick sync with the design team", LocalDateTime.parse("2026-12-09T09:30"), zone,
        Duration.ofMinutes(10));
    Stage stage = open(Week.of(clock, Locale.UK, Locale.ROOT), clock);
    try {
      screens.await(() -> screens.entry("Standup").isPresent()
          && screens.entry("Planning").isPresent());
      com.calendarfx.view.DayEntryView standup = dayEntry("Standup");
      com.calendarfx.view.DayEntryView planning = dayEntry("Planning");
      assertThat(standup.getPseudoClassStates()).contains(EntryViews.SHORT_STYLE);
      assertThat(planning.getPseudoClassStates()).doesNotContain(EntryViews.SHORT_STYLE);
      // The entry's skin (with its labels) comes with the next layout after it appears.
      screens.await(() -> Fx.call(() -> standup.lookup(".title-label") != null
          && ((javafx.scene.control.Label) standup.lookup(".title-label")).lookup(".text") != null
          && standup.getHeight() > 0));
      javafx.scene.control.Label title =
          (javafx.scene.control.Label) Fx.call(() -> standup.lookup(".title-label"));
      // The whole title, not "Sta…", and inside the entry's height (not cut off below).
      assertThat(Fx.call(() -> ((javafx.scene.text.Text) title.lookup(".text")).getText()))
          .isEqualTo("Standup");
      assertThat(Fx.call(() -> title.getBoundsInParent().getMaxY()))
          .isLessThanOrEqualTo(Fx.call(standup::getHeight) + 0.5);
      assertThat(EntryViews.describe(standup.getEntry())).isEqualTo("Standup\n09:30 – 09:45");
      screens.scrollIntoView("Standup");
      Fx.screenshot(robot, stage.getScene().getRoot(), "calendar-short-meetings.png");
    } finally {
      Fx.run(stage::close);
      Messages.use(Locale.ENGLISH);
    }
  }

  @org.junit.jupiter.api.Test
  void theDayPageMadeWhenFirstShownIsSetUpLikeTheWeek() throws Exception {
    ZoneId zone = ZoneId.of("Europe/Berlin");
    Messages.use(Locale.UK);
    MutableClock clock = new MutableClock(
        LocalDateTime.parse("2026-12-10T08:00").atZone(zone).toInstant(), zone);
    schedule("Daily check", LocalDateTime.parse("2026-12-10T09:00"), zone, Duration.ofMinutes(15));
    Stage stage = open(Week.of(clock, Locale.UK, Locale.ROOT), clock);
    try {
      CalendarView view = robot.lookup("#calendar").queryAs(CalendarView.class);
      screens.await(() -> screens.entry("Daily check").isPresent());
      Fx.run(view::showDayPage);
      screens.await(() -> screens.entry("Daily check")
          .filter(entry -> Fx.call(() -> isIn(entry, view.getDayPage()))).isPresent());
      // Our entries (the short style, the tooltip's text) and no CalendarFX week numbers.
      assertThat(dayEntry("Daily check").getPseudoClassStates()).contains(EntryViews.SHORT_STYLE);
      assertThat(Fx.call(() -> view.getDayPage().getYearMonthView().isShowWeekNumbers()))
          .isFalse();
      assertThat(Fx.call(() -> view.getDayPage().getDetailedDayView().getScrollTime()
          .toLocalTime())).isEqualTo(java.time.LocalTime.of(8, 0));
      // The days' background canvases (availability, custom grid) draw nothing here and are
      // not in the scene, so they get no image (DayBackgrounds); one is back, where it was,
      // while its availability is edited, and out again after.
      assertThat(Fx.call(() -> page(view.getWeekPage()).size())).isEqualTo(7);
      assertThat(canvases(view.getWeekPage())).isEmpty();
      assertThat(canvases(view.getDayPage())).isEmpty();
      com.calendarfx.view.DayView editing = view.getDayPage().getDetailedDayView().getDayView();
      Fx.run(() -> editing.setEditAvailability(true));
      assertThat(canvases(view.getDayPage())).hasSize(1);
      Fx.run(() -> editing.setEditAvailability(false));
      assertThat(canvases(view.getDayPage())).isEmpty();
    } finally {
      Fx.run(stage::close);
      Messages.use(Locale.ENGLISH);
    }
  }

  /** The day views under {@code page}; FX thread. */
  private static List<javafx.scene.Parent> page(javafx.scene.Node page) {
    return page.lookupAll(".day-view").stream()
        .filter(com.calendarfx.view.DayView.class::isInstance)
        .map(javafx.scene.Parent.class::cast)
        .toList();
  }

  /** The canvases of the day views under {@code page}. */
  private static List<javafx.scene.canvas.Canvas> canvases(javafx.scene.Node page)
      throws Exception {
    return Fx.call(() -> page(page).stream()
        .flatMap(dayView -> dayView.getChildrenUnmodifiable().stream())
        .filter(javafx.scene.canvas.Canvas.class::isInstance)
        .map(javafx.scene.canvas.Canvas.class::cast)
        .toList());
  }

  private static boolean isIn(javafx.scene.Node node, javafx.scene.Node ancestor) {
    for (javafx.scene.Node n = node; n != null; n = n.getParent()) {
      if (n == ancestor) {
        return true;
      }
    }
    return false;
  }

  private com.calendarfx.view.DayEntryView dayEntry(String title) throws Exception {
    return (com.calendarfx.view.DayEntryView) screens.entry(title).orElseThrow();
  }

  /** The real calendar pane for Anna, in a window of its own. */
  private static Stage open(Week week, MutableClock clock) throws Exception {
    return Fx.call(() -> {
      CalendarService service = new CalendarService(anna.api(),
          new MeetingCache(SealedFiles.withKeyFile(Files.createTempDirectory("convene-week")), anna.user().id()), clock);
      CalendarModel model = new CalendarModel(service, week, anna.user().id(), background,
          Platform::runLater, occurrence -> {});
      Path dir = Files.createTempDirectory("convene-week-google");
      GoogleModel google = new GoogleModel(Optional::empty, SealedFiles.withKeyFile(dir), dir, BrowserOpener.system(),
          background, Platform::runLater, model.statusProperty(), clock);
      Stage window = new Stage();
      window.setScene(new Scene(new CalendarPane(model, google, "Anna", link -> {}, () -> {}),
          1100, 700));
      window.show();
      return window;
    });
  }

  private static void schedule(String title, LocalDateTime at, ZoneId zone) throws Exception {
    schedule(title, at, zone, Duration.ofMinutes(30));
  }

  private static void schedule(String title, LocalDateTime at, ZoneId zone, Duration length)
      throws Exception {
    Instant start = at.atZone(zone).toInstant();
    anna.api().schedule(new EventRequest(title, "", start, start.plus(length),
        zone.getId(), List.of(), ServiceKind.NATIVE, null));
  }
}
