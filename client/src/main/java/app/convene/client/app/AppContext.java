package app.convene.client.app;

import app.convene.client.storage.SealedFiles;
import app.convene.client.api.ApiClient;
import app.convene.client.google.ui.GoogleModel;
import app.convene.client.google.BrowserOpener;
import app.convene.client.google.GoogleConfig;
import app.convene.client.media.OsFamily;
import app.convene.client.notify.Notifier;
import java.net.URI;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;

/**
 * What the app's features share, built once by the composition root ({@link Launcher}, or a test)
 * and handed to {@link ConveneApp}'s constructor: nothing of it lives in a static field.
 *
 * <p>Threads: {@code fx} runs on the JavaFX thread; {@code io} is the app's pool for blocking
 * work (REST calls, files, the keychain), never used for native WebRTC calls, which have their
 * own ordered executor per call.
 *
 * @param options the command line
 * @param server the server the sign-in form offers: {@code --server}, else the embedded one
 * @param clock "now" for every part, and the zone the app shows
 * @param reminders when reminders come and how often meetings are fetched for them
 * @param files the sealed files of the data folder (session, offline copy), with their key
 * @param io the pool for blocking work
 * @param fx the JavaFX thread
 * @param googleConfig the organisation's Google OAuth client, if any
 * @param browser opens web pages (Google sign-in, Meet links)
 * @param openRequests links and invitations to open (command line, a second start)
 * @param macAppEvents the Dock's reopen and Quit on macOS
 * @param serverReady completes when the embedded server is up, or failed to start
 * @param storedSession the stored session, read while JavaFX starts; null: the app reads it
 * @param firstScreen completed by the app once its first screen is up
 * @param probe the hidden start-up probe (off unless {@code --startup-probe})
 */
record AppContext(AppOptions options, URI server, Clock clock, Notifier.Timing reminders,
    SealedFiles files, Executor io, Executor fx, OsFamily os,
    GoogleModel.ConfigSource googleConfig, BrowserOpener browser, OpenRequests openRequests,
    MacAppEvents macAppEvents, CompletableFuture<?> serverReady,
    CompletableFuture<ApiClient> storedSession, CompletableFuture<Void> firstScreen,
    StartupProbe probe) {

  AppContext {
    Objects.requireNonNull(options, "options == null");
    Objects.requireNonNull(server, "server == null");
    Objects.requireNonNull(clock, "clock == null");
    Objects.requireNonNull(reminders, "reminders == null");
    Objects.requireNonNull(files, "files == null");
    Objects.requireNonNull(io, "io == null");
    Objects.requireNonNull(fx, "fx == null");
    Objects.requireNonNull(os, "os == null");
    Objects.requireNonNull(googleConfig, "googleConfig == null");
    Objects.requireNonNull(browser, "browser == null");
    Objects.requireNonNull(openRequests, "openRequests == null");
    Objects.requireNonNull(macAppEvents, "macAppEvents == null");
    Objects.requireNonNull(serverReady, "serverReady == null");
    Objects.requireNonNull(firstScreen, "firstScreen == null");
    Objects.requireNonNull(probe, "probe == null");
  }

  /** A context for these options, with the defaults of a desktop run; change parts with with*. */
  static Builder builder(AppOptions options, URI server) {
    return new Builder(options, server);
  }

  /**
   * The app's pool for blocking work: daemon threads, made as needed and dropped after a minute
   * idle, so a slow server never queues one request behind another.
   */
  static ExecutorService newIoPool() {
    return Executors.newCachedThreadPool(
        Thread.ofPlatform().name("convene-io-", 1).daemon().factory());
  }

  /** Builds an {@link AppContext}; the files' key is looked up once, here. */
  static final class Builder {
    private final AppOptions options;
    private final URI server;
    private Clock clock = Clock.systemDefaultZone();
    private Notifier.Timing reminders;
    private SealedFiles files;
    private Executor io;
    private Executor fx = Platform::runLater;
    private GoogleModel.ConfigSource googleConfig = GoogleConfig::load;
    private BrowserOpener browser = BrowserOpener.system();
    private OpenRequests openRequests = new OpenRequests();
    private MacAppEvents macAppEvents;
    private CompletableFuture<?> serverReady = CompletableFuture.completedFuture(null);
    private CompletableFuture<ApiClient> storedSession;
    private CompletableFuture<Void> firstScreen = new CompletableFuture<>();
    private StartupProbe probe = StartupProbe.off();

    private Builder(AppOptions options, URI server) {
      this.options = Objects.requireNonNull(options, "options == null");
      this.server = Objects.requireNonNull(server, "server == null");
    }

    Builder clock(Clock value) {
      clock = value;
      return this;
    }

    Builder reminders(Notifier.Timing value) {
      reminders = value;
      return this;
    }

    Builder files(SealedFiles value) {
      files = value;
      return this;
    }

    Builder io(Executor value) {
      io = value;
      return this;
    }

    Builder google(GoogleModel.ConfigSource config, BrowserOpener opener) {
      googleConfig = config;
      browser = opener;
      return this;
    }

    Builder openRequests(OpenRequests value) {
      openRequests = value;
      return this;
    }

    Builder macAppEvents(MacAppEvents value) {
      macAppEvents = value;
      return this;
    }

    Builder serverReady(CompletableFuture<?> value) {
      serverReady = value;
      return this;
    }

    Builder storedSession(CompletableFuture<ApiClient> value) {
      storedSession = value;
      return this;
    }

    Builder firstScreen(CompletableFuture<Void> value) {
      firstScreen = value;
      return this;
    }

    Builder probe(StartupProbe value) {
      probe = value;
      return this;
    }

    AppContext build() {
      return new AppContext(options, server, clock,
          reminders != null ? reminders : Notifier.Timing.standard(clock),
          files != null ? files : options.sealedFiles(),
          io != null ? io : newIoPool(), fx, OsFamily.current(), googleConfig, browser,
          openRequests,
          macAppEvents != null ? macAppEvents : new MacAppEvents(fx, Platform::exit),
          serverReady, storedSession, firstScreen, probe);
    }
  }
}
