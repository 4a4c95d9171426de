package app.convene.client.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.convene.client.testing.MutableClock;
import app.convene.client.testing.ServerProcess;
import app.convene.client.testing.TestBackend;
import app.convene.client.testing.TestBackend.Account;
import app.convene.client.testing.TestTime;
import app.convene.client.tls.ServerTrust;
import app.convene.protocol.api.AuthSession;
import app.convene.protocol.api.EventRequest;
import app.convene.protocol.api.EventStatus;
import app.convene.protocol.api.EventView;
import app.convene.protocol.api.OccurrenceView;
import app.convene.protocol.api.Preferences;
import app.convene.protocol.api.RoomView;
import app.convene.protocol.api.ServiceKind;
import app.convene.protocol.api.UserView;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The REST client against a real server on loopback (one per class, on a clock the tests move),
 * and against what may answer in a server's place ({@link StandIn}).
 */
class ApiClientTest {
  /** A Java class name such as {@code app.convene.protocol.api.UserView} or {@code java.io.X}. */
  private static final Pattern JAVA_NAME = Pattern.compile("\\b[a-z]+(\\.[a-z0-9]+)+\\.[A-Z]\\w*");
  /** A session the stand-ins never check. */
  private static final AuthSession ANY_SESSION = new AuthSession(
      new UserView("u1", "anna@example.com", "Anna"), "token",
      Instant.parse("2100-01-01T00:00:00Z"), "refresh");

  private static MutableClock clock;
  private static TestBackend backend;

  private final List<AuthSession> told = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void startServer() throws Exception {
    clock = TestTime.stopped();
    backend = TestBackend.start(clock);
  }

  @AfterAll
  static void stopServer() throws Exception {
    backend.close();
  }

  private ApiClient client() {
    return new ApiClient(backend.httpBase(), null, told::add, clock);
  }

  @Test
  void signingInGivesASessionTheServerTakesAndTellsTheListener() throws Exception {
    Account anna = backend.account("Anna");
    ApiClient api = client();

    AuthSession session = api.login(anna.email(), anna.password());

    assertThat(told).containsExactly(session);
    assertThat(api.session()).isEqualTo(session);
    assertThat(api.me()).isEqualTo(anna.user());
  }

  @Test
  void aWrongPasswordIsRefusedInWordsAndLeavesNoSession() throws Exception {
    Account anna = backend.account("Anna");
    ApiClient api = client();

    assertRefusedInWords(() -> api.login(anna.email(), "wrong horse"), 401, "bad_credentials");
    assertThat(api.session()).isNull();
    assertThat(told).isEmpty();
  }

  @Test
  void signingOutForgetsTheSessionAndTheServerRevokesIt() throws Exception {
    Account anna = backend.account("Anna");
    AuthSession before = anna.api().session();

    anna.api().logout();

    assertThat(anna.api().session()).isNull();
    assertRefusedInWords(anna.api()::me, 401, "unauthorized");
    ApiClient stale = new ApiClient(backend.httpBase(), before, told::add, clock);
    assertRefusedInWords(stale::refresh, 401, "invalid_refresh_token");
  }

  @Test
  void signingOutWhileTheServerIsDownStillForgetsTheSession() throws Exception {
    ApiClient api = new ApiClient(nowhere(), ANY_SESSION, told::add, clock);

    api.logout();

    assertThat(api.session()).isNull();
  }

  @Test
  void anAccessTokenAboutToExpireIsRefreshedBeforeTheCall() throws Exception {
    Account anna = backend.account("Anna");
    ApiClient api = new ApiClient(backend.httpBase(), anna.api().session(), told::add, clock);
    clock.advance(Duration.ofMinutes(16)); // access tokens live 15 minutes

    assertThat(api.me()).isEqualTo(anna.user());

    assertThat(told).hasSize(1);
    assertThat(told.getFirst().accessTokenExpiresAt()).isAfter(clock.instant());
  }

  @Test
  void aTokenTheServerRefusesThoughItLooksValidIsRefreshedOnceAndTheCallSucceeds() throws Exception {
    Account anna = backend.account("Anna");
    // This computer's clock is 20 minutes behind the server's: the token looks fresh here.
    Clock behind = Clock.fixed(clock.instant(), ZoneOffset.UTC);
    ApiClient api = new ApiClient(backend.httpBase(), anna.api().session(), told::add, behind);
    clock.advance(Duration.ofMinutes(20));

    assertThat(api.me()).isEqualTo(anna.user());

    assertThat(told).as("one refresh").hasSize(1);
  }

