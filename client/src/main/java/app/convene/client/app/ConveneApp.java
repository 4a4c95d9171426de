package app.convene.client.app;

import app.convene.client.ui.Stylesheet;
import app.convene.client.notify.Reminders;
import app.convene.client.notify.LiveNotices;
import app.convene.client.storage.SealedFiles;
import app.convene.client.account.SessionStore;
import app.convene.client.account.SignInModel;
import app.convene.client.account.SignInView;
import app.convene.client.api.ApiClient;
import app.convene.client.tls.ServerTrust;
import app.convene.client.api.ApiException;
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
import java.net.URI;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * The desktop app: sign-in, the calendar window, and a call window per call. Built by the
 * composition root ({@link Launcher}, or a test) with the {@link AppContext} that holds what its
 * parts share, among them the one clock that every part asks for "now" (its zone is the zone the
 * app shows); it wires the parts and keeps the signed-in user's.
 *
 * <p>Threads: JavaFX calls {@link #start} and {@link #stop} on the FX thread, and everything here
 * runs there; blocking work goes to the context's {@code io} pool.
 */
public final class ConveneApp extends Application {
  private final AppContext context;
  private final AppOptions options;
  private final Clock clock;
  private final Executor background;
  private final Executor fx;
  private SealedFiles files;
  private SessionStore store;
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
  }

  @Override
  public void start(Stage primaryStage) {
    Thread.setDefaultUncaughtExceptionHandler((thread, e) -> Platform.runLater(() -> showError(e)));
    stage = primaryStage;
    files = context.files();
    store = new SessionStore(files);
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
        : CompletableFuture.supplyAsync(() -> storedSession(store, options.server(), clock,
            options.trust()),
            background);
    // The window opens with its first screen at that screen's size: the session has usually been
    // read by the time JavaFX has started. "Loading" shows only while it has not, or while the
    // embedded server starts for the sign-in form.
    if (!session.isDone() || session.exceptionally(e -> null).join() == null) {
      show(new Label(Messages.get("app.loading")), 520, 360);
    }
    session.exceptionally(e -> null).thenAcceptAsync(stored -> {
      context.probe().mark("stored session read");
      if (stored != null) {
        showCalendar(stored);
      }
      context.serverReady().whenCompleteAsync((ready, e) -> {
        context.probe().mark("embedded server ready");
        if (e != null) { // the embedded server could not start: say why, sign in elsewhere
          showError(e instanceof CompletionException && e.getCause() != null ? e.getCause() : e);
          if (stored == null) {
            showSignIn();
          }
        } else if (stored == null) {
          showSignIn();
        } else {
          CompletableFuture.supplyAsync(() -> stillValid(stored), background)
              .thenAcceptAsync(valid -> {
                if (!valid) {
                  signOut(stored);
                }
              }, fx);
        }
      }, fx);
    }, fx);
  }

  /**
   * The stored session's client, or null; also null when {@code --server} names another server
   * than the session's (the user asked for that one: sign in there). Background thread.
   *
   * @param explicitServer the {@code --server} given, or null
   */
  static ApiClient storedSession(SessionStore store, URI explicitServer, Clock clock,
      ServerTrust trust) {
    return store.load()
        .filter(saved -> explicitServer == null || sameServer(saved.server(), explicitServer))
        .map(saved -> new ApiClient(saved.server(), saved.session(),
            s -> store.save(saved.server(), s), clock, trust)).orElse(null);
  }

  /** Whether two addresses name one server: the same scheme, host and port. */
  static boolean sameServer(URI a, URI b) {
    return a.getScheme() != null && a.getScheme().equalsIgnoreCase(b.getScheme())
        && a.getAuthority() != null && a.getAuthority().equalsIgnoreCase(b.getAuthority());
  }

  /**
   * Whether the server still takes the session: only its refusal (401) says no. An unreachable
   * server, or one that fails (a proxy's 502 while it restarts), keeps the cached calendar and
   * the session; signing out would revoke it.
   */
  static boolean stillValid(ApiClient api) {
    try {
      api.me();
      return true;
    } catch (ApiException e) {
      return e.status() != 401;
    }
  }

  private void showSignIn() {
    context.firstScreen().complete(null);
    stage.setTitle(Messages.get("app.title")); // not the name of whoever signed out
    context.openRequests().signedOut();
    SignInModel model = new SignInModel(store, background, fx, this::showCalendar, clock,
        options.trust());
    model.serverProperty().set(context.server().toString());
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
    CalendarPane pane = new CalendarPane(model, google, user.displayName(),
        link -> join(api, user, Messages.get("call.linkTitle"), link, null), () -> signOut(api));
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
    Scene old = stage.getScene();
    // The window's frame (title bar, borders) around the scene, as it is now.
    double frameWidth = old == null || !stage.isShowing() ? 0
        : Math.max(0, stage.getWidth() - old.getWidth());
    double frameHeight = old == null || !stage.isShowing() ? 0
        : Math.max(0, stage.getHeight() - old.getHeight());
    Scene scene = new Scene(root, width, height);
    scene.getStylesheets().add(Stylesheet.url());
    stage.setScene(scene);
    if (!stage.isShowing()) {
      stage.show();
      context.probe().mark("window shown");
      keepOnScreen(stage, stage.getWidth(), stage.getHeight());
    } else {
      keepOnScreen(stage, width + frameWidth, height + frameHeight);
    }
  }

  /**
   * Gives the window this size, fitted into the usable part of the screen it is on: a screen's
   * new size (the calendar after the smaller sign-in) grows from the window's top left corner and
   * would otherwise run off the screen's edge. The size is passed in, since a window that has just
   * been given a new scene still reports its old size until the window system answers.
   */
  static void keepOnScreen(Stage window, double width, double height) {
    if (window.isMaximized() || window.isFullScreen()) {
      return;
    }
    Rectangle2D bounds = Screen.getScreensForRectangle(window.getX(), window.getY(),
            Math.max(1, width), Math.max(1, height))
        .stream().findFirst().orElse(Screen.getPrimary()).getVisualBounds();
    double fittedWidth = Math.min(width, bounds.getWidth());
    double fittedHeight = Math.min(height, bounds.getHeight());
    window.setWidth(fittedWidth);
    window.setHeight(fittedHeight);
    window.setX(Math.max(bounds.getMinX(),
        Math.min(window.getX(), bounds.getMaxX() - fittedWidth)));
    window.setY(Math.max(bounds.getMinY(),
        Math.min(window.getY(), bounds.getMaxY() - fittedHeight)));
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
