package app.convene.client.google;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.client.auth.oauth2.Credential;
import com.google.api.services.calendar.CalendarScopes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scopes, partial grants and the words for a failed or lost sign-in, against {@link FakeGoogle}. */
final class GoogleGrantTest {
  static final String WORK = "me@example.com";

  @TempDir Path dataDir;
  FakeGoogle fake;

  @BeforeEach
  void startFake() throws Exception {
    fake = FakeGoogle.start();
    fake.calendar.addCalendar(WORK, "Work", "#9fe1e7", true);
  }

  @AfterEach
  void stopFake() {
    fake.close();
  }

  @Test
  void signInAsksForEventsAndTheCalendarListOnly() throws Exception {
    GoogleTestSupport.signIn(fake, dataDir);

    String scope = fake.requests("GET", "/o/oauth2/v2/auth").getFirst().param("scope");
    assertThat(scope.split(" ")).containsExactlyInAnyOrder(
        CalendarScopes.CALENDAR_EVENTS, CalendarScopes.CALENDAR_CALENDARLIST_READONLY);
  }

  @Test
  void grantWithoutTheCalendarListShowsThePrimaryCalendarAlone() throws Exception {
    fake.calendar.addCalendar("primary", "Work", "#9fe1e7", false); // Google's alias of WORK
    fake.calendar.addEvent("primary", "Stand-up", GoogleTestSupport.NOW, Duration.ofMinutes(15));
    fake.oauth.grantOnly(CalendarScopes.CALENDAR_EVENTS);
    Credential credential = GoogleTestSupport.signIn(fake, dataDir);
    GoogleCalendarSync sync = GoogleTestSupport.sync(
        fake, credential, dataDir, new GoogleTestSupport.FastRetry().retry, 250);

    assertThat(sync.listCalendars()).extracting(GoogleCalendarInfo::id).containsExactly("primary");
    assertThat(sync.calendarListAllowed()).isFalse();
    SyncResult result = sync.sync(Set.of("primary"));

    assertThat(result.problems()).isEmpty();
    assertThat(sync.cachedEvents(Set.of("primary"))).extracting(GoogleEvent::summary)
        .containsExactly("Stand-up");
  }

  @Test
  void grantWithoutEventsIsRevokedAndNothingIsSaved() {
    fake.oauth.grantOnly(CalendarScopes.CALENDAR_CALENDARLIST_READONLY);

    assertThatThrownBy(() -> GoogleTestSupport.signIn(fake, dataDir))
        .isInstanceOfSatisfying(GoogleAuthException.class,
            e -> assertThat(e.reason()).isEqualTo(GoogleAuthException.Reason.CONSENT_DENIED))
        .hasMessageContaining("revoked");
    String refresh = fake.requests("POST", "/revoke").getFirst().form().get("token");
    assertThat(fake.oauth.isRevoked(refresh)).isTrue();
    assertThat(dataDir.resolve("google/tokens.json")).doesNotExist();
  }

  @Test
  void codeRefusedOnTheFirstExchangeSaysSignInFailedNotExpired() {
    fake.oauth.refuseNextCode();

    assertThatThrownBy(() -> GoogleTestSupport.signIn(fake, dataDir))
        .isInstanceOfSatisfying(GoogleAuthException.class,
            e -> assertThat(e.reason()).isEqualTo(GoogleAuthException.Reason.SIGN_IN_FAILED))
        .hasMessageContaining("sign-in failed").hasMessageContaining("Try again")
        .hasMessageNotContaining("expired");
  }

  @Test
  void refreshTokenThatDiedNamesTheTestingPublishingState() throws Exception {
    Credential credential = GoogleTestSupport.signIn(fake, dataDir);
    GoogleCalendarSync sync = GoogleTestSupport.sync(
        fake, credential, dataDir, new GoogleTestSupport.FastRetry().retry, 250);
    sync.sync(Set.of(WORK));
    fake.oauth.revokeEverything(); // as Google does to a Testing app's tokens after 7 days

    assertThatThrownBy(() -> sync.sync(Set.of(WORK)))
        .isInstanceOfSatisfying(GoogleAuthException.class,
            e -> assertThat(e.reason()).isEqualTo(GoogleAuthException.Reason.REVOKED))
        .hasMessageContaining("expired or was revoked")
        .hasMessageContaining("\"Testing\" publishing state")
        .hasMessageContaining("7 days");
  }
}
