package app.convene.client.google.ui;

import app.convene.client.storage.SealedFiles;
import app.convene.client.google.ui.GoogleSignIn.Account;
import app.convene.client.google.BrowserOpener;
import app.convene.client.google.GoogleAuthException;
import app.convene.client.google.GoogleCalendarInfo;
import app.convene.client.google.GoogleCalendarSync;
import app.convene.client.google.GoogleConfig;
import app.convene.client.google.GoogleEvent;
import app.convene.client.google.GoogleException;
import app.convene.client.google.PeriodicSync;
import app.convene.client.google.SyncResult;
import app.convene.client.i18n.Failures;
import app.convene.client.i18n.Messages;
import com.calendarfx.model.CalendarSource;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;

/**
 * Google Meet mode in the calendar pane: sign-in state, the chosen Google calendars and their
 * events; what is done with Google's meetings is {@link #meetings()}. FX thread; Google I/O runs on {@code background} (sign-in on
 * a thread of its own, so that it can be cancelled) and results come back through {@code fx}.
 * Messages go to the pane's status line.
 */
public final class GoogleModel implements AutoCloseable {
  /** Where the user stands with Google. */
  public enum State { LOADING, NOT_CONFIGURED, SIGNED_OUT, SIGNING_IN, SIGNED_IN }

  /** Reads the OAuth client of this installation; blocks on file I/O. */
  @FunctionalInterface
  public interface ConfigSource {
    Optional<GoogleConfig> load() throws GoogleException;
  }

  static final Duration SYNC_INTERVAL = Duration.ofMinutes(5);

  private final GoogleSignIn signIn;
  private final Path configDir;
  private final Executor background;
  private final Executor fx;
  private final StringProperty status;
  private final ChosenCalendars chosenFile;
  private final GoogleCalendars shown;
  private final GoogleMeetings meetings;
  private final SealedFiles files;
  private final ObjectProperty<State> state = new SimpleObjectProperty<>(this, "state", State.LOADING);
  private final javafx.beans.property.ReadOnlyBooleanWrapper tokensInFile =
      new javafx.beans.property.ReadOnlyBooleanWrapper(this, "tokensInFile");
  private final ObservableList<GoogleCalendarInfo> available = FXCollections.observableArrayList();
  private final ObservableSet<String> chosen = FXCollections.observableSet(new LinkedHashSet<>());
  private volatile Set<String> chosenSnapshot = Set.of();
  private volatile Account account;
  private PeriodicSync periodic;
  private String problem;

  /**
   * @param files the data folder's sealed files: Google tokens, cache and the chosen calendars go
   *     in that folder
   * @param configDir named in the set-up instructions
   * @param status the pane's status line, for messages
   * @param clock the app's clock; events show in its zone
   */
  public GoogleModel(ConfigSource configSource, SealedFiles files, Path configDir,
      BrowserOpener browser, Executor background, Executor fx, StringProperty status, Clock clock) {
    this.signIn = new GoogleSignIn(configSource, files, browser, background, clock);
    this.shown = new GoogleCalendars(clock.getZone());
    this.configDir = Objects.requireNonNull(configDir, "configDir == null");
    this.background = Objects.requireNonNull(background, "background == null");
    this.fx = Objects.requireNonNull(fx, "fx == null");
    this.status = Objects.requireNonNull(status, "status == null");
    this.files = files;
    this.chosenFile = new ChosenCalendars(files.dataDir());
    state.addListener((o, was, now) -> {
      if (now != State.SIGNED_IN) {
        tokensInFile.set(false);
      }
    });
    this.meetings = new GoogleMeetings(this, browser, background, fx, status);
  }

