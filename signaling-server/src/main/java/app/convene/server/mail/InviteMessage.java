package app.convene.server.mail;

import app.convene.protocol.api.AttendeeView;
import app.convene.protocol.api.UserView;
import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;

/**
 * Builds the e-mail of an {@link Invitation} to one recipient, shaped the way Gmail and Outlook
 * show an invitation with accept and decline:
 *
 * <pre>
 * multipart/mixed
 *   multipart/alternative
 *     text/plain; charset=UTF-8                    the text
 *     text/calendar; method=REQUEST; charset=UTF-8 the iCalendar object, inline
 *   application/ics; name="invite.ics"             the same object as an attachment
 * </pre>
 *
 * <p>Every header value built from what users typed (subject, display names) is reduced to one
 * line first, since Jakarta Mail does not remove CR or LF from a subject or a quoted name. From is
 * the configured sender; Reply-To is the meeting's owner. Stateless.
 */
final class InviteMessage {
  static final String ATTACHMENT_NAME = "invite.ics";

  private InviteMessage() {}

  static MimeMessage build(Session session, InternetAddress from, UserView owner,
      AttendeeView recipient, Invitation invitation, Instant now) throws MessagingException {
    MimeMessage message = new MimeMessage(session);
    message.setFrom(from);
    message.setReplyTo(new InternetAddress[] {address(owner.email(), owner.displayName())});
    message.setRecipient(Message.RecipientType.TO,
        address(recipient.email(), recipient.displayName()));
    message.setSubject(SafeText.oneLine(invitation.subject()), "UTF-8");
    message.setSentDate(Date.from(now));

    byte[] calendar = invitation.calendar().getBytes(StandardCharsets.UTF_8);
    MimeBodyPart text = new MimeBodyPart();
    text.setText(invitation.text(), "UTF-8");
    MimeBodyPart inline = new MimeBodyPart();
    inline.setDataHandler(new DataHandler(new ByteArrayDataSource(calendar,
        "text/calendar; method=" + invitation.method() + "; charset=UTF-8")));
    MimeMultipart alternative = new MimeMultipart("alternative", text, inline);
    MimeBodyPart body = new MimeBodyPart();
    body.setContent(alternative);

    MimeBodyPart attachment = new MimeBodyPart();
    attachment.setDataHandler(new DataHandler(new ByteArrayDataSource(calendar,
        "application/ics; name=\"" + ATTACHMENT_NAME + "\"")));
    attachment.setDisposition(Part.ATTACHMENT);
    attachment.setFileName(ATTACHMENT_NAME);

    message.setContent(new MimeMultipart("mixed", body, attachment));
    message.saveChanges();
    return message;
  }

  private static InternetAddress address(String email, String name) {
    String personal = SafeText.oneLine(name);
    try {
      return new InternetAddress(SafeText.oneLine(email), personal.isEmpty() ? null : personal,
          "UTF-8");
    } catch (UnsupportedEncodingException e) {
      throw new IllegalStateException("UTF-8 is always supported", e);
    }
  }
}
