package app.convene.client.calendar;

import app.convene.client.google.ui.GoogleModel;
import app.convene.client.call.InviteLink;
import app.convene.client.google.GoogleEvent;
import app.convene.client.notify.ReminderOverrides;
import app.convene.client.i18n.Messages;
import app.convene.protocol.api.OccurrenceView;
import com.calendarfx.view.CalendarView;
import java.time.ZonedDateTime;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;

/**
 * The main window's calendar: CalendarFX's day, week and month views over a {@link CalendarModel},
 * with a tool bar (new meeting, refresh, sign out) and an offline banner. Double-click joins a
 * native meeting; the context menu joins, edits or cancels. The dialogs are {@link MeetingDialogs}.
 */
public final class CalendarPane extends BorderPane {
  private final CalendarModel model;
  private final GoogleModel google;
  private final Week week;
  private final CalendarView view = new CalendarView();
  /** Moves the view's "today" and its current-time line along with the clock. */
  private final javafx.animation.Timeline clockTick = new javafx.animation.Timeline(
      new javafx.animation.KeyFrame(javafx.util.Duration.seconds(30), e -> showNow()));
  private final MeetingMenus menus;
  private final CalendarToolbar bar;
  private final MeetingDialogs dialogs;
  private boolean pressedOnEntry;
  /** The pages set up so far ({@link #setUp}). */
  private final java.util.Set<CalendarView.Page> setUp =
      java.util.EnumSet.noneOf(CalendarView.Page.class);
  /** The time of day the day and week views open at. */
  private java.time.LocalTime scrolledTo = java.time.LocalTime.of(8, 0);

  /** Offers "Remind me" in meetings' context menus; {@code changed} runs after a choice. */
  public void setReminderChoices(ReminderOverrides overrides, Runnable changed) {
    menus.setReminderChoices(overrides, changed);
  }

  /** Loads the shown range again (e.g. after the server said a meeting changed). */
  public void reload() {
    model.refresh(view.getDate());
  }

  /** Adds a control to the tool bar, before the user's name (e.g. the notification centre). */
  public void addTool(Node tool) {
    bar.addTool(tool);
  }

  /**
   * @param userName shown in the tool bar
   * @param onJoinLink called with a pasted invite link or room id
   * @param onSignOut called when the user signs out
   */
  public CalendarPane(CalendarModel model, GoogleModel google, String userName,
      Consumer<InviteLink> onJoinLink, Runnable onSignOut) {
    this.model = model;
    this.week = model.week();
    this.google = google;
    this.dialogs = new MeetingDialogs(model, google, () -> getScene().getWindow());
    getStyleClass().add("calendar-pane");
    view.setId("calendar");
    // The user's week and the app's clock and zone, not CalendarFX's defaults (the JVM's locale,
    // zone and clock): the week shown is the week every "this week" in code means.
    view.setWeekFields(week.fields());
    view.getYearMonthView().setShowWeekNumbers(false);
    // CalendarFX makes a page when it is first asked for: the day, month and year pages are made
    // and set up when first shown, not during the start (docs/benchmarks.md, "Start-up").
    view.selectedPageProperty().addListener((o, was, page) -> setUp(page));
    view.setZoneId(week.zone());
    view.setDate(week.today());
    showNow();
    clockTick.setCycleCount(javafx.animation.Animation.INDEFINITE);
    sceneProperty().addListener((o, was, scene) -> {
      if (scene == null) {
        clockTick.stop();
      } else {
        clockTick.play();
      }
    });
    view.getCalendarSources().setAll(model.source(), google.source());
    view.setShowAddCalendarButton(false);
    view.setShowPrintButton(false);
    view.setShowDeveloperConsole(false);
    view.setShowSearchField(false);
    view.setShowSourceTrayButton(false);
    // The day and week views open at 08:00: CalendarFX would scroll them, when first shown, to
    // its requested time, which defaults to the JVM's time of day (the evening opened at midnight).
    view.setRequestedTime(java.time.LocalTime.of(8, 0));
    view.setEntryDetailsCallback(param -> {
      if (param.getInputEvent() instanceof MouseEvent click && click.getClickCount() == 2
          && param.getEntry().getUserObject() instanceof OccurrenceView occurrence) {
        open(occurrence);
      } else if (param.getInputEvent() instanceof MouseEvent click && click.getClickCount() == 2
          && param.getEntry().getUserObject() instanceof GoogleEvent event) {
        open(event);
      }
      return true; // never CalendarFX's own editor: meetings change through our dialog
    });
    menus = new MeetingMenus(model, google, new MeetingMenus.Actions() {
      @Override
      public void open(OccurrenceView occurrence) {
        CalendarPane.this.open(occurrence);
      }

      @Override
      public void edit(OccurrenceView occurrence) {
        dialogs.edit(occurrence);
      }

      @Override
      public void cancel(OccurrenceView occurrence) {
        dialogs.confirmCancel(occurrence);
      }

      @Override
      public boolean confirmed(String question) {
        return dialogs.confirmed(question);
      }
    });
    view.setEntryContextMenuCallback(menus::forEntry);
    // Meetings are created and changed through our dialog only. A double-click on free time opens
    // it there; CalendarFX's own drag-to-create (which fails on read-only calendars) is stopped.
    view.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> pressedOnEntry = inEntry(e));
    view.addEventFilter(MouseEvent.MOUSE_DRAGGED, e -> {
      if (!pressedOnEntry && dayViewAt(e) != null) {
        e.consume();
      }
    });
    view.addEventFilter(MouseEvent.MOUSE_CLICKED, e -> {
      com.calendarfx.view.DayView day = dayViewAt(e);
      if (e.getClickCount() == 2 && day != null && !inEntry(e)) {
        e.consume();
        javafx.geometry.Point2D at = day.sceneToLocal(e.getSceneX(), e.getSceneY());
        ZonedDateTime time = day.getZonedDateTimeAt(at.getX(), at.getY(), week.zone());
        newMeeting(time.withMinute(time.getMinute() < 30 ? 0 : 30).withSecond(0).withNano(0));
      }
    });
    view.dateProperty().addListener((o, was, date) -> model.ensureLoaded(date));
    setUp(CalendarView.Page.WEEK);
    view.showWeekPage();

