package app.convene.server.mail;

import static org.assertj.core.api.Assertions.assertThat;

import app.convene.protocol.api.EventView;
import app.convene.protocol.api.Registration;
import app.convene.protocol.api.ScheduleResult;
import app.convene.protocol.api.UserView;
import app.convene.server.auth.AuthService;
import app.convene.server.calendar.EventService;
import app.convene.server.calendar.MeetingChanges;
import app.convene.server.calendar.ScheduleService;
import app.convene.server.http.Caller;
import app.convene.server.preferences.PreferencesService;
import app.convene.server.rooms.RoomService;
import app.convene.server.store.Database;
import app.convene.server.testing.Api;
import app.convene.server.testing.LogCapture;
import app.convene.server.testing.Meeting;
import app.convene.server.testing.TestServer;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mailer's thread, retries and shutdown against SMTP servers that are down or refuse what we
 * insist on, with the real services on an embedded database and short retry delays.
 */
class InvitationMailerTest {
  private static final String PASSWORD = "open-sesame";
  private static final Duration WAIT = Duration.ofSeconds(10);

  @TempDir static Path dataDir;
  private static Database database;
  private static AuthService auth;
  private static RoomService rooms;
  private static PreferencesService preferences;

  private LogCapture log;
  private InvitationMailer mailer;

  @BeforeAll
  static void openDatabase() {
    database = Database.open(null, null, null, dataDir);
    Clock clock = Clock.systemUTC();
    auth = new AuthService(database, clock,
        "a-token-secret-of-at-least-32-bytes!".getBytes(StandardCharsets.UTF_8),
        Duration.ofMinutes(15));
    rooms = new RoomService(database, clock, 10, new byte[32]);
    preferences = new PreferencesService(database, clock);
  }

  @AfterAll
  static void closeDatabase() {
    database.close();
  }

  @BeforeEach
  void captureLog() {
    log = LogCapture.of(InvitationMailer.class);
  }

  @AfterEach
  void closeMailer() {
    if (mailer != null) {
      mailer.close();
    }
    log.close();
  }

  @Test
  void smtpDownIsRetriedWithWarningsThenGivenUpLoudly() throws Exception {
    mailer = mailer(down(), List.of(Duration.ofMillis(50), Duration.ofMillis(50)));

    EventView meeting = schedule("carl@example.org", "dora@example.org");

    ILoggingEvent first = log.await(e -> attempt(e, 1), WAIT, "attempt 1 failed");
    assertThat(first.getLevel()).isEqualTo(Level.WARN);
    assertThat(first.getFormattedMessage()).isEqualTo("invitation e-mail failed; will try again");
    assertThat(LogCapture.value(first, "meeting")).isEqualTo(meeting.id());
    assertThat(LogCapture.value(first, "recipients")).isEqualTo(2);
    log.await(e -> attempt(e, 2), WAIT, "attempt 2 failed");
    ILoggingEvent last = log.await("invitation e-mail not sent; giving up", WAIT);
    assertThat(last.getLevel()).isEqualTo(Level.ERROR);
    assertThat(LogCapture.value(last, "meeting")).isEqualTo(meeting.id());
    assertThat(LogCapture.value(last, "recipients")).isEqualTo(2);
    assertThat(LogCapture.value(last, "attempts")).isEqualTo(3);
    assertThat(log.events()).extracting(LogCapture::describe)
        .noneMatch(text -> text.contains(PASSWORD));
  }

  @Test
  void sendThatFailedIsDeliveredWhenTheServerComesBackWithTheLogin() throws Exception {
    SmtpSettings down = down();
    mailer = mailer(down, List.of(Duration.ofMillis(300), Duration.ofSeconds(1),
        Duration.ofSeconds(2)));
    schedule("carl@example.org");
    log.await(e -> attempt(e, 1), WAIT, "attempt 1 failed");

    try (Inbox inbox = Inbox.start(down.port()).withLogin("mailer", PASSWORD)) {
      List<ReceivedInvite> mail = inbox.await(1);

      assertThat(mail).extracting(ReceivedInvite::to).containsExactly("carl@example.org");
      assertThat(mail.getFirst().method()).isEqualTo("REQUEST");
    }
  }

