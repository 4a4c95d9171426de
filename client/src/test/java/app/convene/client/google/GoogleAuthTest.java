package app.convene.client.google;

import app.convene.client.storage.SealedFiles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.convene.client.google.FakeGoogle.Request;
import com.google.api.client.auth.oauth2.Credential;
import com.google.api.client.http.javanet.NetHttpTransport;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The loopback OAuth flow end to end: the test plays the browser against {@link FakeGoogle}. */
final class GoogleAuthTest {
  @TempDir Path dataDir;
  FakeGoogle fake;

  @BeforeEach
  void startFake() throws IOException {
    fake = FakeGoogle.start();
  }

  @AfterEach
  void stopFake() {
    fake.close();
  }

  @Test
  void signInSendsPkceAndStateAndExchangesTheCodeWithItsVerifier() throws Exception {
    PlayingBrowser browser = new PlayingBrowser();
    Credential credential = GoogleTestSupport.auth(fake, dataDir, browser).signIn();

    Request consent = fake.requests("GET", "/o/oauth2/v2/auth").getFirst();
    assertThat(consent.param("client_id")).isEqualTo(FakeOAuth.CLIENT_ID);
    assertThat(consent.param("code_challenge_method")).isEqualTo("S256");
    assertThat(consent.param("code_challenge")).hasSize(43);
    assertThat(consent.param("state")).hasSizeGreaterThanOrEqualTo(32);
    assertThat(consent.param("access_type")).isEqualTo("offline");
    assertThat(consent.param("redirect_uri")).matches("http://127\\.0\\.0\\.1:\\d+/callback");
    assertThat(consent.param("scope").split(" ")).containsExactlyInAnyOrderElementsOf(GoogleAuth.SCOPES);

    Map<String, String> exchange = fake.requests("POST", "/token").getFirst().form();
    assertThat(exchange).containsEntry("grant_type", "authorization_code");
    assertThat(exchange.get("redirect_uri")).isEqualTo(consent.param("redirect_uri"));
    assertThat(FakeOAuth.s256(exchange.get("code_verifier"))).isEqualTo(consent.param("code_challenge"));

    assertThat(credential.getRefreshToken()).startsWith("refresh-");
    assertThat(browser.lastPage.statusCode()).isEqualTo(200);
    assertThat(browser.lastPage.body()).contains("close this tab");
  }

  @Test
  void everySignInUsesAFreshPkceVerifier() throws Exception {
    GoogleAuth auth = GoogleTestSupport.auth(fake, dataDir, new PlayingBrowser());
    auth.signIn();
    auth.signIn();

    List<String> challenges =
        fake.requests("GET", "/o/oauth2/v2/auth").stream().map(r -> r.param("code_challenge")).toList();
    assertThat(challenges).hasSize(2).doesNotHaveDuplicates();
  }