  @Test
  void anExpiredTokenOfARevokedSessionIsRefusedWithWordsNotAStatusCode() throws Exception {
    Account anna = backend.account("Anna");
    ApiClient other = new ApiClient(backend.httpBase(), anna.api().session(), s -> {}, clock);
    other.logout(); // e.g. signed out on another computer with the same session
    clock.advance(Duration.ofMinutes(16));

    assertRefusedInWords(anna.api()::me, 401, "invalid_refresh_token");
  }

  @Test
  void callsWithoutASessionAreRefusedBeforeAnythingIsSent() throws Exception {
    ApiClient api = new ApiClient(nowhere(), null, told::add, clock);

    assertRefusedInWords(api::me, 401, "unauthorized");
    assertThatThrownBy(api::me).hasMessage("not signed in");
  }

  @Test
  void aServerThatIsDownIsOfflineInWordsWithoutJavaNames() throws Exception {
    URI down = nowhere();
    ApiClient api = new ApiClient(down, null, told::add, clock);

    assertOfflineInWords(() -> api.login("anna@example.com", "correct horse"))
        .startsWith("cannot reach the server at " + down);
  }

  @Test
  void aProxyAnsweringWithItsErrorPageIsAServerFailureNotOffline() throws Exception {
    try (StandIn proxy = StandIn.answering(502, "text/html",
        "<html><body><h1>502 Bad Gateway</h1><hr>nginx</body></html>")) {
      ApiClient api = new ApiClient(proxy.uri(), ANY_SESSION, told::add, clock);

      assertRefusedInWords(api::me, 502, "http_502");
      assertThatThrownBy(api::me).hasMessage("the server answered HTTP 502");
    }
  }

  @Test
  void anErrorBodyKeepsTheStatusOfTheHttpAnswer() throws Exception {
    // A body without "status" (or with another one) must not turn a 503 into status 0, "offline".
    try (StandIn busy = StandIn.answering(503, "application/json",
        "{\"code\":\"server_busy\",\"message\":\"the server is busy; try again in 2 s\"}")) {
      ApiClient api = new ApiClient(busy.uri(), null, told::add, clock);

      assertRefusedInWords(() -> api.login("anna@example.com", "correct horse"), 503, "server_busy");
      assertThatThrownBy(() -> api.login("anna@example.com", "correct horse"))
          .hasMessage("the server is busy; try again in 2 s");
    }
  }

  @Test
  void aSignInPageOfTheNetworkInsteadOfTheServerIsReportedInWordsWithoutJavaNames()
      throws Exception {
    try (StandIn portal = StandIn.answering(200, "text/html",
        "<!doctype html><title>Hotel Wi-Fi</title><form>Room number</form>")) {
      ApiClient api = new ApiClient(portal.uri(), null, told::add, clock);

      assertOfflineInWords(() -> api.login("anna@example.com", "correct horse"))
          .contains("not Convene's API");
      assertThat(told).isEmpty();
    }
  }

  @Test
  void jsonOfTheWrongShapeIsReportedInWordsWithoutJavaNames() throws Exception {
    try (StandIn other = StandIn.answering(200, "application/json", "[1, 2, 3]")) {
      ApiClient api = new ApiClient(other.uri(), ANY_SESSION, told::add, clock);

      assertOfflineInWords(api::me).contains("not Convene's API");
    }
  }

  @Test
  void aServerThatDoesNotAnswerTimesOutInWords() throws Exception {
    try (StandIn hung = StandIn.silent()) {
      ApiClient api = new ApiClient(hung.uri(), ANY_SESSION, told::add, clock,
          ServerTrust.system(), Duration.ofMillis(300));

      assertOfflineInWords(api::me).isEqualTo(
          "the server at " + hung.uri() + "/ did not answer within 300 ms");
    }
  }

  @Test
  void aMeetingRoundTripsThroughScheduleListingChangeAndCancel() throws Exception {
    Account anna = backend.account("Anna");
    Account boris = backend.account("Boris");
    Instant start = clock.instant().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofDays(1));
    EventRequest planning = new EventRequest("Planning", "Q1 goals", start,
        start.plus(Duration.ofHours(1)), "Europe/Berlin", List.of(boris.email()),
        ServiceKind.NATIVE, null);

