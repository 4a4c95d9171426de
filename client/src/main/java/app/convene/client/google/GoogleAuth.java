package app.convene.client.google;

import app.convene.client.i18n.Messages;
import app.convene.client.storage.SealedFiles;
import com.google.api.client.auth.oauth2.AuthorizationCodeFlow;
import com.google.api.client.auth.oauth2.AuthorizationCodeRequestUrl;
import com.google.api.client.auth.oauth2.BearerToken;
import com.google.api.client.auth.oauth2.ClientParametersAuthentication;
import com.google.api.client.auth.oauth2.Credential;
import com.google.api.client.auth.oauth2.TokenResponse;
import com.google.api.client.auth.oauth2.TokenResponseException;
import com.google.api.client.http.GenericUrl;
import com.google.api.client.http.HttpRequest;
import com.google.api.client.http.HttpResponse;
import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.UrlEncodedContent;
import com.google.api.services.calendar.CalendarScopes;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Sign-in with Google as an installed app (RFC 8252): the consent page opens in the user's browser,
 * which returns to {@link LoopbackReceiver} on 127.0.0.1 with a code; the code is exchanged with a
 * PKCE (S256) verifier and the tokens are saved owner-only in {@code <dataDir>/google/}. The
 * returned {@link Credential} refreshes its access token by itself when it expires and saves the
 * new one.
 *
 * <p>Every method blocks on the network or disk: call it off the FX thread. One sign-in at a time.
 */
public final class GoogleAuth {
  /**
   * The narrowest that do the job: read and write events ({@code calendar.events}); read the
   * calendar list, its names and colours ({@code calendar.calendarlist.readonly}); nothing else of
   * the account. Without the list Convene shows the primary calendar alone; without events it can
   * do nothing, and such a grant is revoked at once.
   */
  public static final List<String> SCOPES =
      List.of(CalendarScopes.CALENDAR_EVENTS, CalendarScopes.CALENDAR_CALENDARLIST_READONLY);

  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

  private final GoogleConfig config;
  private final Path googleDir;
  private final BrowserOpener browser;
  private final HttpTransport transport;
  private final Duration timeout;
  private final TokenStore store;

  /**
   * @param dataDir the user's data folder ({@link UserFolders#dataDir()}); tokens go to its {@code
   *     google} subfolder
   * @param browser opens the consent page; the app passes {@link BrowserOpener#system()} or a
   *     JavaFX {@code HostServices} wrapper
   */
  public GoogleAuth(GoogleConfig config, SealedFiles files, BrowserOpener browser) {
    this(config, files, browser, GoogleHttp.transport(), DEFAULT_TIMEOUT);
  }

  GoogleAuth(
      GoogleConfig config,
      SealedFiles files,
      BrowserOpener browser,
      HttpTransport transport,
      Duration timeout) {
    this.config = Objects.requireNonNull(config, "config == null");
    this.googleDir = googleDir(Objects.requireNonNull(files, "files == null").dataDir());
    this.browser = Objects.requireNonNull(browser, "browser == null");
    this.transport = Objects.requireNonNull(transport, "transport == null");
    this.timeout = Objects.requireNonNull(timeout, "timeout == null");
    this.store = new TokenStore(googleDir, files);
  }

  static Path googleDir(Path dataDir) {
    return dataDir.resolve("google");
  }

  public GoogleConfig config() {
    return config;
  }

  /**
   * Opens Google's consent page in the browser and waits (up to five minutes) for it to come back.
   * Interrupt the calling thread to cancel (a JavaFX {@code Task.cancel(true)} does).
   *
   * @throws GoogleAuthException consent denied, a response that does not match this request, time
   *     out, cancelled, or Google refusing the client or the code
   * @throws GoogleUnavailableException Google could not be reached for the code exchange
   */
  public synchronized Credential signIn() throws GoogleException {
    AuthorizationCodeFlow flow = newFlow();
    try (LoopbackReceiver receiver = LoopbackReceiver.start(timeout)) {
      String redirect = receiver.getRedirectUri();
      AuthorizationCodeRequestUrl url =
          flow.newAuthorizationUrl().setRedirectUri(redirect).setState(receiver.state());
      url.set("access_type", "offline");
      url.set("prompt", "consent");
      openBrowser(URI.create(url.build()));
      String code = receiver.waitForCode();
      TokenResponse tokens;
      try {
        tokens = flow.newTokenRequest(code).setRedirectUri(redirect).execute();
      } catch (TokenResponseException e) {
        GoogleAuthException refused = GoogleErrors.codeRefused(e);
        throw refused != null ? refused : GoogleErrors.map(e, "sign you in");
      }
      requireEventsScope(tokens);
      Credential credential = newCredential().setFromTokenResponse(tokens);
      store.save(credential);
      return credential;
    } catch (LoopbackReceiver.Refused e) {
      throw new GoogleAuthException(e.reason, e.getMessage(), e);
    } catch (InterruptedIOException e) {
      throw new GoogleAuthException(
          GoogleAuthException.Reason.CANCELLED, "Google sign-in was cancelled.", e);
    } catch (IOException e) {
      throw GoogleErrors.map(e, "sign you in");
    }
  }

