package app.convene.client.app;

import app.convene.client.storage.SealedFiles;
import app.convene.client.account.SessionStore;
import app.convene.client.api.ApiClient;
import app.convene.client.tls.ServerTrust;
import app.convene.client.headless.HeadlessParticipant;
import app.convene.client.media.NativeCopies;
import app.convene.client.i18n.Failures;
import app.convene.client.i18n.Messages;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * The entry point of the desktop app and of the headless participant ({@code --headless}). Not
 * an {@link Application} itself, so it starts from a plain class path.
 *
 * <p>Positional arguments are things to open (an invite link, an .ics file). When the app already
 * runs with the same data folder, they go to that instance and this process exits.
 */
public final class Launcher {
  private Launcher() {}

  private static EmbeddedServer startEmbedded(Path appDataDir) {
    try {
      return EmbeddedServer.startOrReuse(EmbeddedServer.DEFAULT_PORT,
          appDataDir.resolve("server"));
    } catch (Exception e) {
      throw new CompletionException(e);
    }
  }

  /**
   * Starts JavaFX with the app's window and returns once JavaFX has ended ({@link
   * ConveneApp#quit}, or the hidden start-up probe). The app is built here rather than by {@link
   * Application#launch}, which makes its own instance and could hand it its context only through a
   * static field.
   */
  private static void runUntilQuit(ConveneApp app) throws InterruptedException {
    CompletableFuture<Thread> fxThread = new CompletableFuture<>();
    Platform.startup(() -> {
      fxThread.complete(Thread.currentThread());
      try {
        app.start(new Stage());
      } catch (RuntimeException | Error e) {
        // Application.launch ended the process on this; here JavaFX would keep running with no
        // window, and this thread would wait for ever.
        System.err.println("Convene could not open its window: " + Failures.rootMessage(e));
        Platform.exit();
      }
    });
    fxThread.join().join();
  }

  public static void main(String[] args) throws Exception {
    NativeCopies.removeStaleInBackground(); // Windows: earlier runs' webrtc DLLs in %TEMP%
    if (Arrays.asList(args).contains("--headless")) {
      HeadlessParticipant.main(args);
      return;
    }
    if (Arrays.asList(args).contains("--help")) {
      System.out.print(AppOptions.USAGE);
      return;
    }
    LaunchArgs launch = LaunchArgs.split(args);
    StartupProbe probe = launch.startupProbe() ? StartupProbe.on() : StartupProbe.off();
    if (launch.selfTest()) {
      System.exit(SelfTest.run(System.out));
      return;
    }
    AppOptions options;
    try {
      options = AppOptions.parse(launch.options().toArray(String[]::new));
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.print(AppOptions.USAGE);
      System.exit(2);
      return;
    }
    if (options.locale() != null) {
      // --lang for everything that takes the JVM's locale, before any of it loads: CalendarFX's
      // texts (its bundle is read once), its month names and times, and the date pickers.
      Messages.use(options.locale());
    }
    AotTraining training = launch.aotTraining() ? AotTraining.start() : null;
    if (training != null) {
      // Its folder is thrown away, so the files' key stays in it, out of the build's keychain.
      options = new AppOptions(training.server(), training.dataDir(), options.locale(), true,
          options.caCert(), false);
    }
    OpenRequests requests = new OpenRequests();
    Optional<SingleInstance> instance = SingleInstance.claimOrHandOver(options.dataDir(),
        launch.handOver(), argument -> requests.submit(OpenRequest.parse(argument)));
    if (instance.isEmpty()) {
      System.out.println("Convene is already running; handed over to it.");
      System.exit(0);
      return;
    }
    launch.open().forEach(argument -> requests.submit(OpenRequest.parse(argument)));
    DesktopOpenEvents.install(requests);
    MacAppEvents dock = new MacAppEvents(Platform::runLater, Platform::exit);
    dock.install();
    WindowsUrlScheme.registerInBackground();
    // The embedded server (H2, migrations, Jetty) starts while JavaFX starts and shows the window;
    // the app waits for it before it resumes the stored session.
    // With a stored session the calendar shows first, from its offline copy, and the server
    // (about a core-second of H2, Flyway and Jetty on the 2 cores of a laptop) starts right after
    // instead of competing with it; without one, sign-in needs the server at once.
    Path dataDir = options.dataDir();
    SealedFiles files = options.sealedFiles(); // the keychain is asked once, here
    SessionStore sessions = new SessionStore(files);
    ServerTrust trust = options.trust();
    URI explicitServer = options.server(); // a session saved for another server is not resumed
    // Reading the session (JSON, then the HTTP client) takes a while on a cold JVM: it runs
    // beside JavaFX's start instead of after it.
    CompletableFuture<ApiClient> storedSession = CompletableFuture.supplyAsync(
        () -> StoredSessions.read(sessions, explicitServer, Clock.systemDefaultZone(), trust),
        runnable -> Thread.ofPlatform().name("session-load").daemon().start(runnable));
    CompletableFuture<Void> firstScreen = new CompletableFuture<>();
    CompletableFuture<Void> first = Files.exists(sessions.file())
        ? firstScreen.copy().completeOnTimeout(null, 5, TimeUnit.SECONDS)
        : CompletableFuture.completedFuture(null);
    CompletableFuture<EmbeddedServer> embedded = options.server() == null
        ? first.thenApplyAsync(started -> startEmbedded(dataDir),
            runnable -> Thread.ofPlatform().name("embedded-server-start").start(runnable))
        : CompletableFuture.completedFuture(null);
    URI server = options.server() != null
        ? options.server() : EmbeddedServer.uri(EmbeddedServer.DEFAULT_PORT);
    ConveneApp app = new ConveneApp(AppContext.builder(options, server)
        .files(files)
        .openRequests(requests)
        .macAppEvents(dock)
        .serverReady(embedded)
        .storedSession(storedSession)
        .firstScreen(firstScreen)
        .probe(probe)
        .build());
    GraphicsChoice.apply();
    probe.mark("JavaFX launching");
    try {
      runUntilQuit(app);
    } finally {
      embedded.thenAccept(running -> {
        if (running != null) {
          running.close();
        }
      });
      if (training != null) {
        training.close();
      }
      instance.get().close();
    }
    System.exit(0);
  }
}