    EventView scheduled = anna.api().schedule(planning).event();
    List<OccurrenceView> borisSees = boris.api().events(start.minus(Duration.ofDays(1)),
        start.plus(Duration.ofDays(1)));
    EventView moved = anna.api().update(scheduled.id(), new EventRequest("Planning (moved)",
        "Q1 goals", start.plus(Duration.ofHours(2)), start.plus(Duration.ofHours(3)),
        "Europe/Berlin", List.of(boris.email()), ServiceKind.NATIVE, null));
    EventView cancelled = anna.api().cancel(scheduled.id());

    assertThat(scheduled.title()).isEqualTo("Planning");
    assertThat(scheduled.start()).isEqualTo(start);
    assertThat(scheduled.roomId()).isNotNull();
    assertThat(borisSees).extracting(o -> o.event().id()).containsExactly(scheduled.id());
    assertThat(borisSees.getFirst().start()).isEqualTo(start);
    assertThat(moved.title()).isEqualTo("Planning (moved)");
    assertThat(moved.start()).isEqualTo(start.plus(Duration.ofHours(2)));
    assertThat(moved.sequence()).isGreaterThan(scheduled.sequence());
    assertThat(cancelled.status()).isEqualTo(EventStatus.CANCELLED);
    assertThat(boris.api().event(scheduled.id()).status()).isEqualTo(EventStatus.CANCELLED);
  }

  @Test
  void aMeetingsRoomCanBeLockedAndItsInviteRenewedByItsHostOnly() throws Exception {
    Account anna = backend.account("Anna");
    Account boris = backend.account("Boris");
    String roomId = backend.meeting(anna, "Standup", boris);
    RoomView room = anna.api().room(roomId);

    RoomView locked = anna.api().lockRoom(roomId, true);
    RoomView renewed = anna.api().renewInvite(roomId);

    assertThat(locked.locked()).isTrue();
    assertThat(anna.api().lockRoom(roomId, false).locked()).isFalse();
    assertThat(renewed.inviteToken()).isNotBlank().isNotEqualTo(room.inviteToken());
    assertThat(anna.api().participants(roomId)).isEmpty();
    assertThatThrownBy(() -> boris.api().lockRoom(roomId, true))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(403));
  }

  @Test
  void preferencesRoundTrip() throws Exception {
    Account anna = backend.account("Anna");
    Preferences mine = new Preferences(ServiceKind.GOOGLE_MEET, Map.of("reminder", "10"));

    assertThat(anna.api().preferences()).isEqualTo(new Preferences(ServiceKind.NATIVE, Map.of()));
    assertThat(anna.api().savePreferences(mine)).isEqualTo(mine);
    assertThat(anna.api().preferences()).isEqualTo(mine);
  }

  @Test
  void theHttpAddressOfASignalingAddressKeepsHostPortAndSecurity() {
    assertThat(ApiClient.httpBase(URI.create("ws://127.0.0.1:8787/signal")))
        .isEqualTo(URI.create("http://127.0.0.1:8787"));
    assertThat(ApiClient.httpBase(URI.create("wss://meet.example.org/signal")))
        .isEqualTo(URI.create("https://meet.example.org"));
  }

  /** A loopback address where nothing listens. */
  private static URI nowhere() throws Exception {
    return URI.create("http://127.0.0.1:" + ServerProcess.freePort());
  }

  /** The server's refusal: its status and code, words a person can read, not "offline". */
  private static void assertRefusedInWords(ThrowingCallable call, int status, String code) {
    assertThatThrownBy(call).isInstanceOfSatisfying(ApiException.class, e -> {
      assertThat(e.isOffline()).isFalse();
      assertThat(e.status()).isEqualTo(status);
      assertThat(e.code()).isEqualTo(code);
      assertWords(e.getMessage());
    });
  }

  /** Not reached: offline, and a message in words; returns the message for more checks. */
  private static org.assertj.core.api.AbstractStringAssert<?> assertOfflineInWords(
      ThrowingCallable call) {
    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(call);
    assertThat(thrown).isInstanceOfSatisfying(ApiException.class, e -> {
      assertThat(e.isOffline()).isTrue();
      assertThat(e.code()).isEqualTo("offline");
      assertWords(e.getMessage());
    });
    return assertThat(thrown.getMessage());
  }

  private static void assertWords(String message) {
    assertThat(message).isNotBlank()
        .doesNotContain("Exception", "null", "HTTP 401")
        .doesNotContainPattern(JAVA_NAME);
  }
}