    bar = new CalendarToolbar(model, google, userName, view.dateProperty(),
        () -> newMeeting(ZonedDateTime.now(week.clock()).plusHours(1).withMinute(0).withSecond(0)
            .withNano(0)),
        () -> dialogs.askForLink().ifPresent(onJoinLink), () -> model.refresh(view.getDate()), onSignOut);
    setTop(bar);
    setCenter(view);
    model.refresh(week.today());
    model.loadPreferences();
  }

  /**
   * Sets a page up once, before it is first shown: our entries, the time it opens at, and no
   * week numbers. CalendarFX numbers a row of days by the calendar year of its first day, so the
   * week of 1 January that starts in December reads "53" (then "2"); the tool bar shows the right
   * number of the week on screen instead ({@link Week#number}). The week's and the month's
   * heading is a month on its own: "декабрь 2026", not the genitive "декабря 2026" of
   * CalendarFX's "MMMM yyyy" (a date's month, as in "7 декабря").
   */
  private void setUp(CalendarView.Page page) {
    if (page == null || !setUp.add(page)) {
      return;
    }
    java.time.format.DateTimeFormatter month =
        java.time.format.DateTimeFormatter.ofPattern("LLLL yyyy", Messages.locale());
    switch (page) {
      case DAY -> {
        com.calendarfx.view.page.DayPage day = view.getDayPage();
        EntryViews.install(day);
        day.getYearMonthView().setShowWeekNumbers(false);
        day.getDetailedDayView().setScrollTime(scrollTime());
      }
      case WEEK -> {
        com.calendarfx.view.page.WeekPage weekPage = view.getWeekPage();
        EntryViews.install(weekPage);
        weekPage.setDateTimeFormatter(month);
        weekPage.getDetailedWeekView().setScrollTime(scrollTime());
      }
      case MONTH -> {
        view.getMonthPage().setDateTimeFormatter(month);
        view.getMonthPage().getMonthView().setShowWeekNumbers(false);
      }
      case YEAR -> {
        for (java.time.Month m : java.time.Month.values()) {
          view.getYearPage().getYearView().getMonthView(m).setShowWeekNumbers(false);
        }
      }
    }
  }

  private ZonedDateTime scrollTime() {
    return ZonedDateTime.of(week.today(), scrolledTo, week.zone());
  }

  /** Today and the time by the app's clock, for the view's "today" and its current-time line. */
  private void showNow() {
    ZonedDateTime now = ZonedDateTime.now(week.clock());
    view.setToday(now.toLocalDate());
    view.setTime(now.toLocalTime());
  }

  public CalendarView calendarView() {
    return view;
  }

  /** Scrolls the day and week views so that {@code time} is at the top. */
  public void scrollTo(java.time.LocalTime time) {
    scrolledTo = time;
    if (setUp.contains(CalendarView.Page.WEEK)) {
      view.getWeekPage().getDetailedWeekView().setScrollTime(scrollTime());
    }
    if (setUp.contains(CalendarView.Page.DAY)) {
      view.getDayPage().getDetailedDayView().setScrollTime(scrollTime());
    }
  }

  private static boolean inEntry(MouseEvent e) {
    for (Node n = e.getPickResult().getIntersectedNode(); n != null; n = n.getParent()) {
      if (n instanceof com.calendarfx.view.EntryViewBase<?>) {
        return true;
      }
    }
    return false;
  }

  private static com.calendarfx.view.DayView dayViewAt(MouseEvent e) {
    for (Node n = e.getPickResult().getIntersectedNode(); n != null; n = n.getParent()) {
      if (n instanceof com.calendarfx.view.DayView day) {
        return day;
      }
    }
    return null;
  }

  /**
   * What a double-click (and a reminder's Join) does with a meeting: joins its native call, or
   * opens its web meeting's link; says why not when it has neither.
   */
  public void open(OccurrenceView occurrence) {
    switch (JoinTarget.of(occurrence.event()).orElse(null)) {
      case JoinTarget.NativeRoom room -> model.join(occurrence);
      case JoinTarget.WebLink web -> google.meetings().openLink(web.link().uri());
      case null -> model.noWayToJoin();
    }
  }

  /** What a double-click (and a reminder's Join) does with a Google calendar's event. */
  public void open(GoogleEvent event) {
    if (JoinTarget.of(event).orElse(null) instanceof JoinTarget.WebLink web) {
      google.meetings().openLink(web.link().uri());
    } else {
      google.meetings().noLink(event);
    }
  }

  /** Opens the scheduling dialog for a new meeting at {@code start}. */
  public void newMeeting(ZonedDateTime start) {
    dialogs.newMeeting(start);
  }
}
