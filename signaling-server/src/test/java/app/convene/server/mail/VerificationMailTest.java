package app.convene.server.mail;

import static app.convene.server.mail.MailServer.unique;
import static org.assertj.core.api.Assertions.assertThat;

import app.convene.protocol.ErrorCode;
import app.convene.protocol.ErrorMessage;
import app.convene.protocol.Joined;
import app.convene.protocol.SignalMessage;
import app.convene.protocol.api.Registration;
import app.convene.protocol.api.ScheduleResult;
import app.convene.server.auth.RegistrationSettings;
import app.convene.server.testing.Api;
import app.convene.server.testing.DatabaseServer;
import app.convene.server.testing.Meeting;
import app.convene.server.testing.TestDatabase;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * E-mail verification end to end: the real server on each database with SMTP pointed at an
 * in-process SMTP server and a public URL, so that every new account is mailed a signed link.
 * An invitation to an address admits the account that has it only once the link is followed.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class VerificationMailTest {
  private static final String PUBLIC_URL = "https://convene.example.org";
  private static final Pattern LINK =
      Pattern.compile(Pattern.quote(PUBLIC_URL) + "/api/(auth/verify-email\\?token=[\\w.%-]+)");
  private static final Duration WAIT = Duration.ofSeconds(10);

  @Parameter TestDatabase database;

  private static MailServer mailServer;
  private static Inbox inbox;
  private static DatabaseServer db;
  private static Api api;
  private Api.User anna;

  @BeforeParameterizedClassInvocation
  static void start(TestDatabase database) throws Exception {
    RegistrationSettings registration = RegistrationSettings.DEFAULT;
    RegistrationSettings withLinks = new RegistrationSettings(registration.mode(),
        registration.domains(), registration.passwordMinLength(), URI.create(PUBLIC_URL),
        Duration.ofHours(24), List.of());
    mailServer = MailServer.start(database, config -> config.withRegistration(withLinks));
    inbox = mailServer.inbox();
    db = mailServer.db();
    api = db.api();
  }

  @AfterParameterizedClassInvocation
  static void stop() throws Exception {
    if (mailServer != null) {
      mailServer.close();
      mailServer = null;
    }
  }

  @BeforeEach
  void annaSignsUp() {
    inbox.clear();
    anna = api.register("Anna");
  }

  @Test
  void invitedAddressRegisteredWithoutVerifyingGetsNoSeatUntilTheLinkIsFollowed()
      throws Exception {
    String carl = unique("carl");
    ScheduleResult meeting = schedule(carl);
    Api.User registered = register(carl);

    assertRoomNotFound(join(registered, meeting.room().id(), null));
    assertThat(api.get("rooms/" + meeting.room().id(), registered.token()).status())
        .isEqualTo(404);
    assertThat(api.get("auth/verification", registered.token()).body())
        .contains("\"verified\":false");

    Api.Answer followed = api.get(linkMailedTo(carl), null);

    assertThat(followed.status()).as(followed.body()).isEqualTo(200);
    assertThat(followed.body()).contains("\"verified\":true", carl);
    assertThat(join(registered, meeting.room().id(), null)).isInstanceOf(Joined.class);
    assertThat(api.get("auth/verification", registered.token()).body())
        .contains("\"verified\":true");
  }

  @Test
  void theInvitationsOwnLinkAdmitsAnUnverifiedAccount() throws Exception {
    String carl = unique("carl");
    ScheduleResult meeting = schedule(carl);
    Api.User registered = register(carl);

    assertThat(join(registered, meeting.room().id(), meeting.room().inviteToken()))
        .isInstanceOf(Joined.class);
  }

  @Test
  void verificationMailGoesOnlyToTheNewAddressAndSaysWhatTheLinkDoes() throws Exception {
    MimeMessage mail = awaitMailTo(anna.email());

    assertThat(mail.getFrom()).containsExactly(new InternetAddress("convene@example.org",
        "Convene"));
    assertThat(mail.getAllRecipients()).hasSize(1);
    assertThat(mail.getSubject()).startsWith("Confirm your e-mail address");
    assertThat((String) mail.getContent()).contains("Hello Anna,", "Здравствуйте, Anna!",
        PUBLIC_URL + "/api/auth/verify-email?token=");
  }

  @Test
  void forgedTamperedExpiredAndForeignTokensVerifyNothing() throws Exception {
    String link = linkMailedTo(anna.email());
    String token = link.substring(link.indexOf('=') + 1);
    String tampered = token.substring(0, token.length() - 2)
        + (token.endsWith("AA") ? "BB" : "AA");

    assertInvalidLink(api.get("auth/verify-email?token=" + tampered, null));
    assertInvalidLink(api.get("auth/verify-email?token=not.a.token", null));
    assertInvalidLink(api.get("auth/verify-email?token=" + anna.token(), null)); // an access token
    assertThat(api.get("me", URLDecoder.decode(token, StandardCharsets.UTF_8)).status())
        .as("a verification token is no access token").isEqualTo(401);
    assertThat(api.get("auth/verify-email", null).status()).isEqualTo(400);

    db.clock().advance(Duration.ofHours(25));
    try {
      assertInvalidLink(api.get(link, null));
    } finally {
      db.clock().set(db.clock().instant().minus(Duration.ofHours(25)));
    }
    assertThat(api.get("auth/verification", anna.token()).body()).contains("\"verified\":false");
  }

  @Test
  void aNewLinkCanBeAskedForUntilTheAddressIsVerified() throws Exception {
    awaitMailTo(anna.email());
    inbox.clear();

    assertThat(api.post("auth/verification", anna.token(), Map.of()).status()).isEqualTo(204);
    assertThat(api.get(linkMailedTo(anna.email()), null).status()).isEqualTo(200);

    Api.Answer again = api.post("auth/verification", anna.token(), Map.of());
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.error().code()).isEqualTo("already_verified");
  }

  private ScheduleResult schedule(String invitee) {
    Api.Answer answer = api.post("meetings/schedule", anna.token(),
        Meeting.titled("Salaries").at(db.clock().instant().plus(Duration.ofHours(1)))
            .inviting(invitee).schedule(5));
    assertThat(answer.status()).as(answer.body()).isEqualTo(201);
    return answer.as(ScheduleResult.class);
  }

  private static Api.User register(String email) {
    String password = "correct horse " + UUID.randomUUID();
    Api.Answer answer = api.post("auth/register", null, new Registration(email, password, "Carl"));
    assertThat(answer.status()).as(answer.body()).isEqualTo(201);
    return new Api.User(answer.as(app.convene.protocol.api.AuthSession.class), password);
  }

  private static SignalMessage join(Api.User user, String roomId, String invite)
      throws Exception {
    return db.server().connect(user.token())
        .joinRoom(roomId, user.session().user().displayName(), invite);
  }

  /** The path of the verification link mailed to the address, below {@code /api/}. */
  private static String linkMailedTo(String address) throws Exception {
    Matcher link = LINK.matcher((String) awaitMailTo(address).getContent());
    assertThat(link.find()).as("a verification link").isTrue();
    return link.group(1);
  }

  private static MimeMessage awaitMailTo(String address) throws Exception {
    Instant deadline = Instant.now().plus(WAIT);
    while (Instant.now().isBefore(deadline)) {
      for (MimeMessage message : inbox.received()) {
        InternetAddress to = (InternetAddress) message.getRecipients(Message.RecipientType.TO)[0];
        if (to.getAddress().equals(address) && message.getSubject().startsWith("Confirm")) {
          return message;
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no verification mail to " + address + " within " + WAIT);
  }

  private static void assertInvalidLink(Api.Answer answer) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    assertThat(answer.error().code()).isEqualTo("invalid_verification");
  }

  private static void assertRoomNotFound(SignalMessage reply) {
    assertThat(reply).isInstanceOfSatisfying(ErrorMessage.class,
        error -> assertThat(error.code()).isEqualTo(ErrorCode.ROOM_NOT_FOUND));
  }
}