  /** The saved sign-in, if any; it is not checked with Google until first used. */
  public Optional<Credential> stored() throws GoogleException {
    try {
      return store.load().map(this::credentialOf);
    } catch (IOException e) {
      throw new GoogleException(
          "Can't read the saved Google sign-in (" + store.file() + "): " + e.getMessage(), e);
    }
  }

  /**
   * Asks Google to revoke the app's access, then deletes the saved tokens and the cached Google
   * events from this computer, whether or not Google could be reached.
   *
   * @throws GoogleException only when the local files could not be deleted
   */
  public synchronized SignOutResult signOut() throws GoogleException {
    Optional<TokenStore.Tokens> tokens;
    try {
      tokens = store.load();
    } catch (IOException e) {
      tokens = Optional.empty();
    }
    String token =
        tokens.map(t -> t.refreshToken() != null ? t.refreshToken() : t.accessToken()).orElse(null);
    SignOutResult result =
        token == null ? new SignOutResult(true, "Signed out of Google.") : revoke(token);
    try {
      store.delete();
      EventCache.deleteAll(googleDir);
    } catch (IOException e) {
      throw new GoogleException(
          "Signed out, but could not delete the Google data in " + googleDir + ": " + e.getMessage(),
          e);
    }
    return result;
  }

  private SignOutResult revoke(String token) {
    try {
      HttpRequest request =
          transport
              .createRequestFactory()
              .buildPostRequest(
                  new GenericUrl(config.endpoints().revoke()),
                  new UrlEncodedContent(Map.of("token", token)));
      request.setThrowExceptionOnExecuteError(false);
      HttpResponse response = request.execute();
      try {
        int status = response.getStatusCode();
        // 400 invalid_token: Google no longer knows the token, so the access is gone already.
        if (status == 200 || status == 400) {
          return new SignOutResult(true, "Signed out of Google; Convene's access was revoked.");
        }
        return notRevoked("Google answered HTTP " + status);
      } finally {
        response.disconnect();
      }
    } catch (IOException e) {
      return notRevoked("Google could not be reached");
    }
  }

  private static SignOutResult notRevoked(String why) {
    return new SignOutResult(
        false,
        "Signed out on this computer. "
            + why
            + ", so Convene's access could not be revoked there: remove it at"
            + " https://myaccount.google.com/connections.");
  }

  /** A new flow for every sign-in: the library makes one PKCE verifier per flow object. */
  private AuthorizationCodeFlow newFlow() {
    return new AuthorizationCodeFlow.Builder(
            BearerToken.authorizationHeaderAccessMethod(),
            transport,
            GoogleHttp.JSON,
            new GenericUrl(config.endpoints().token()),
            clientAuthentication(),
            config.clientId(),
            config.endpoints().authorization().toString())
        .setScopes(SCOPES)
        .enablePKCE()
        .build();
  }

  private Credential newCredential() {
    return new Credential.Builder(BearerToken.authorizationHeaderAccessMethod())
        .setTransport(transport)
        .setJsonFactory(GoogleHttp.JSON)
        .setTokenServerEncodedUrl(config.endpoints().token().toString())
        .setClientAuthentication(clientAuthentication())
        .addRefreshListener(store)
        .build();
  }

  private Credential credentialOf(TokenStore.Tokens tokens) {
    return newCredential()
        .setAccessToken(tokens.accessToken())
        .setRefreshToken(tokens.refreshToken())
        .setExpirationTimeMilliseconds(tokens.expiresAtMillis());
  }

  private ClientParametersAuthentication clientAuthentication() {
    return new ClientParametersAuthentication(config.clientId(), config.clientSecret());
  }

  private void openBrowser(URI consent) throws GoogleAuthException {
    try {
      browser.open(consent);
    } catch (IOException | RuntimeException e) {
      throw new GoogleAuthException(
          GoogleAuthException.Reason.SIGN_IN_FAILED,
          "Could not open a web browser for Google sign-in (" + e.getMessage() + ").",
          e);
    }
  }

  /**
   * With granular consent a user can untick boxes and still "allow"; the token response's {@code
   * scope} lists what was granted (no {@code scope}: all that was asked). Without {@code
   * calendar.events} the grant is of no use: it is revoked, nothing is saved, and the user is told
   * so. A missing calendar list is handled where the list is read ({@code CalendarListReader}).
   */
  private void requireEventsScope(TokenResponse tokens) throws GoogleAuthException {
    if (tokens.getScope() == null
        || Arrays.asList(tokens.getScope().split(" ")).contains(CalendarScopes.CALENDAR_EVENTS)) {
      return;
    }
    String token = tokens.getRefreshToken() != null ? tokens.getRefreshToken() : tokens.getAccessToken();
    boolean revoked = token == null || revoke(token).revoked();
    throw new GoogleAuthException(
        GoogleAuthException.Reason.CONSENT_DENIED,
        Messages.get(revoked ? "google.eventsNotGranted" : "google.eventsNotGrantedNotRevoked"));
  }
}
