package app.convene.server.mail;

import static org.assertj.core.api.Assertions.assertThat;

import app.convene.protocol.api.AttendeeView;
import app.convene.protocol.api.EventStatus;
import app.convene.protocol.api.EventView;
import app.convene.protocol.api.ServiceKind;
import app.convene.protocol.api.UserView;
import jakarta.mail.Header;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.Property;
import org.junit.jupiter.api.Test;

/**
 * What users type cannot reach the message as a header or the iCalendar object as a property or
 * parameter, even when it gets past the API's checks (which already refuse control characters in
 * titles and names). The message is written to bytes and read back as a mail client would.
 */
class InviteMessageTest {
  private static final String EVIL = "evil@example.com";
  private static final Instant START = Instant.parse("2026-12-01T09:00:00Z");

  private final Session session = Session.getInstance(new Properties());

  @Test
  void lineBreaksInTitleAndNamesAddNoHeaders() throws Exception {
    EventView meeting = meeting("Hi\r\nBcc: " + EVIL, "Anna\r\nBcc: " + EVIL,
        new AttendeeView("eve@example.org", "Eve\r\nCc: " + EVIL));
    Invitation invitation = new Invitation("Invitation: " + meeting.title(), "text",
        new InviteCalendar().write(InviteKind.INVITATION, meeting, meeting.attendees(), "", null),
        "REQUEST");

    MimeMessage received = roundTrip(InviteMessage.build(session,
        new InternetAddress("convene@example.org"), meeting.owner(), meeting.attendees().getFirst(),
        invitation, START));

    assertThat(Collections.list(received.getAllHeaders())).extracting(Header::getName)
        .containsExactlyInAnyOrder("From", "Reply-To", "To", "Subject", "Date", "Message-ID",
            "MIME-Version", "Content-Type");
    assertThat(received.getHeader("Bcc")).isNull();
    assertThat(received.getHeader("Cc")).isNull();
    assertThat(received.getAllRecipients()).hasSize(1);
    assertThat(received.getSubject()).isEqualTo("Invitation: Hi Bcc: " + EVIL);
    assertThat(((InternetAddress) received.getRecipients(Message.RecipientType.TO)[0])
        .getPersonal()).isEqualTo("Eve Cc: " + EVIL);
    assertThat(((InternetAddress) received.getReplyTo()[0]).getPersonal())
        .isEqualTo("Anna Bcc: " + EVIL);
  }

  @Test
  void lineBreaksAndSeparatorsStayInsideTheirPropertyAndParameter() {
    EventView meeting = meeting("Hi\r\nBEGIN:VEVENT\r\nUID:other", "Anna\";ROLE=CHAIR:x",
        new AttendeeView("eve@example.org", "Eve\r\n;ROLE=CHAIR:mailto:" + EVIL),
        new AttendeeView("carl@example.org", "Carl\nATTENDEE:mailto:" + EVIL));
    String description = "Agenda\r\nEND:VEVENT\r\nBEGIN:VEVENT\rUID:other\n;x=y";

    String ics = new InviteCalendar().write(InviteKind.INVITATION, meeting, meeting.attendees(),
        description, "convene://join/" + meeting.roomId());
    var calendar = ReceivedInvite.calendar(ics);

    List<VEvent> events = calendar.getComponents("VEVENT");
    assertThat(events).hasSize(1);
    VEvent event = events.getFirst();
    assertThat(event.<Property>getProperties("UID")).extracting(Property::getValue)
        .containsExactly(meeting.id() + "@convene");
    assertThat(event.<Property>getProperties("SUMMARY")).extracting(Property::getValue)
        .containsExactly("Hi BEGIN:VEVENT UID:other");
    assertThat(event.<Property>getProperties("DESCRIPTION")).extracting(Property::getValue)
        .containsExactly("Agenda\nEND:VEVENT\nBEGIN:VEVENT\nUID:other\n;x=y");
    Property organizer = event.getRequiredProperty("ORGANIZER");
    assertThat(params(organizer)).containsExactly("CN=Anna';ROLE=CHAIR:x");
    List<Property> attendees = event.getProperties("ATTENDEE");
    assertThat(attendees).extracting(Property::getValue)
        .containsExactly("mailto:eve@example.org", "mailto:carl@example.org");
    assertThat(params(attendees.get(0))).containsExactly("CN=Eve ;ROLE=CHAIR:mailto:" + EVIL,
        "ROLE=REQ-PARTICIPANT", "PARTSTAT=NEEDS-ACTION", "RSVP=TRUE");
    assertThat(params(attendees.get(1))).containsExactly("CN=Carl ATTENDEE:mailto:" + EVIL,
        "ROLE=REQ-PARTICIPANT", "PARTSTAT=NEEDS-ACTION", "RSVP=TRUE");
    assertThat(ics.lines().filter(line -> line.startsWith("ATTENDEE") || line.startsWith("UID")))
        .hasSize(3);
  }

  private static MimeMessage roundTrip(MimeMessage message) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    message.writeTo(bytes);
    return new MimeMessage(Session.getInstance(new Properties()),
        new ByteArrayInputStream(bytes.toByteArray()));
  }

  private static EventView meeting(String title, String ownerName, AttendeeView... attendees) {
    UserView owner = new UserView(UUID.randomUUID().toString(), "anna@example.org", ownerName);
    return new EventView(UUID.randomUUID().toString(), title, null, START,
        START.plusSeconds(1800), "Europe/Berlin", owner, List.of(attendees), ServiceKind.NATIVE,
        UUID.randomUUID().toString(), null, EventStatus.SCHEDULED, null, 0, START);
  }

  private static List<String> params(Property property) {
    return property.getParameterList().getAll().stream()
        .map(p -> p.getName() + "=" + p.getValue()).toList();
  }
}
