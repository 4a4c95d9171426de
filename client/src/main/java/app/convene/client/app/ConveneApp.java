package app.convene.client.app;

import app.convene.client.account.SealedFiles;
import app.convene.client.account.SessionStore;
import app.convene.client.account.SignInModel;
import app.convene.client.account.SignInView;
import app.convene.client.api.ApiClient;
import app.convene.client.tls.ServerTrust;
import app.convene.client.api.ApiException;
import app.convene.client.calendar.CalendarModel;
import app.convene.client.calendar.CalendarPane;
import app.convene.client.calendar.CalendarService;
import app.convene.client.calendar.GoogleModel;
import app.convene.client.calendar.Week;
import app.convene.client.google.BrowserOpener;
import app.convene.client.google.GoogleConfig;
import app.convene.client.google.UserFolders;
import app.convene.protocol.api.OccurrenceView;
import app.convene.client.calendar.MeetingCache;
import app.convene.client.call.HostControls;
import app.convene.client.call.InviteLink;
import app.convene.client.call.JoinTicket;
import app.convene.client.call.TokenSource;
import app.convene.client.media.MediaEngine;
import app.convene.client.media.MediaOptions;
import app.convene.client.media.OsFamily;
import app.convene.client.notify.NotificationCenter;
import app.convene.client.notify.Notifier;
import app.convene.client.ui.CallModel;
import app.convene.client.ui.CallWindow;
import app.convene.client.ui.Messages;
import app.convene.protocol.api.RoomView;
import app.convene.protocol.api.UserView;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * The desktop app: sign-in, the calendar window, and a call window per call. The composition
 * root: it owns the session store, the media engine, the API client and the one clock that every
 * part asks for "now" (its zone is the zone the app shows), and wires the parts.
 */
public final class ConveneApp extends Application {
  private static volatile AppOptions options = AppOptions.parse(new String[0]);
  private static volatile URI server = URI.create("http://127.0.0.1:8787");
  private static volatile GoogleModel.ConfigSource googleConfig = GoogleConfig::load;
  private static volatile BrowserOpener browser = BrowserOpener.system();
  private static volatile OpenRequests openRequests = new OpenRequests();
  private static volatile MacAppEvents macAppEvents =
      new MacAppEvents(Platform::runLater, Platform::exit);
  private static volatile CompletableFuture<?> serverReady = CompletableFuture.completedFuture(null);
  private static final CompletableFuture<Void> firstScreen = new CompletableFuture<>();
  private static volatile CompletableFuture<ApiClient> preloadedSession;

  private final Clock clock;
  private final Notifier.Timing reminderTiming;
  private final List<CallModel> calls = new ArrayList<>();
  /** The open call windows by room id, and the rooms being joined; FX thread only. */
  private final Map<String, CallWindow> callWindows = new HashMap<>();
  private final Set<String> joining = new HashSet<>();
  private final Executor background = MediaEngine.background();
  private final Executor fx = Platform::runLater;
  private final OsFamily os = OsFamily.current();
  private SealedFiles files;
  private SessionStore store;
  private MediaEngine media;
  private Stage stage;
  private GoogleModel google;
  private Notifier notifier;

  /** The app on the system clock in the machine's zone; {@link Application#launch} makes it. */
  public ConveneApp() {
    this(Clock.systemDefaultZone());
  }

  /** Tests: the app on this clock (and in its zone), with the standard reminders. */
  ConveneApp(Clock clock) {
    this(clock, Notifier.Timing.standard(clock));
  }

  /** Tests: the app on this clock, with reminders timed by {@code reminders}. */
  ConveneApp(Clock clock, Notifier.Timing reminders) {
    this.clock = java.util.Objects.requireNonNull(clock, "clock == null");
    this.reminderTiming = java.util.Objects.requireNonNull(reminders, "reminders == null");
  }

  static void configure(AppOptions appOptions, URI serverAddress) {
    options = appOptions;
    server = serverAddress;
  }

  /** Completes when the embedded server is up (or failed to start); the session waits for it. */
  static void configureServerReady(CompletableFuture<?> ready) {
    serverReady = ready;
  }

  /**
   * The stored session, read (JSON, HTTP client) while JavaFX starts; used by the first start()
   * only. Without it, start() reads the session itself.
   */
  static void configureStoredSession(CompletableFuture<ApiClient> session) {
    preloadedSession = session;
  }

  /**
   * Completes once the first screen is up: the calendar with its meetings, or the sign-in form.
   * The launcher starts the embedded server after it when a session is stored.
   */
  static CompletableFuture<Void> firstScreenShown() {
    return firstScreen;
  }

