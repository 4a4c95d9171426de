package app.convene.client.calendar;

import app.convene.client.google.ui.GoogleModel;
import app.convene.client.google.ui.GoogleMenu;
import app.convene.client.call.InviteLink;
import app.convene.client.google.GoogleEvent;
import app.convene.client.google.MeetingDraft;
import app.convene.client.google.MeetingLink;
import app.convene.client.google.MeetingLinks;
import app.convene.client.notify.ReminderOverrides;
import app.convene.protocol.api.ServiceKind;
import app.convene.client.i18n.Failures;
import app.convene.client.ui.DialogButtons;
import app.convene.client.i18n.Messages;
import app.convene.protocol.api.OccurrenceView;
import com.calendarfx.view.CalendarView;
import com.calendarfx.view.DateControl;
import java.time.ZonedDateTime;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextInputDialog;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The main window's calendar: CalendarFX's day, week and month views over a {@link CalendarModel},
 * with a tool bar (new meeting, refresh, sign out) and an offline banner. Double-click joins a
 * native meeting; the context menu joins, edits or cancels.
 */
public final class CalendarPane extends BorderPane {
  private final CalendarModel model;
  private final GoogleModel google;
  private final Week week;
  private final CalendarView view = new CalendarView();
  /** Moves the view's "today" and its current-time line along with the clock. */
  private final javafx.animation.Timeline clockTick = new javafx.animation.Timeline(
      new javafx.animation.KeyFrame(javafx.util.Duration.seconds(30), e -> showNow()));
  private HBox bar;
  private ReminderOverrides reminders;
  private Runnable onRemindersChanged = () -> {};
  private boolean pressedOnEntry;

  /** Offers "Remind me" in meetings' context menus; {@code changed} runs after a choice. */
  public void setReminderChoices(ReminderOverrides overrides, Runnable changed) {
    this.reminders = overrides;
    this.onRemindersChanged = changed;
  }

  /** Loads the shown range again (e.g. after the server said a meeting changed). */
  public void reload() {
    model.refresh(view.getDate());
  }

