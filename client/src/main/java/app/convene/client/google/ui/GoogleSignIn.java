package app.convene.client.google.ui;

import app.convene.client.storage.SealedFiles;
import app.convene.client.google.BrowserOpener;
import app.convene.client.google.GoogleAuth;
import app.convene.client.google.GoogleCalendarSync;
import app.convene.client.google.GoogleConfig;
import app.convene.client.google.GoogleException;
import app.convene.client.google.MeetScheduler;
import com.google.api.client.auth.oauth2.Credential;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Signing in to Google for {@link GoogleModel}, from the OAuth client of this installation to an
 * {@link Account}, and back. Reading the configuration and the saved sign-in runs on {@code
 * background}; Google's consent page is waited for on a thread of its own, so that it can be
 * cancelled. The futures complete on those threads: the model moves their results to the FX thread.
 */
final class GoogleSignIn {
  /** A signed-in account: its calendar sync and its Meet scheduler. */
  record Account(GoogleCalendarSync sync, MeetScheduler scheduler) {}

  private final GoogleModel.ConfigSource configSource;
  private final SealedFiles files;
  private final Path dataDir;
  private final BrowserOpener browser;
  private final Executor background;
  private final Clock clock;
  private volatile GoogleAuth auth;
  private Thread waiting;

  GoogleSignIn(GoogleModel.ConfigSource configSource, SealedFiles files, BrowserOpener browser,
      Executor background, Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock == null");
    this.configSource = Objects.requireNonNull(configSource, "configSource == null");
    this.files = Objects.requireNonNull(files, "files == null");
    this.dataDir = files.dataDir();
    this.browser = Objects.requireNonNull(browser, "browser == null");
    this.background = Objects.requireNonNull(background, "background == null");
  }

  /** Whether {@link #load()} found an OAuth client. */
  boolean configured() {
    return auth != null;
  }

  /**
   * Reads the configuration and the saved sign-in: the account when there is one. Fails with the
   * {@link GoogleException} that says what is wrong: the configuration when {@link #configured()}
   * is false afterwards, else the saved sign-in.
   */
  CompletableFuture<Optional<Account>> load() {
    return GoogleIo.run(background, () -> {
      Optional<GoogleConfig> config = configSource.load();
      if (config.isEmpty()) {
        return Optional.empty();
      }
      GoogleAuth loaded = new GoogleAuth(config.get(), files, browser);
      auth = loaded;
      return loaded.stored().map(credential -> account(loaded, credential));
    });
  }

  /**
   * Opens Google's consent page in the browser and waits for the user; {@link #cancel()} stops.
   * Requires {@link #configured()}; call on the FX thread.
   */
  CompletableFuture<Account> signIn() {
    GoogleAuth signer = auth;
    CompletableFuture<Account> result = new CompletableFuture<>();
    waiting = new Thread(() -> {
      try {
        result.complete(account(signer, signer.signIn()));
      } catch (GoogleException | RuntimeException e) {
        result.completeExceptionally(e);
      }
    }, "google-sign-in");
    waiting.setDaemon(true);
    waiting.start();
    return result;
  }

  /** Stops waiting for the consent page, if it is waited for. FX thread. */
  void cancel() {
    if (waiting != null) {
      waiting.interrupt();
    }
  }

  /**
   * Revokes access, deletes the tokens and {@code account}'s cache here (it may be {@code null}).
   * Blocks; returns the message to show.
   */
  String signOut(Account account) {
    try {
      String message = auth.signOut().message();
      if (account != null) {
        account.sync().clearCache();
      }
      return message;
    } catch (GoogleException e) {
      return e.getMessage();
    }
  }

  private Account account(GoogleAuth signer, Credential credential) {
    GoogleConfig config = signer.config();
    return new Account(new GoogleCalendarSync(config, credential, dataDir, clock),
        new MeetScheduler(config, credential, clock.getZone()));
  }
}