  /**
   * True while signed in when the Google sign-in is kept sealed with a key in a file of the data
   * folder, because this computer has no keychain for it (or {@code --keychain=off}): the menu
   * says so. FX thread.
   */
  public javafx.beans.property.ReadOnlyBooleanProperty tokensInFileProperty() {
    return tokensInFile.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<State> stateProperty() {
    return state;
  }

  public ObservableList<GoogleCalendarInfo> calendars() {
    return available;
  }

  public ObservableSet<String> chosen() {
    return chosen;
  }

  public CalendarSource source() {
    return shown.source();
  }

  /**
   * The synced events of the chosen calendars by start, with their reminder leads (for {@link
   * GoogleReminders#meeting}). Read-only; replaced whenever the shown events are (cache at sign-in,
   * each sync, a change of the chosen calendars); empty after sign-out. FX thread.
   */
  public ObservableList<GoogleEvent> events() {
    return shown.events();
  }

  GoogleCalendars shown() {
    return shown;
  }

  /** Opening, creating, cancelling and moving meetings with this model's account. */
  public GoogleMeetings meetings() {
    return meetings;
  }

  /** The signed-in account, or {@code null}. Any thread. */
  Account account() {
    return account;
  }

  public boolean isSignedIn() {
    return state.get() == State.SIGNED_IN;
  }

  /** What to do to set Google up (when {@link State#NOT_CONFIGURED}), or why it cannot be used. */
  public String setupText() {
    return problem != null ? problem + "\n\n" + GoogleConfig.setupInstructions(configDir)
        : GoogleConfig.setupInstructions(configDir);
  }

  /** Reads the configuration and the saved sign-in; shows the cached events at once. */
  public void start() {
    signIn.load().whenCompleteAsync((saved, e) -> {
      if (e != null && signIn.configured()) { // set up, but the saved sign-in is unreadable
        status.set(Messages.format("google.error", Failures.rootMessage(e)));
        state.set(State.SIGNED_OUT);
      } else if (e != null) { // the configuration is broken: say how to fix it
        problem = Failures.rootMessage(e);
        state.set(State.NOT_CONFIGURED);
      } else if (!signIn.configured()) {
        state.set(State.NOT_CONFIGURED);
      } else if (saved.isPresent()) {
        connect(saved.get());
      } else {
        state.set(State.SIGNED_OUT);
      }
    }, fx);
  }

  /** Opens Google's consent page in the browser and waits for the user; {@link #cancelSignIn()} stops. */
  public void signIn() {
    if (!signIn.configured() || state.get() == State.SIGNING_IN) {
      return;
    }
    state.set(State.SIGNING_IN);
    status.set(Messages.get("google.waiting"));
    signIn.signIn().whenCompleteAsync((signedIn, e) -> {
      if (e == null) {
        connect(signedIn);
      } else {
        state.set(State.SIGNED_OUT);
        Throwable error = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        status.set(Messages.format("google.signInFailed", error.getMessage()));
      }
    }, fx);
  }

  public void cancelSignIn() {
    signIn.cancel();
  }

  /** Revokes access, deletes the tokens and the Google cache here; completes with a message to show. */
  public CompletableFuture<String> signOut() {
    stopSync();
    Account was = account;
    account = null;
    return CompletableFuture.supplyAsync(() -> signIn.signOut(was), background).thenApplyAsync(message -> {
      available.clear();
      shown.clear();
      state.set(State.SIGNED_OUT);
      status.set(message);
      return message;
    }, fx);
  }

  /** Shows or hides a Google calendar; the choice is remembered. */
  public void choose(String calendarId, boolean show) {
    if (show ? !chosen.add(calendarId) : !chosen.remove(calendarId)) {
      return;
    }
    chosenSnapshot = Set.copyOf(chosen);
    Set<String> ids = chosenSnapshot;
    Account current = account;
    inBackground(() -> {
      chosenFile.save(ids);
      return current == null ? List.<GoogleEvent>of() : current.sync().cachedEvents(ids);
    }).whenCompleteAsync((events, e) -> {
      if (e != null) {
        status.set(Messages.format("google.error", Failures.rootMessage(e)));
      } else if (ids.equals(chosenSnapshot)) {
        shown.show(ids, events);
      }
      refresh();
    }, fx);
  }

  /** Syncs the chosen calendars now. */
  public void refresh() {
    if (periodic != null) {
      periodic.refreshNow();
    }
  }

  @Override
  public void close() {
    cancelSignIn();
    stopSync();
  }

  private <T> CompletableFuture<T> inBackground(GoogleIo<T> io) {
    return GoogleIo.run(background, io);
  }

  /** Signed in: cached events first, then the calendar list, then a sync every five minutes. */
  private void connect(Account signedIn) {
    state.set(State.SIGNED_IN);
    status.set(Messages.get("google.signedIn"));
    inBackground(() -> !files.keyInKeychain())
        .thenAcceptAsync(inFile -> tokensInFile.set(inFile && isSignedIn()), fx);
    inBackground(() -> {
      GoogleCalendarSync sync = signedIn.sync();
      account = signedIn;
      Optional<Set<String>> saved = chosenFile.load();
      List<GoogleEvent> cached = saved.map(sync::cachedEvents).orElse(List.of());
      fx.execute(() -> {
        saved.ifPresent(ids -> setChosen(ids));
        shown.show(chosenSnapshot, cached);
      });
      List<GoogleCalendarInfo> list = sync.listCalendars();
      if (saved.isEmpty()) {
        Set<String> defaults = new LinkedHashSet<>();
        list.stream().filter(c -> c.primary() || c.selected()).forEach(c -> defaults.add(c.id()));
        chosenFile.save(defaults);
        fx.execute(() -> setChosen(defaults));
      }
      return list;
    }).whenCompleteAsync((list, e) -> {
      if (e != null) {
        failed(e.getCause() instanceof GoogleException g ? g : new GoogleException(Failures.rootMessage(e), e));
      } else {
        available.setAll(list);
        shown.describe(list);
        if (!signedIn.sync().calendarListAllowed()) {
          status.set(Messages.get("google.listNotGranted"));
        }
      }
      if (state.get() == State.SIGNED_IN && periodic == null && account != null) {
        periodic = new PeriodicSync(account.sync(), () -> chosenSnapshot, SYNC_INTERVAL, new PeriodicSync.Listener() {
          @Override
          public void synced(SyncResult result, List<GoogleEvent> events) {
            GoogleModel.this.synced(result, events);
          }

          @Override
          public void failed(GoogleException error) {
            GoogleModel.this.failed(error);
          }
        }, fx);
      }
    }, fx);
  }

  /**
   * A sync finished: the calendar list if it was read again, calendars Google no longer knows
   * taken out of the chosen ones, the events, and per calendar what went wrong.
   */
  private void synced(SyncResult result, List<GoogleEvent> events) {
    result.relisted().ifPresent(list -> {
      available.setAll(list);
      shown.describe(list);
    });
    if (chosen.removeAll(result.gone())) {
      chosenSnapshot = Set.copyOf(chosen);
      Set<String> ids = chosenSnapshot;
      inBackground(() -> {
        chosenFile.save(ids);
        return ids;
      });
    }
    shown.show(chosenSnapshot, events);
    StringBuilder text = new StringBuilder(Messages.format("google.synced", events.size()));
    result.problems().values().forEach(problem -> text.append(' ').append(problem));
    if (account != null && !account.sync().calendarListAllowed()) {
      text.append(' ').append(Messages.get("google.listNotGranted"));
    }
    status.set(text.toString());
  }

  private void setChosen(Set<String> ids) {
    chosen.clear();
    chosen.addAll(ids);
    chosenSnapshot = Set.copyOf(ids);
  }

  /** A sync or listing failed: say so; a lost sign-in asks for a new one. Events stay shown. */
  private void failed(GoogleException error) {
    status.set(Messages.format("google.error", error.getMessage()));
    if (error instanceof GoogleAuthException) {
      stopSync();
      account = null;
      state.set(State.SIGNED_OUT);
    }
  }

  private void stopSync() {
    if (periodic != null) {
      periodic.close();
      periodic = null;
    }
  }
}