  /** Adds a control to the tool bar, before the user's name (e.g. the notification centre). */
  public void addTool(Node tool) {
    bar.getChildren().add(bar.getChildren().size() - 2, tool);
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
    getStyleClass().add("calendar-pane");
    view.setId("calendar");
    // The user's week and the app's clock and zone, not CalendarFX's defaults (the JVM's locale,
    // zone and clock): the week shown is the week every "this week" in code means.
    view.setWeekFields(week.fields());
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
    scrollTo(java.time.LocalTime.of(8, 0));
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
    view.setEntryContextMenuCallback(param -> contextMenu(param));
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
    view.showWeekPage();

    Button create = new Button(Messages.get("calendar.new"));
    create.setId("new-meeting");
    create.getStyleClass().add("accent");
    // Offline a new meeting cannot be saved: say so on the button, not only when saving fails.
    create.disableProperty().bind(model.offlineProperty());
    Tooltip offlineTip = new Tooltip(Messages.get("calendar.newOffline"));
    model.offlineProperty().addListener((o, was, is) -> create.setTooltip(is ? offlineTip : null));
    create.setOnAction(e -> newMeeting(ZonedDateTime.now(week.clock()).plusHours(1).withMinute(0).withSecond(0).withNano(0)));
    Button joinLink = new Button(Messages.get("calendar.joinLink"));
    joinLink.setId("join-link");
    joinLink.setOnAction(e -> askForLink().ifPresent(onJoinLink));
    Button refresh = new Button(Messages.get("calendar.refresh"));
    refresh.setId("refresh");
    refresh.setOnAction(e -> model.refresh(view.getDate()));
    ProgressIndicator busy = new ProgressIndicator();
    busy.setPrefSize(18, 18);
    busy.visibleProperty().bind(model.busyProperty());
    Label status = new Label();
    status.setId("calendar-status");
    status.textProperty().bind(model.statusProperty());
    status.getStyleClass().add("calendar-status");
    model.offlineProperty().addListener((o, was, now) -> status.pseudoClassStateChanged(
        javafx.css.PseudoClass.getPseudoClass("offline"), now));
    Label user = new Label(userName);
    user.getStyleClass().add("user-name");
    Button signOut = new Button(Messages.get("calendar.signOut"));
    signOut.setId("sign-out");
    signOut.setOnAction(e -> onSignOut.run());
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    GoogleMenu googleControl = new GoogleMenu(google);
    bar = new HBox(10, create, joinLink, refresh, googleControl, busy, status, spacer, user, signOut);
    // A long status gives way (cut with "…", whole in its tooltip); the buttons and the user's
    // name never shrink to "…".
    for (javafx.scene.Node node : bar.getChildren()) {
      if (node instanceof Region region && node != status && node != spacer) {
        region.setMinWidth(Region.USE_PREF_SIZE);
      }
    }
    status.setMinWidth(0);
    HBox.setHgrow(status, Priority.SOMETIMES);
    Tooltip statusTip = new Tooltip();
    statusTip.textProperty().bind(status.textProperty());
    statusTip.setWrapText(true);
    statusTip.setMaxWidth(480);
    status.setTooltip(statusTip);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.setPadding(new Insets(8, 12, 8, 12));
    bar.getStyleClass().add("calendar-toolbar");
    setTop(bar);
    setCenter(view);
    model.refresh(week.today());
    model.loadPreferences();
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
    ZonedDateTime at = ZonedDateTime.of(week.today(), time, week.zone());
    view.getWeekPage().getDetailedWeekView().setScrollTime(at);
    view.getDayPage().getDetailedDayView().setScrollTime(at);
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
      case JoinTarget.WebLink web -> google.openLink(web.link().uri());
      case null -> model.noWayToJoin();
    }
  }

  /** What a double-click (and a reminder's Join) does with a Google calendar's event. */
  public void open(GoogleEvent event) {
    if (JoinTarget.of(event).orElse(null) instanceof JoinTarget.WebLink web) {
      google.openLink(web.link().uri());
    } else {
      google.noLink(event);
    }
  }

  private static void toClipboard(String text) {
    javafx.scene.input.ClipboardContent content = new javafx.scene.input.ClipboardContent();
    content.putString(text);
    javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
  }

  private static MenuItem joinItem(MeetingLink link, Runnable action) {
    MenuItem join = new MenuItem(Messages.format("calendar.joinWith", link.kind().displayName()));
    join.getStyleClass().add("join-link-item");
    join.setOnAction(e -> action.run());
    return join;
  }

  private ContextMenu contextMenu(DateControl.EntryContextMenuParameter param) {
    if (param.getEntry().getUserObject() instanceof GoogleEvent event) {
      ContextMenu menu = new ContextMenu();
      if (JoinTarget.of(event).orElse(null) instanceof JoinTarget.WebLink web) {
        menu.getItems().add(joinItem(web.link(), () -> google.openLink(web.link().uri())));
      }
      if (event.htmlLink() != null) {
        MenuItem page = new MenuItem(Messages.get("google.openEvent"));
        page.setOnAction(e -> google.openLink(java.net.URI.create(event.htmlLink())));
        menu.getItems().add(page);
      }
      if (google.canChange(event)) {
        MenuItem cancel = new MenuItem(Messages.get("calendar.cancel"));
        cancel.setOnAction(e -> {
          if (confirmed(Messages.format("calendar.cancelConfirm", event.summary()))) {
            google.cancel(event);
          }
        });
        menu.getItems().add(cancel);
      }
      return menu.getItems().isEmpty() ? null : menu;
    }
    if (!(param.getEntry().getUserObject() instanceof OccurrenceView occurrence)) {
      return null;
    }
    ContextMenu menu = new ContextMenu();
    java.util.Optional<JoinTarget> target = JoinTarget.of(occurrence.event());
    boolean nativeRoom = target.orElse(null) instanceof JoinTarget.NativeRoom;
    if (nativeRoom || target.isEmpty()) { // with no way to join, Join says why
      MenuItem join = new MenuItem(Messages.get("calendar.join"));
      join.setOnAction(e -> open(occurrence));
      menu.getItems().add(join);
    }
    JoinTarget.webLink(occurrence.event())
        .ifPresent(l -> menu.getItems().add(joinItem(l, () -> google.openLink(l.uri()))));
    if (nativeRoom) {
      if (model.isOwner(occurrence)) {
        MenuItem invite = new MenuItem(Messages.get("calendar.copyInvite"));
        invite.setId("copy-invite");
        invite.setOnAction(e -> model.inviteLink(occurrence)
            .thenAccept(copied -> copied.ifPresent(CalendarPane::toClipboard)));
        menu.getItems().add(invite);
      }
      MenuItem roomId = new MenuItem(Messages.get("calendar.copyRoomId"));
      roomId.setId("copy-room-id");
      roomId.setOnAction(e -> {
        toClipboard(occurrence.event().roomId());
        model.roomIdCopied();
      });
      menu.getItems().add(roomId);
    }
    if (model.isOwner(occurrence)) {
      MenuItem edit = new MenuItem(Messages.get("calendar.edit"));
      edit.setOnAction(e -> edit(occurrence));
      MenuItem cancel = new MenuItem(Messages.get("calendar.cancel"));
      cancel.setOnAction(e -> confirmCancel(occurrence));
      menu.getItems().addAll(edit, cancel);
    }
    if (reminders != null) {
      menu.getItems().add(remindMenu(occurrence.event().id()));
    }
    return menu;
  }

  /** "Remind me": the meeting's own lead time, kept on this computer. */
  private javafx.scene.control.Menu remindMenu(String eventId) {
    javafx.scene.control.Menu remind = new javafx.scene.control.Menu(Messages.get("remind.menu"));
    remind.setId("remind-menu");
    javafx.scene.control.ToggleGroup group = new javafx.scene.control.ToggleGroup();
    java.util.List<java.time.Duration> current = reminders.get(eventId).orElse(null);
    for (java.util.List<java.time.Duration> choice : ReminderOverrides.CHOICES) {
      javafx.scene.control.RadioMenuItem item =
          new javafx.scene.control.RadioMenuItem(ReminderOverrides.label(choice));
      item.setToggleGroup(group);
      item.setSelected(java.util.Objects.equals(choice, current));
      item.setOnAction(e -> {
        reminders.set(eventId, choice);
        onRemindersChanged.run();
      });
      remind.getItems().add(item);
    }
    return remind;
  }

  /** Opens the scheduling dialog for a new meeting at {@code start}. */
  public void newMeeting(ZonedDateTime start) {
    ZonedDateTime local = start.withZoneSameInstant(week.zone());
    showDialog(new ScheduleModel(local, model.preferredServiceProperty().get()));
  }

  private void edit(OccurrenceView occurrence) {
    model.fetch(occurrence.event().id()).whenCompleteAsync((event, e) -> {
      if (e != null) {
        error(Failures.rootMessage(e));
      } else {
        showDialog(new ScheduleModel(event));
      }
    }, javafx.application.Platform::runLater);
  }

  private void showDialog(ScheduleModel form) {
    form.googleSignedInProperty().set(google.isSignedIn());
    new ScheduleDialog(getScene().getWindow(), form).showAndWait().ifPresent(result ->
        save(form, result).whenCompleteAsync((v, e) -> {
          if (e != null) {
            // The server refused: say why and reopen the dialog with everything typed kept.
            form.errorProperty().set(Failures.rootMessage(e));
            showDialog(form);
          }
        }, javafx.application.Platform::runLater));
  }

  /**
   * A new Google Meet meeting while signed in to Google goes to the primary Google calendar with a
   * Meet link (a repeating one stays on our server: Meet scheduling has no repetition yet);
   * everything else is saved on our server.
   */
  private java.util.concurrent.CompletableFuture<?> save(ScheduleModel form, ScheduleDialog.Result result) {
    app.convene.protocol.api.EventRequest request = result.request();
    if (form.eventId() == null && request.service() == ServiceKind.GOOGLE_MEET && google.isSignedIn()
        && request.recurrence() == null) {
      if (result.rememberService()) {
        model.rememberService(request.service());
      }
      return google.createMeet(new MeetingDraft(request.title(),
          request.description() == null ? "" : request.description(), request.start(), request.end(),
          request.timeZone() == null ? week.zone().getId() : request.timeZone(),
          request.attendees() == null ? java.util.List.of() : request.attendees()));
    }
    return model.save(form, result);
  }

  private void confirmCancel(OccurrenceView occurrence) {
    Alert confirm = DialogButtons.okCancel(new Alert(Alert.AlertType.CONFIRMATION,
        Messages.format("calendar.cancelConfirm", occurrence.event().title())));
    confirm.initOwner(getScene().getWindow());
    confirm.setHeaderText(null);
    confirm.showAndWait().filter(b -> b == javafx.scene.control.ButtonType.OK)
        .ifPresent(b -> model.cancel(occurrence));
  }

  private java.util.Optional<InviteLink> askForLink() {
    TextInputDialog dialog = DialogButtons.okCancel(new TextInputDialog());
    dialog.initOwner(getScene().getWindow());
    dialog.setTitle(Messages.get("calendar.joinLink"));
    dialog.setHeaderText(Messages.get("calendar.joinLinkHint"));
    while (true) {
      java.util.Optional<String> text = dialog.showAndWait();
      if (text.isEmpty()) {
        return java.util.Optional.empty();
      }
      java.util.Optional<InviteLink> link = InviteLink.parse(text.get());
      if (link.isPresent()) {
        return link;
      }
      dialog.setHeaderText(Messages.get("calendar.joinLinkBad"));
    }
  }

  private boolean confirmed(String question) {
    Alert confirm = DialogButtons.okCancel(new Alert(Alert.AlertType.CONFIRMATION, question));
    confirm.initOwner(getScene().getWindow());
    confirm.setHeaderText(null);
    return confirm.showAndWait().filter(b -> b == javafx.scene.control.ButtonType.OK).isPresent();
  }

  private void error(String message) {
    Alert alert = new Alert(Alert.AlertType.ERROR, message);
    alert.initOwner(getScene().getWindow());
    alert.setHeaderText(null);
    alert.show();
  }
}
