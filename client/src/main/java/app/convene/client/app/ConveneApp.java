package app.convene.client.app;

import app.convene.client.ui.Stylesheet;
import app.convene.client.notify.Reminders;
import app.convene.client.notify.LiveNotices;
import app.convene.client.storage.SealedFiles;
import app.convene.client.account.SessionStore;
import app.convene.client.account.SignInModel;
import app.convene.client.account.SignInView;
import app.convene.client.api.ApiClient;
import app.convene.client.calendar.CalendarModel;
import app.convene.client.calendar.CalendarPane;
import app.convene.client.calendar.CalendarService;
import app.convene.client.google.ui.GoogleModel;
import app.convene.client.calendar.Week;
import app.convene.client.storage.UserFolders;
import app.convene.protocol.api.OccurrenceView;
import app.convene.client.calendar.MeetingCache;
import app.convene.client.call.InviteLink;
import app.convene.client.media.MediaOptions;
import app.convene.client.notify.NotificationCenter;
import app.convene.client.notify.Notifier;
import app.convene.client.i18n.Messages;
import java.util.Objects;
import app.convene.client.call.ui.Calls;
import app.convene.protocol.api.UserView;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/**
 * The desktop app: sign-in, the calendar window, and a call window per call. Built by the
 * composition root ({@link Launcher}, or a test) with the {@link AppContext} that holds what its
 * parts share, among them the one clock that every part asks for "now" (its zone is the zone the
 * app shows); it wires the parts and keeps the signed-in user's.
 *
 * <p>Threads: JavaFX calls {@link #start} and {@link #stop} on the FX thread, and everything here
 * runs there; blocking work goes to the context's {@code io} pool.
 *
 * <p>It stays a little over 300 lines: the screens' flow (sign-in, calendar, sign-out, quit) shares
 * the stage, the calls and the signed-in user's parts, and reads best in one place; the window's
 * fit and the stored session's checks are already {@link MainWindow} and {@link StoredSessions}.
 */
public final class ConveneApp extends Application {
  private final AppContext context;
  private final AppOptions options;
  private final Clock clock;
  private final Executor background;
  private final Executor fx;
  private final SealedFiles files;
  private final SessionStore store;
  private Stage stage;
  private Calls calls;
  private GoogleModel google;
  private Notifier notifier;
  private boolean stopped;

  /** The app with this context; {@link #start} shows it. */
  ConveneApp(AppContext context) {
    this.context = Objects.requireNonNull(context, "context == null");
    this.options = context.options();
    this.clock = context.clock();
    this.background = context.io();
    this.fx = context.fx();
    this.files = context.files();
    this.store = new SessionStore(files);
  }

  @Override
  public void start(Stage primaryStage) {
    context.probe().mark("JavaFX started");
    Thread.setDefaultUncaughtExceptionHandler((thread, e) -> Platform.runLater(() -> showError(e)));
    stage = primaryStage;
    stage.setTitle(Messages.get("app.title"));
    calls = new Calls(stage, options.syntheticMedia() ? MediaOptions.synthetic(640, 360, 30)
        : MediaOptions.devices(), background, fx, context.os(), this::showError);
    // The app ends by quit() only: closing the window hides it to the tray when there is one,
    // else quits once no call window is open either.
    Platform.setImplicitExit(false);
    stage.setOnCloseRequest(e -> {
      e.consume();
      closeMainWindow();
    });
    calls.onLastClosed(() -> {
      if (!stage.isShowing() && !keptInTray()) {
        quit();
      }
    });
    context.openRequests().attach(stage);
    context.macAppEvents().attach(this::showMainWindow, this::quit);
    // With a stored session the calendar shows at once, from the offline copy while the embedded
    // server starts; the session is checked once the server is up (a refused one signs out).
    CompletableFuture<ApiClient> preloaded = context.storedSession();
    CompletableFuture<ApiClient> session = preloaded != null ? preloaded
        : CompletableFuture.supplyAsync(() -> StoredSessions.read(store, options.server(), clock,
            options.trust()),
            background);
    // The window opens with its first screen at that screen's size: the session has usually been
    // read by the time JavaFX has started. "Loading" shows only while it has not.
    if (!session.isDone()) {
      show(new Label(Messages.get("app.loading")), 520, 360);
    }
    session.exceptionally(e -> null).thenAcceptAsync(stored -> {
      context.probe().mark("stored session read");
      // The sign-in form shows at once; what it sends waits for the embedded server.
      if (stored != null) {
        showCalendar(stored);
      } else {
        showSignIn();
      }
      context.serverReady().whenCompleteAsync((ready, e) -> {
        context.probe().mark("embedded server ready");
        if (e != null) { // the embedded server could not start: say why, sign in elsewhere
          showError(e instanceof CompletionException && e.getCause() != null ? e.getCause() : e);
        } else if (stored != null) {
          CompletableFuture.supplyAsync(() -> StoredSessions.stillValid(stored), background)
              .thenAcceptAsync(valid -> {
                if (!valid) {
                  signOut(stored);
                }
              }, fx);
        }
      }, fx);
    }, fx);
  }

  private void showSignIn() {
    context.firstScreen().complete(null);
    stage.setTitle(Messages.get("app.title")); // not the name of whoever signed out
    context.openRequests().signedOut();
    SignInModel model = new SignInModel(store, background, fx, this::showCalendar, clock,
        options.trust());
    model.serverProperty().set(context.server().toString());
    model.sendAfter(context.serverReady());
    show(new SignInView(model), 560, 400);
  }

