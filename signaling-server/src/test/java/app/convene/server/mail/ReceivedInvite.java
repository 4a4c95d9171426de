package app.convene.server.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;

/**
 * A received invitation taken apart the way a mail client does: the MIME tree (asserted to be
 * multipart/mixed of multipart/alternative [text/plain, text/calendar] and an invite.ics
 * attachment), the text, and the iCalendar object parsed by ical4j.
 */
record ReceivedInvite(MimeMessage message, String text, ContentType calendarType,
    String inlineCalendar, ContentType attachmentType, String attachmentName,
    String attachedCalendar, Calendar calendar) {

  static ReceivedInvite parse(MimeMessage message) {
    try {
      assertThat(message.getContentType()).startsWith("multipart/mixed");
      MimeMultipart mixed = (MimeMultipart) message.getContent();
      assertThat(mixed.getCount()).isEqualTo(2);
      BodyPart body = mixed.getBodyPart(0);
      assertThat(body.getContentType()).startsWith("multipart/alternative");
      MimeMultipart alternative = (MimeMultipart) body.getContent();
      assertThat(alternative.getCount()).isEqualTo(2);
      BodyPart text = alternative.getBodyPart(0);
      assertThat(new ContentType(text.getContentType()).getBaseType()).isEqualTo("text/plain");
      BodyPart inline = alternative.getBodyPart(1);
      ContentType calendarType = new ContentType(inline.getContentType());
      assertThat(inline.getDisposition()).isNotEqualTo(Part.ATTACHMENT);
      BodyPart attachment = mixed.getBodyPart(1);
      assertThat(attachment.getDisposition()).isEqualTo(Part.ATTACHMENT);
      String inlineCalendar = read(inline);
      return new ReceivedInvite(message, read(text), calendarType, inlineCalendar,
          new ContentType(attachment.getContentType()), attachment.getFileName(),
          read(attachment), calendar(inlineCalendar));
    } catch (MessagingException | IOException e) {
      throw new AssertionError("not a readable invitation", e);
    }
  }

  static Calendar calendar(String text) {
    try {
      return new CalendarBuilder().build(new StringReader(text));
    } catch (IOException | ParserException e) {
      throw new AssertionError("not an iCalendar object: " + text, e);
    }
  }

  /** The one address the message is to. */
  String to() {
    try {
      assertThat(message.getRecipients(Message.RecipientType.TO)).hasSize(1);
      return ((InternetAddress) message.getRecipients(Message.RecipientType.TO)[0]).getAddress();
    } catch (MessagingException e) {
      throw new AssertionError(e);
    }
  }

  String subject() {
    try {
      return message.getSubject();
    } catch (MessagingException e) {
      throw new AssertionError(e);
    }
  }

  String method() {
    return calendar.getRequiredProperty("METHOD").getValue();
  }

  VEvent event() {
    List<VEvent> events = calendar.getComponents("VEVENT");
    assertThat(events).hasSize(1);
    return events.getFirst();
  }

  /** The value of the event's property, which must occur once. */
  String value(String property) {
    List<Property> found = event().getProperties(property);
    assertThat(found).as(property).hasSize(1);
    return found.getFirst().getValue();
  }

  List<Property> attendees() {
    return event().getProperties("ATTENDEE");
  }

  private static String read(Part part) throws MessagingException, IOException {
    try (InputStream in = part.getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
