package app.convene.server.mail;

import static app.convene.server.mail.MailServer.unique;
import static org.assertj.core.api.Assertions.assertThat;

import app.convene.protocol.api.AuthSession;
import app.convene.protocol.api.EventView;
import app.convene.protocol.api.Preferences;
import app.convene.protocol.api.Registration;
import app.convene.protocol.api.ScheduleResult;
import app.convene.protocol.api.ServiceKind;
import app.convene.server.testing.Api;
import app.convene.server.testing.DatabaseServer;
import app.convene.server.testing.Meeting;
import app.convene.server.testing.TestDatabase;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.fortuna.ical4j.model.Property;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Invitation e-mail end to end: the real server on each database, with SMTP pointed at an
 * in-process SMTP server; meetings are made over the REST API and the received messages are
 * parsed as a mail client would.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class InvitationMailTest {
  @Parameter TestDatabase database;

  private static MailServer mailServer;
  private static Inbox inbox;
  private static Api api;
  private Api.User anna;
  private Api.User carl;

  @BeforeParameterizedClassInvocation
  static void start(TestDatabase database) throws Exception {
    mailServer = MailServer.start(database, config -> config);
    inbox = mailServer.inbox();
    api = mailServer.db().api();
  }

  @AfterParameterizedClassInvocation
  static void stop() throws Exception {
    if (mailServer != null) {
      mailServer.close();
      mailServer = null;
    }
  }

  @BeforeEach
  void signIn() {
    inbox.clear();
    anna = api.register("Anna");
    carl = api.register("Carl");
  }

  @Test
  void nativeMeetingInvitesEveryAttendeeButTheOwner() throws Exception {
    String dora = unique("dora");
    ScheduleResult result = schedule(Meeting.titled("Design review").describedAs("Bring sketches")
        .inviting(carl.email(), dora, anna.email()));
    EventView event = result.event();

    Map<String, ReceivedInvite> mail = byRecipient(inbox.await(2));

    assertThat(mail.keySet()).containsExactlyInAnyOrder(carl.email(), dora);
    String link = "convene://join/" + result.room().id() + "?invite=" + result.room().inviteToken();
    for (ReceivedInvite invite : mail.values()) {
      assertThat(invite.message().getFrom())
          .containsExactly(new InternetAddress("convene@example.org", "Convene"));
      assertThat(invite.message().getReplyTo())
          .containsExactly(new InternetAddress(anna.email(), "Anna"));
      assertThat(invite.message().getRecipients(Message.RecipientType.CC)).isNull();
      assertThat(invite.subject()).startsWith("Invitation: Design review @ ")
          .contains("(Europe/Berlin)");
      assertThat(invite.text()).contains("Anna invites you to a meeting.",
          "Meeting: Design review", "When: ", "Organizer: Anna <" + anna.email() + ">",
          "Join: " + link, "Bring sketches");
      assertThat(invite.calendarType().getBaseType()).isEqualTo("text/calendar");
      assertThat(invite.calendarType().getParameter("method")).isEqualTo("REQUEST");
      assertThat(invite.calendarType().getParameter("charset")).isEqualToIgnoringCase("UTF-8");
      assertThat(invite.attachmentType().getBaseType()).isEqualTo("application/ics");
      assertThat(invite.attachmentName()).isEqualTo("invite.ics");
      assertThat(invite.attachedCalendar()).isEqualTo(invite.inlineCalendar());

      assertThat(invite.calendar().getRequiredProperty("VERSION").getValue()).isEqualTo("2.0");
      assertThat(invite.calendar().getRequiredProperty("PRODID").getValue()).contains("Convene");
      assertThat(invite.method()).isEqualTo("REQUEST");
      assertThat(invite.value("UID")).isEqualTo(event.id() + "@convene");
      assertThat(invite.value("SEQUENCE")).isEqualTo("0");
      assertThat(start(invite)).isEqualTo(event.start());
      assertThat(instant(invite, "DTEND")).isEqualTo(event.end());
      assertThat(invite.value("DTSTAMP")).isNotBlank();
      assertThat(invite.value("SUMMARY")).isEqualTo("Design review");
      assertThat(invite.value("DESCRIPTION")).contains("Bring sketches", link);
      assertThat(invite.value("STATUS")).isEqualTo("CONFIRMED");
      assertThat(invite.value("URL")).isEqualTo(link);
      assertThat(invite.value("LOCATION")).isEqualTo(link);
      Property organizer = invite.event().getRequiredProperty("ORGANIZER");
      assertThat(organizer.getValue()).isEqualTo("mailto:" + anna.email());
      assertThat(params(organizer)).containsExactly("CN=Anna");
      assertThat(invite.attendees()).extracting(Property::getValue)
          .containsExactly("mailto:" + carl.email(), "mailto:" + dora);
      assertThat(params(invite.attendees().get(0))).containsExactly("CN=Carl",
          "ROLE=REQ-PARTICIPANT", "PARTSTAT=NEEDS-ACTION", "RSVP=TRUE");
      assertThat(params(invite.attendees().get(1))).containsExactly(
          "ROLE=REQ-PARTICIPANT", "PARTSTAT=NEEDS-ACTION", "RSVP=TRUE");
    }
  }

  @Test
  void updateRaisesTheSequenceAndCancelsForRemovedAttendees() throws Exception {
    String dora = unique("dora");
    String erin = unique("erin");
    EventView event = schedule(Meeting.titled("Planning").inviting(carl.email(), dora)).event();
    inbox.await(2);
    inbox.clear();
    Instant later = event.start().plus(Duration.ofHours(2));

    EventView updated = api.put("events/" + event.id(), anna.token(),
        Meeting.titled("Planning, moved").at(later).inviting(carl.email(), erin).request())
        .as(EventView.class);

    Map<String, ReceivedInvite> mail = byRecipient(inbox.await(3));
    assertThat(mail.keySet()).containsExactlyInAnyOrder(carl.email(), dora, erin);
    assertThat(updated.sequence()).isEqualTo(1);
    for (ReceivedInvite invite : mail.values()) {
      assertThat(invite.value("UID")).isEqualTo(event.id() + "@convene");
      assertThat(invite.value("SEQUENCE")).isEqualTo("1");
      assertThat(start(invite)).isEqualTo(later);
    }
    ReceivedInvite toCarl = mail.get(carl.email());
    assertThat(toCarl.subject()).startsWith("Updated invitation: Planning, moved @ ");
    assertThat(toCarl.method()).isEqualTo("REQUEST");
    assertThat(toCarl.value("STATUS")).isEqualTo("CONFIRMED");
    assertThat(toCarl.attendees()).extracting(Property::getValue)
        .containsExactly("mailto:" + carl.email(), "mailto:" + erin);
    ReceivedInvite toErin = mail.get(erin);
    assertThat(toErin.subject()).startsWith("Invitation: Planning, moved @ ");
    assertThat(toErin.method()).isEqualTo("REQUEST");
    ReceivedInvite toDora = mail.get(dora);
    assertThat(toDora.subject()).startsWith("Cancelled: Planning, moved @ ");
    assertThat(toDora.method()).isEqualTo("CANCEL");
    assertThat(toDora.calendarType().getParameter("method")).isEqualTo("CANCEL");
    assertThat(toDora.value("STATUS")).isEqualTo("CANCELLED");
    assertThat(toDora.attendees()).extracting(Property::getValue).containsExactly("mailto:" + dora);
    assertThat(toDora.event().getProperties("URL")).isEmpty();
    assertThat(toDora.text()).contains("Anna removed you from this meeting.")
        .doesNotContain("convene://");
  }

  @Test
  void cancellingSendsCancelToEveryAttendee() throws Exception {
    String dora = unique("dora");
    EventView event = schedule(Meeting.titled("Retro").inviting(carl.email(), dora)).event();
    inbox.await(2);
    inbox.clear();

    assertThat(api.delete("events/" + event.id(), anna.token()).status()).isEqualTo(200);

    Map<String, ReceivedInvite> mail = byRecipient(inbox.await(2));
    assertThat(mail.keySet()).containsExactlyInAnyOrder(carl.email(), dora);
    for (ReceivedInvite invite : mail.values()) {
      assertThat(invite.subject()).startsWith("Cancelled: Retro @ ");
      assertThat(invite.method()).isEqualTo("CANCEL");
      assertThat(invite.value("STATUS")).isEqualTo("CANCELLED");
      assertThat(invite.value("UID")).isEqualTo(event.id() + "@convene");
      assertThat(invite.value("SEQUENCE")).isEqualTo("1");
      assertThat(invite.attendees()).hasSize(2);
      assertThat(invite.text()).contains("Anna cancelled this meeting.");
    }
  }

  @Test
  void recurringMeetingCarriesItsRuleInItsOwnTimeZone() throws Exception {
    schedule(Meeting.titled("Standup").weeklyUntil(2, LocalDate.of(2027, 3, 31))
        .inviting(carl.email()));

    ReceivedInvite invite = inbox.await(1).getFirst();

    assertThat(invite.value("RRULE"))
        .isEqualTo("FREQ=WEEKLY;UNTIL=20270331T215959Z;INTERVAL=2");
    Property dtStart = invite.event().getRequiredProperty("DTSTART");
    assertThat(dtStart.getRequiredParameter("TZID").getValue()).isEqualTo("Europe/Berlin");
    assertThat(dtStart.getValue()).isEqualTo(DatabaseServer.START.plus(Duration.ofHours(1))
        .atZone(ZoneId.of("Europe/Berlin")).toLocalDateTime().format(
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss"))); // the default start
    assertThat(invite.calendar().getComponents("VTIMEZONE")).hasSize(1);
    assertThat(invite.text()).contains("Repeats: every 2 weeks, until Mar 31, 2027");
  }

  @Test
  void googleMeetMeetingSendsNothing() throws Exception {
    schedule(Meeting.titled("Offsite").on(ServiceKind.GOOGLE_MEET).inviting(carl.email()));
    // The mailer works in order: once the next native invitation is in, nothing came before it.
    String sentinel = unique("sentinel");
    schedule(Meeting.titled("Sentinel").inviting(sentinel));

    List<ReceivedInvite> mail = inbox.await(1);

    assertThat(mail).hasSize(1);
    assertThat(mail.getFirst().to()).isEqualTo(sentinel);
  }

  @Test
  void ownersLanguagePreferenceWordsTheMail() throws Exception {
    api.put("preferences", anna.token(), new Preferences(ServiceKind.NATIVE,
        Map.of("language", "ru"))).as(Preferences.class);

    schedule(Meeting.titled("Обзор").inviting(carl.email()));

    ReceivedInvite invite = inbox.await(1).getFirst();
    assertThat(invite.subject()).startsWith("Приглашение: Обзор @ ");
    assertThat(invite.text()).contains("Anna приглашает вас на встречу.", "Встреча: Обзор");
    assertThat(invite.value("SUMMARY")).isEqualTo("Обзор");
  }

  @Test
  void injectedHeadersAndParametersGoNowhere() throws Exception {
    Api.Answer injected = api.post("meetings/schedule", anna.token(),
        Meeting.titled("Hi\r\nBcc: evil@example.com").inviting(carl.email()).schedule(null));
    assertThat(injected.status()).isEqualTo(400);

    String name = "Eve ;ROLE=CHAIR:\"mailto:evil@example.com\", x";
    String eve = unique("eve");
    Api.Answer registered = api.post("auth/register", null,
        new Registration(eve, "correct horse Eve", name));
    assertThat(registered.status()).isEqualTo(201);
    assertThat(registered.as(AuthSession.class).user().displayName()).isEqualTo(name);
    schedule(Meeting.titled("Q1: plan; budget, \"final\"").inviting(eve));

    List<ReceivedInvite> mail = inbox.await(1);
    assertThat(mail).hasSize(1);
    ReceivedInvite invite = mail.getFirst();
    assertThat(invite.message().getHeader("Bcc")).isNull();
    assertThat(invite.message().getAllRecipients()).hasSize(1);
    assertThat(((InternetAddress) invite.message().getRecipients(Message.RecipientType.TO)[0])
        .getPersonal()).isEqualTo(name);
    assertThat(invite.value("SUMMARY")).isEqualTo("Q1: plan; budget, \"final\"");
    assertThat(invite.attendees()).hasSize(1);
    Property attendee = invite.attendees().getFirst();
    assertThat(attendee.getValue()).isEqualTo("mailto:" + eve);
    assertThat(params(attendee)).containsExactly(
        "CN=Eve ;ROLE=CHAIR:'mailto:evil@example.com', x",
        "ROLE=REQ-PARTICIPANT", "PARTSTAT=NEEDS-ACTION", "RSVP=TRUE");
    assertThat(invite.event().getProperties("ORGANIZER")).hasSize(1);
    assertThat(inbox.received()).hasSize(1);
  }

  private ScheduleResult schedule(Meeting meeting) {
    Api.Answer answer = api.post("meetings/schedule", anna.token(), meeting.schedule(null));
    assertThat(answer.status()).as(answer.body()).isEqualTo(201);
    return answer.as(ScheduleResult.class);
  }

  private static Map<String, ReceivedInvite> byRecipient(List<ReceivedInvite> mail) {
    return mail.stream().collect(Collectors.toMap(ReceivedInvite::to,
        Function.identity()));
  }

  private static List<String> params(Property property) {
    return property.getParameterList().getAll().stream()
        .map(p -> p.getName() + "=" + p.getValue()).toList();
  }

  private static Instant start(ReceivedInvite invite) {
    return instant(invite, "DTSTART");
  }

  /** A DTSTART or DTEND as an instant, whether written in UTC or with a TZID. */
  private static Instant instant(ReceivedInvite invite, String name) {
    Property property = invite.event().getRequiredProperty(name);
    String value = property.getValue();
    if (value.endsWith("Z")) {
      return DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssX")
          .parse(value, Instant::from);
    }
    ZoneId zone = ZoneId.of(property.getRequiredParameter("TZID").getValue());
    return LocalDateTime.parse(value, DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss"))
        .atZone(zone).toInstant();
  }
}