  @Test
  void tokensAreSavedReadableByTheOwnerOnlyAndSurviveARestart() throws Exception {
    Credential credential = GoogleTestSupport.signIn(fake, dataDir);

    Path dir = dataDir.resolve("google");
    Path tokens = dir.resolve("tokens.json");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tokens))).isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
    assertThat(Files.readString(tokens, StandardCharsets.ISO_8859_1))
        .doesNotContain(credential.getRefreshToken()).doesNotContain(credential.getAccessToken());

    GoogleAuth restarted = GoogleTestSupport.auth(fake, dataDir, uri -> {
      throw new AssertionError("no browser needed");
    });
    assertThat(restarted.stored()).get().extracting(Credential::getRefreshToken)
        .isEqualTo(credential.getRefreshToken());
  }

  @Test
  void plainTokensOfAnOlderVersionAreReadOnceAndWrittenBackEncrypted() throws Exception {
    Path tokens = dataDir.resolve("google/tokens.json");
    Files.createDirectories(tokens.getParent());
    Files.writeString(tokens,
        "{\"accessToken\":\"old-access-1\",\"refreshToken\":\"old-refresh-1\",\"expiresAtMillis\":1}");

    assertThat(new TokenStore(tokens.getParent(), SealedFiles.withKeyFile(dataDir)).load()).get()
        .extracting(TokenStore.Tokens::refreshToken).isEqualTo("old-refresh-1");

    assertThat(Files.readString(tokens, StandardCharsets.ISO_8859_1)).doesNotContain("old-refresh-1");
    assertThat(new TokenStore(tokens.getParent(), SealedFiles.withKeyFile(dataDir)).load()).get()
        .extracting(TokenStore.Tokens::refreshToken).isEqualTo("old-refresh-1");
  }

  @Test
  void responseWithAWrongStateIsRefusedAndNoCodeIsExchanged() {
    PlayingBrowser forger = new PlayingBrowser(uri -> URI.create(uri.toString().replaceAll("state=[^&]+", "state=forged")));
    GoogleAuth auth = GoogleTestSupport.auth(fake, dataDir, forger);

    assertThatThrownBy(auth::signIn)
        .isInstanceOfSatisfying(GoogleAuthException.class, e -> assertThat(e.reason()).isEqualTo(GoogleAuthException.Reason.STATE_MISMATCH))
        .hasMessageContaining("sign-in response did not match this app's request");
    assertThat(forger.lastPage.statusCode()).isEqualTo(400);
    assertThat(fake.requests("POST", "/token")).isEmpty();
    assertThat(dataDir.resolve("google/tokens.json")).doesNotExist();
  }

  @Test
  void responseWithoutStateIsRefused() {
    PlayingBrowser forger = new PlayingBrowser(uri -> URI.create(uri.toString().replaceAll("&state=[^&]+", "")));
    GoogleAuth auth = GoogleTestSupport.auth(fake, dataDir, forger);

    assertThatThrownBy(auth::signIn)
        .isInstanceOfSatisfying(GoogleAuthException.class, e -> assertThat(e.reason()).isEqualTo(GoogleAuthException.Reason.STATE_MISMATCH));
    assertThat(fake.requests("POST", "/token")).isEmpty();
  }

  @Test
  void deniedConsentEndsTheSignInWithAClearMessage() {
    fake.oauth.denyConsent();
    PlayingBrowser browser = new PlayingBrowser();

    assertThatThrownBy(GoogleTestSupport.auth(fake, dataDir, browser)::signIn)
        .isInstanceOfSatisfying(GoogleAuthException.class, e -> assertThat(e.reason()).isEqualTo(GoogleAuthException.Reason.CONSENT_DENIED))
        .hasMessageContaining("access to your calendar was not granted");
    assertThat(browser.lastPage.body()).contains("close this tab");
    assertThat(fake.requests("POST", "/token")).isEmpty();
  }

  @Test
  void consentWithoutTheCalendarScopesIsNotKept() {
    fake.oauth.grantOnly("openid");

    assertThatThrownBy(GoogleTestSupport.auth(fake, dataDir, new PlayingBrowser())::signIn)
        .isInstanceOfSatisfying(GoogleAuthException.class, e -> assertThat(e.reason()).isEqualTo(GoogleAuthException.Reason.CONSENT_DENIED));
    assertThat(dataDir.resolve("google/tokens.json")).doesNotExist();
  }

  @Test
  void browserThatNeverComesBackTimesOut() {
    GoogleAuth auth = new GoogleAuth(fake.config(), SealedFiles.withKeyFile(dataDir), uri -> {}, new NetHttpTransport(), Duration.ofMillis(300));

    assertThatThrownBy(auth::signIn)
        .isInstanceOfSatisfying(GoogleAuthException.class, e -> assertThat(e.reason()).isEqualTo(GoogleAuthException.Reason.TIMED_OUT))
        .hasMessageContaining("timed out");
  }

  @Test
  void expiredAccessTokenIsRefreshedBeforeTheCallAndSaved() throws Exception {
    fake.oauth.accessLifetimeSeconds(30); // within the library's one-minute margin: expired
    GoogleTestSupport.signIn(fake, dataDir);
    fake.oauth.accessLifetimeSeconds(3600);
    fake.calendar.addCalendar("me@example.com", "Me", "#9fe1e7", true);
    Credential stored = GoogleTestSupport.auth(fake, dataDir, uri -> {}).stored().orElseThrow();
    fake.clearRequests();

    GoogleTestSupport.sync(fake, stored, dataDir, new GoogleTestSupport.FastRetry().retry, 250).listCalendars();

    List<Request> sent = fake.requests();
    assertThat(sent).extracting(Request::rawPath).containsExactly("/token", "/calendar/v3/users/me/calendarList");
    assertThat(sent.getFirst().form()).containsEntry("grant_type", "refresh_token")
        .containsEntry("refresh_token", stored.getRefreshToken());
    String newAccess = stored.getAccessToken();
    assertThat(sent.get(1).header("Authorization")).isEqualTo("Bearer " + newAccess);
    assertThat(new TokenStore(dataDir.resolve("google"), SealedFiles.withKeyFile(dataDir)).load()).get()
        .extracting(TokenStore.Tokens::accessToken).isEqualTo(newAccess);
  }

  @Test
  void signOutRevokesAtGoogleAndDeletesTokensAndCache() throws Exception {
    Credential credential = GoogleTestSupport.signIn(fake, dataDir);
    Path cached = Files.createDirectories(dataDir.resolve("google/calendars")).resolve("x.json");
    Files.writeString(cached, "{}");
    GoogleAuth auth = GoogleTestSupport.auth(fake, dataDir, uri -> {});

    SignOutResult result = auth.signOut();

    assertThat(result.revoked()).isTrue();
    assertThat(fake.requests("POST", "/revoke").getFirst().form()).containsEntry("token", credential.getRefreshToken());
    assertThat(fake.oauth.isRevoked(credential.getRefreshToken())).isTrue();
    assertThat(dataDir.resolve("google/tokens.json")).doesNotExist();
    assertThat(cached).doesNotExist();
    assertThat(auth.stored()).isEmpty();
  }

  @Test
  void signOutWhileOfflineStillDeletesLocallyAndSaysRevocationFailed() throws Exception {
    GoogleTestSupport.signIn(fake, dataDir);
    GoogleAuth auth = GoogleTestSupport.auth(fake, dataDir, uri -> {});
    fake.close();

    SignOutResult result = auth.signOut();

    assertThat(result.revoked()).isFalse();
    assertThat(result.message()).contains("could not be revoked").contains("myaccount.google.com");
    assertThat(dataDir.resolve("google/tokens.json")).doesNotExist();
  }

  @Test
  void accessRevokedInTheGoogleAccountAsksToSignInAgainAndKeepsTheCache() throws Exception {
    fake.calendar.addCalendar("me@example.com", "Me", "#9fe1e7", true);
    fake.calendar.addEvent("me@example.com", "Stand-up", GoogleTestSupport.NOW, Duration.ofMinutes(15));
    Credential credential = GoogleTestSupport.signIn(fake, dataDir);
    GoogleCalendarSync sync = GoogleTestSupport.sync(fake, credential, dataDir, new GoogleTestSupport.FastRetry().retry, 250);
    sync.sync(Set.of("me@example.com"));
    fake.oauth.revokeEverything();

    assertThatThrownBy(() -> sync.sync(Set.of("me@example.com")))
        .isInstanceOfSatisfying(GoogleAuthException.class, e -> assertThat(e.reason()).isEqualTo(GoogleAuthException.Reason.REVOKED))
        .hasMessageContaining("Sign in with Google again");
    assertThat(sync.cachedEvents(Set.of("me@example.com"))).extracting(GoogleEvent::summary).containsExactly("Stand-up");
  }

  @Test
  void receiverListensOnLoopbackOnly() throws Exception {
    try (LoopbackReceiver receiver = LoopbackReceiver.start(Duration.ofSeconds(1))) {
      assertThat(receiver.address().getAddress().getHostAddress()).isEqualTo("127.0.0.1");
      assertThat(receiver.getRedirectUri()).isEqualTo("http://127.0.0.1:" + receiver.address().getPort() + "/callback");
    }
  }
}