  @Test
  void closingDropsWaitingRetriesAndSaysSo() throws Exception {
    mailer = mailer(down(), List.of(Duration.ofMinutes(1)));
    EventView meeting = schedule("carl@example.org");
    log.await(e -> attempt(e, 1), WAIT, "attempt 1 failed");

    long started = System.nanoTime();
    mailer.close();

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    ILoggingEvent dropped = log.await("invitation e-mail not sent: the server is stopping", WAIT);
    assertThat(LogCapture.value(dropped, "meeting")).isEqualTo(meeting.id());
    assertThat(LogCapture.value(dropped, "recipients")).isEqualTo(1);
  }

  @Test
  void starttlsIsRequiredAndNeverFallsBackToPlainText() throws Exception {
    try (Inbox plain = Inbox.start()) {
      mailer = mailer(new SmtpSettings("127.0.0.1", plain.port(), SmtpTls.STARTTLS, "mailer",
          PASSWORD, Inbox.FROM), List.of());
      schedule("carl@example.org");

      ILoggingEvent gaveUp = log.await("invitation e-mail not sent; giving up", WAIT);

      assertThat(String.valueOf(LogCapture.value(gaveUp, "error"))).containsIgnoringCase("STARTTLS");
      assertThat(plain.received()).isEmpty();
    }
  }

  @Test
  void implicitTlsToAPlainServerSendsNothing() throws Exception {
    try (Inbox plain = Inbox.start()) {
      mailer = mailer(new SmtpSettings("127.0.0.1", plain.port(), SmtpTls.IMPLICIT, null, null,
          Inbox.FROM), List.of());
      schedule("carl@example.org");

      log.await("invitation e-mail not sent; giving up", WAIT);

      assertThat(plain.received()).isEmpty();
    }
  }

  @Test
  void mailOffStartsNoThreadAndTriesNothing() {
    long threadsBefore = mailThreads();
    mailer = mailer(SmtpSettings.OFF, InvitationMailer.RETRY_DELAYS);

    schedule("carl@example.org");
    mailer.close();

    assertThat(mailer.enabled()).isFalse();
    assertThat(mailThreads()).isLessThanOrEqualTo(threadsBefore);
    assertThat(log.events()).isEmpty();
  }

  @Test
  void smtpDownNeitherFailsNorDelaysTheRequest() throws Exception {
    try (TestServer server = TestServer.start(TestServer.config().withSmtp(down()))) {
      Api api = server.api();
      Api.User anna = api.register("Anna");

      long started = System.nanoTime();
      Api.Answer answer = api.post("meetings/schedule", anna.token(),
          Meeting.titled("Planning").inviting("carl@example.org").schedule(null));

      assertThat(answer.status()).isEqualTo(201);
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
      ILoggingEvent warning = log.await(e -> attempt(e, 1), WAIT, "attempt 1 failed");
      assertThat(LogCapture.value(warning, "meeting"))
          .isEqualTo(answer.as(ScheduleResult.class).event().id());
    }
  }

  private InvitationMailer mailer(SmtpSettings settings, List<Duration> retryDelays) {
    return new InvitationMailer(settings, rooms, preferences, Clock.systemUTC(), retryDelays);
  }

  /** Schedules a native meeting of a new owner through the real services, told to the mailer. */
  private EventView schedule(String... attendees) {
    String email = "anna-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    UserView anna = auth.register(new Registration(email, "correct horse Anna", "Anna")).user();
    Caller owner = new Caller(UUID.fromString(anna.id()), anna.email(), anna.displayName(), true);
    EventService events = new EventService(database, Clock.systemUTC(),
        MeetingChanges.all(List.of(mailer)));
    ScheduleResult result = new ScheduleService(database, events, rooms)
        .schedule(owner, Meeting.titled("Planning").inviting(attendees).schedule(null));
    return result.event();
  }

  /** Settings for a loopback port where nothing listens, with a password that must not leak. */
  private static SmtpSettings down() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    return new SmtpSettings("127.0.0.1", port, SmtpTls.NONE, "mailer", PASSWORD, Inbox.FROM);
  }

  private static boolean attempt(ILoggingEvent event, int number) {
    return event.getFormattedMessage().equals("invitation e-mail failed; will try again")
        && Integer.valueOf(number).equals(LogCapture.value(event, "attempt"));
  }

  private static long mailThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().equals("convene-mail")).count();
  }
}