  /** Links and invitations to open (command line, a second start); see {@link OpenRequests}. */
  static void configureOpenRequests(OpenRequests requests) {
    openRequests = requests;
  }

  /** The Dock's reopen and Quit on macOS; see {@link MacAppEvents}. */
  static void configureMacAppEvents(MacAppEvents events) {
    macAppEvents = events;
  }

  /** Tests: the Google OAuth client (pointing at a local fake) and the browser. */
  static void configureGoogle(GoogleModel.ConfigSource config, BrowserOpener opener) {
    googleConfig = config;
    browser = opener;
  }

  @Override
  public void start(Stage primaryStage) {
    Thread.setDefaultUncaughtExceptionHandler((thread, e) -> Platform.runLater(() -> showError(e)));
    stage = primaryStage;
    if (options.locale() != null) {
      Messages.use(options.locale());
    }
    files = options.sealedFiles();
    store = new SessionStore(files);
    stage.setTitle(Messages.get("app.title"));
    openRequests.attach(stage);
    macAppEvents.attach(this::showMainWindow, this::quit);
    // With a stored session the calendar shows at once, from the offline copy while the embedded
    // server starts; the session is checked once the server is up (a refused one signs out).
    CompletableFuture<ApiClient> preloaded = preloadedSession;
    preloadedSession = null;
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
      StartupProbe.mark("stored session read");
      if (stored != null) {
        showCalendar(stored);
      }
      serverReady.whenCompleteAsync((ready, e) -> {
        StartupProbe.mark("embedded server ready");
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
    firstScreen.complete(null);
    stage.setTitle(Messages.get("app.title")); // not the name of whoever signed out
    openRequests.signedOut();
    SignInModel model = new SignInModel(store, background, fx, this::showCalendar, clock,
        options.trust());
    model.serverProperty().set(server.toString());
    show(new SignInView(model), 560, 400);
  }

  private void showCalendar(ApiClient api) {
    UserView user = api.session().user();
    CalendarService service = new CalendarService(api,
        new MeetingCache(files, user.id()), clock, serverReady);
    CalendarModel model = new CalendarModel(service, Week.of(clock, Messages.locale()), user.id(),
        background, fx,
        occurrence -> join(api, user, occurrence.event().title(),
            new InviteLink(occurrence.event().roomId(), null), occurrence));
    closeGoogle();
    closeNotifier();
    google = new GoogleModel(googleConfig, files, UserFolders.forCurrentUser().configDir(),
        browser, background, fx, model.statusProperty(), clock);
    CalendarPane pane = new CalendarPane(model, google, user.displayName(),
        link -> join(api, user, Messages.get("call.linkTitle"), link, null), () -> signOut(api));
    show(pane, 1180, 760);
    stage.setTitle(Messages.format("app.titleSignedIn", user.displayName()));
    // A link given at start joins once the server is up (it may still be starting).
    serverReady.handle((ready, e) -> null).thenRunAsync(() -> openRequests.signedIn(
        link -> join(api, user, Messages.get("call.linkTitle"), link, null)), fx);
    // The first frame with the meetings comes first; what is not on it (the tray, reminders, the
    // server's notices, Google) starts after it, and so does the embedded server (Launcher).
    CompletableFuture<Void> drawn = new CompletableFuture<>();
    model.onShown(listing -> {
      StartupProbe.mark(listing.early() ? "meetings shown from the offline copy" : "meetings shown");
      if (!drawn.isDone()) {
        FirstFrame.after(stage.getScene(), () -> drawn.complete(null));
      }
    });
    drawn.completeOnTimeout(null, 2, TimeUnit.SECONDS).thenRunAsync(() -> {
      firstScreen.complete(null);
      if (stage.getScene() != null && stage.getScene().getRoot() == pane) { // still signed in
        startAround(api, user, service, pane);
      }
    }, fx);
    StartupProbe.mark("calendar built");
    StartupProbe.calendarShown(stage, model);
  }

  /** The parts of a signed-in window beside the calendar; FX thread. */
  private void startAround(ApiClient api, UserView user, CalendarService service, CalendarPane pane) {
    notifier = Reminders.start(stage, user.id(), options.dataDir(), reminderTiming, service, pane,
        stylesheet(), this::showMainWindow, this::quit, callWindows::containsKey);
    pane.addTool(new NotificationCenter(notifier.model(), reminderTiming.clock().getZone()));
    google.start();
    Reminders.follow(notifier, google);
    Notifier current = notifier;
    // The feed of server notices connects once the server is up (the embedded one may be starting).
    serverReady.handle((ready, e) -> null).thenRunAsync(() -> {
      if (notifier == current) {
        LiveNotices.start(current, reminderTiming.clock(), api,
            (title, room) -> join(api, user, title, new InviteLink(room, null), null),
            () -> {
              pane.reload();
              current.refresh();
            });
      }
    }, fx);
    StartupProbe.mark("reminders, tray and Google started");
  }

  /**
   * Joins the room's call; when this app is in that call already, or joining it, brings that call
   * to the front instead of opening a second one (you would see yourself twice).
   */
  private void join(ApiClient api, UserView user, String title, InviteLink link,
      OccurrenceView occurrence) {
    if (!Platform.isFxApplicationThread()) {
      fx.execute(() -> join(api, user, title, link, occurrence));
      return;
    }
    String roomId = link.roomId();
    CallWindow open = callWindows.get(roomId);
    if (open != null) {
      open.stage().setIconified(false);
      open.stage().toFront();
      open.stage().requestFocus();
      return;
    }
    if (!joining.add(roomId)) {
      return;
    }
    URI signaling = JoinTicket.signalingUri(api.serverUri());
    CompletableFuture.supplyAsync(() -> {
      try {
        return new JoinTicket(signaling, api.accessToken(), link.roomId(), link.invite(),
            user.displayName(), api.trust());
      } catch (ApiException e) {
        throw new CompletionException(e);
      }
    }, background).thenComposeAsync(ticket -> {
      CallModel call = new CallModel(title, user.displayName(), media(), fx, os);
      fx.execute(() -> MeetMove.offer(call, google, api, user, occurrence, background));
      // connect completes on the FX thread; asking whether we host the room is a request, so
      // it goes back to the background executor.
      return call.connect(ticket, TokenSource.of(api)).thenApplyAsync(v -> {
        hostedRoom(api, link.roomId()).ifPresent(room -> fx.execute(
            () -> call.hostWith(new HostControls(api, room.id(), background), room)));
        return call;
      }, background);
    }, background).whenCompleteAsync((call, e) -> {
      joining.remove(roomId);
      if (e != null) {
        showError(e instanceof CompletionException && e.getCause() != null ? e.getCause() : e);
      } else {
        openCall(call, roomId);
      }
    }, fx);
  }

  /** The room when we host it (only the host sees its invite token); blocks on the network. */
  private static java.util.Optional<RoomView> hostedRoom(ApiClient api, String roomId) {
    try {
      RoomView room = api.room(roomId);
      return java.util.Optional.ofNullable(room.inviteToken()).map(token -> room);
    } catch (ApiException e) {
      return java.util.Optional.empty();
    }
  }

  private void openCall(CallModel call, String roomId) {
    calls.add(call);
    CallWindow window = new CallWindow(call);
    callWindows.put(roomId, window);
    window.stage().initOwner(stage);
    window.stage().setOnHidden(e -> {
      call.hangUp();
      calls.remove(call);
      callWindows.remove(roomId, window);
    });
    window.show();
  }

  private void signOut(ApiClient api) {
    List.copyOf(calls).forEach(CallModel::hangUp);
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

  /**
   * Ends the app (the tray's Quit, the Dock's Quit on macOS): JavaFX stops, {@link #stop} hangs
   * up, and the launcher closes the embedded server before the process exits; FX thread.
   */
  private void quit() {
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
    scene.getStylesheets().add(stylesheet());
    stage.setScene(scene);
    if (!stage.isShowing()) {
      stage.show();
      StartupProbe.mark("window shown");
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

  /** The app's one media engine, started on first use. Called off the FX thread. */
  private synchronized MediaEngine media() {
    if (media == null) {
      media = new MediaEngine(options.syntheticMedia() ? MediaOptions.synthetic(640, 360, 30) : MediaOptions.devices());
    }
    return media;
  }

  private static String stylesheet() {
    return CallWindow.class.getResource("convene.css").toExternalForm();
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

  @Override
  public void stop() {
    closeGoogle();
    closeNotifier();
    List.copyOf(calls).forEach(call -> call.hangUp().join());
    synchronized (this) {
      if (media != null) {
        media.close();
        media = null;
      }
    }
  }


  private void showError(Throwable e) {
    Alert alert = new Alert(Alert.AlertType.ERROR, String.valueOf(e.getMessage()));
    alert.initOwner(stage);
    alert.setHeaderText(null);
    alert.show();
  }
}