  private void showCalendar(ApiClient api) {
    UserView user = api.session().user();
    CalendarService service = new CalendarService(api,
        new MeetingCache(files, user.id()), clock, context.serverReady());
    CalendarModel model = new CalendarModel(service, Week.of(clock, Messages.locale()), user.id(),
        background, fx,
        occurrence -> join(api, user, occurrence.event().title(),
            new InviteLink(occurrence.event().roomId(), null), occurrence));
    closeGoogle();
    closeNotifier();
    google = new GoogleModel(context.googleConfig(), files,
        UserFolders.forCurrentUser().configDir(), context.browser(), background, fx,
        model.statusProperty(), clock);
    context.probe().mark("calendar's models made");
    CalendarPane pane = new CalendarPane(model, google, user.displayName(),
        link -> join(api, user, Messages.get("call.linkTitle"), link, null), () -> signOut(api));
    context.probe().mark("calendar's views made");
    show(pane, 1180, 760);
    stage.setTitle(Messages.format("app.titleSignedIn", user.displayName()));
    // A link given at start joins once the server is up (it may still be starting).
    context.serverReady().handle((ready, e) -> null).thenRunAsync(() -> context.openRequests().signedIn(
        link -> join(api, user, Messages.get("call.linkTitle"), link, null)), fx);
    // The first frame with the meetings comes first; what is not on it (the tray, reminders, the
    // server's notices, Google) starts after it, and so does the embedded server (Launcher).
    CompletableFuture<Void> drawn = new CompletableFuture<>();
    model.onShown(listing -> {
      context.probe().mark(listing.early() ? "meetings shown from the offline copy" : "meetings shown");
      if (!drawn.isDone()) {
        FirstFrame.after(stage.getScene(), () -> drawn.complete(null));
      }
    });
    drawn.completeOnTimeout(null, 2, TimeUnit.SECONDS).thenRunAsync(() -> {
      context.firstScreen().complete(null);
      if (stage.getScene() != null && stage.getScene().getRoot() == pane) { // still signed in
        startAround(api, user, service, pane);
      }
    }, fx);
    context.probe().mark("calendar built");
    context.probe().calendarShown(stage, model, this::quit);
  }

  /** The parts of a signed-in window beside the calendar; FX thread. */
  private void startAround(ApiClient api, UserView user, CalendarService service, CalendarPane pane) {
    notifier = Reminders.start(user.id(), options.dataDir(), context.reminders(), service, pane,
        Stylesheet.url(), this::showMainWindow, this::quit, calls::inCallOf);
    pane.addTool(new NotificationCenter(notifier.model(), context.reminders().clock().getZone()));
    google.start();
    calls.preload();
    Reminders.follow(notifier, google, pane::open);
    Notifier current = notifier;
    // The feed of server notices connects once the server is up (the embedded one may be starting).
    context.serverReady().handle((ready, e) -> null).thenRunAsync(() -> {
      if (notifier == current) {
        LiveNotices.start(current, context.reminders().clock(), api,
            (title, room) -> join(api, user, title, new InviteLink(room, null), null),
            () -> {
              pane.reload();
              current.refresh();
            });
      }
    }, fx);
    context.probe().mark("reminders, tray and Google started");
  }

  /** Joins the room's call, or brings the app's call of that room to the front. */
  private void join(ApiClient api, UserView user, String title, InviteLink link,
      OccurrenceView occurrence) {
    if (!Platform.isFxApplicationThread()) {
      fx.execute(() -> join(api, user, title, link, occurrence));
      return;
    }
    calls.join(api, user, title, link, occurrence, google);
  }

  private void signOut(ApiClient api) {
    calls.hangUpAll();
    closeGoogle();
    closeNotifier();
    CompletableFuture.runAsync(() -> {
      api.logout();
      store.clear();
    }, background).thenRunAsync(this::showSignIn, fx);
  }

  /** Shows the main window, also when it is hidden to the tray or minimised; FX thread. */
  private void showMainWindow() {
    stage.setIconified(false);
    stage.show();
    stage.toFront();
  }

  /** The main window was closed: to the tray when there is one, else the app ends. */
  private void closeMainWindow() {
    if (keptInTray()) {
      stage.hide();
      notifier.windowClosedToTray();
    } else if (calls.any()) {
      stage.hide(); // the app ends with the last call window
    } else {
      quit();
    }
  }

  private boolean keptInTray() {
    return notifier != null && notifier.keepsRunningInTray();
  }

  /**
   * Ends the app (the tray's Quit, the Dock's Quit on macOS, the main window closed): hangs up,
   * then JavaFX stops and the launcher closes the embedded server before the process exits; FX
   * thread.
   */
  void quit() {
    stop();
    Platform.exit();
  }

  /** Puts {@code root} into the window, and opens the window if it is not open yet. */
  private void show(Parent root, double width, double height) {
    if (MainWindow.show(stage, root, width, height)) {
      context.probe().mark("window shown");
    }
  }

  /** The notifier of the user who signs out or quits; FX thread. */
  private void closeNotifier() {
    if (notifier != null) {
      notifier.close();
      notifier = null;
    }
  }

  /** Tests: the signed-in user's notifier, or null. */
  Notifier notifier() {
    return notifier;
  }

  private void closeGoogle() {
    if (google != null) {
      google.close();
      google = null;
    }
  }

  /** Hangs up and closes what the signed-in user had open; FX thread, once. */
  @Override
  public void stop() {
    if (stopped) {
      return;
    }
    stopped = true;
    closeGoogle();
    closeNotifier();
    if (calls != null) {
      calls.close();
    }
  }

  private void showError(Throwable e) {
    Alert alert = new Alert(Alert.AlertType.ERROR, String.valueOf(e.getMessage()));
    alert.initOwner(stage);
    alert.setHeaderText(null);
    alert.show();
  }
}
