package app.convene.client.account;

import app.convene.client.api.ApiClient;
import app.convene.client.api.ApiException;
import app.convene.client.tls.ServerTrust;
import app.convene.client.i18n.Messages;
import java.net.URI;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The sign-in screen: sign in to a server, or create an account there. FX thread; the request
 * runs on {@code background}. A successful sign-in stores the session (owner-only file) and hands
 * the signed-in client on.
 */
public final class SignInModel {
  private final StringProperty server = new SimpleStringProperty(this, "server", "");
  private final StringProperty email = new SimpleStringProperty(this, "email", "");
  private final StringProperty password = new SimpleStringProperty(this, "password", "");
  private final StringProperty displayName = new SimpleStringProperty(this, "displayName", "");
  private final BooleanProperty createAccount = new SimpleBooleanProperty(this, "createAccount");
  private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
  private final StringProperty error = new SimpleStringProperty(this, "error", "");
  private final SessionStore store;
  private final ServerTrust trust;
  private final Executor background;
  private final Executor fx;
  private final Consumer<ApiClient> onSignedIn;
  private final java.time.Clock clock;
  private CompletionStage<?> serverStarting = CompletableFuture.completedFuture(null);

  /** @param clock the app's clock, for the session's token expiry */
  public SignInModel(SessionStore store, Executor background, Executor fx,
      Consumer<ApiClient> onSignedIn, java.time.Clock clock) {
    this(store, background, fx, onSignedIn, clock, ServerTrust.system());
  }

  /** Like the other constructor, trusting these certificate authorities for HTTPS. */
  public SignInModel(SessionStore store, Executor background, Executor fx,
      Consumer<ApiClient> onSignedIn, java.time.Clock clock, ServerTrust trust) {
    this.trust = Objects.requireNonNull(trust, "trust == null");
    this.clock = Objects.requireNonNull(clock, "clock == null");
    this.store = Objects.requireNonNull(store, "store == null");
    this.background = Objects.requireNonNull(background, "background == null");
    this.fx = Objects.requireNonNull(fx, "fx == null");
    this.onSignedIn = Objects.requireNonNull(onSignedIn, "onSignedIn == null");
  }

  /**
   * Requests wait for {@code starting} (the embedded server, which starts beside the form on a
   * first start) before they are sent, whether it starts or fails; FX thread.
   */
  public void sendAfter(CompletionStage<?> starting) {
    serverStarting = Objects.requireNonNull(starting, "starting == null");
  }

  /** The server's address, e.g. {@code http://127.0.0.1:8787}. */
  public StringProperty serverProperty() {
    return server;
  }

  public StringProperty emailProperty() {
    return email;
  }

  public StringProperty passwordProperty() {
    return password;
  }

  public StringProperty displayNameProperty() {
    return displayName;
  }

  /** Whether the form creates an account instead of signing in. */
  public BooleanProperty createAccountProperty() {
    return createAccount;
  }

  public BooleanProperty busyProperty() {
    return busy;
  }

  public StringProperty errorProperty() {
    return error;
  }

  public void submit() {
    URI base;
    try {
      base = URI.create(server.get().strip());
      if (!"http".equals(base.getScheme()) && !"https".equals(base.getScheme()) || base.getHost() == null) {
        throw new IllegalArgumentException();
      }
    } catch (IllegalArgumentException e) {
      error.set(Messages.get("signIn.error.server"));
      return;
    }
    String mail = email.get().strip();
    String secret = password.get();
    String name = displayName.get().strip();
    if (mail.isEmpty() || secret.isEmpty()) {
      error.set(Messages.get("signIn.error.missing"));
      return;
    }
    if (createAccount.get() && name.isEmpty()) {
      error.set(Messages.get("signIn.error.name"));
      return;
    }
    boolean create = createAccount.get();
    error.set("");
    busy.set(true);
    serverStarting.handle((started, failed) -> null).thenApplyAsync(started -> {
      ApiClient api = new ApiClient(base, null, session -> store.save(base, session), clock,
          trust);
      try {
        if (create) {
          api.register(mail, secret, name);
        } else {
          api.login(mail, secret);
        }
      } catch (ApiException e) {
        throw new CompletionException(e);
      }
      return api;
    }, background).whenCompleteAsync((api, e) -> {
      busy.set(false);
      if (e != null) {
        Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        if (clearsPassword(cause)) {
          password.set("");
        }
        error.set(userText(cause, base));
      } else {
        password.set("");
        onSignedIn.accept(api);
      }
    }, fx);
  }

  /**
   * Whether the failure is about the password itself (wrong, or refused by the policy), so that
   * the field is emptied for another; a network or server failure keeps it for a retry.
   */
  static boolean clearsPassword(Throwable failure) {
    return failure instanceof ApiException api
        && ("bad_credentials".equals(api.code()) || "weak_password".equals(api.code()));
  }

  /**
   * What the form says for a failure, in the user's language with what to do next; the server's
   * own words only where it knows something we cannot say (its password rules), and for codes
   * this version does not know.
   *
   * @param server the address the form tried, named when it cannot be reached
   */
  public static String userText(Throwable failure, URI server) {
    if (!(failure instanceof ApiException api)) {
      return Messages.get("signIn.error.unexpected");
    }
    if (ApiException.UNTRUSTED.equals(api.code())) {
      return Messages.format("signIn.error.untrusted", server);
    }
    if (api.isOffline()) {
      return Messages.format("signIn.error.offline", server);
    }
    return switch (api.code() == null ? "" : api.code()) {
      case "bad_credentials" -> Messages.get("signIn.error.credentials");
      case "email_taken" -> Messages.get("signIn.error.emailTaken");
      case "server_busy" -> Messages.get("signIn.error.busy");
      case "too_many_attempts" -> Messages.get("signIn.error.tooManyAttempts");
      case "weak_password" -> weakPassword(api);
      case "registration_closed" -> Messages.get("signIn.error.registrationClosed");
      default -> api.status() >= 500
          ? Messages.format("signIn.error.serverFailed", api.status())
          : api.getMessage();
    };
  }

  /** Which rule the password broke, in the app's words; an older server only says it in English. */
  private static String weakPassword(ApiException api) {
    return switch (api.details().getOrDefault("rule", "")) {
      case "length" -> Messages.format("signIn.error.weakLength",
          api.details().getOrDefault("min", "8"), api.details().getOrDefault("max", "200"));
      case "common" -> Messages.get("signIn.error.weakCommon");
      case "address" -> Messages.get("signIn.error.weakAddress");
      default -> Messages.format("signIn.error.weakPassword", api.getMessage());
    };
  }
}
