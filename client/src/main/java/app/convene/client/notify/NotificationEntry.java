package app.convene.client.notify;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * One line of the notification centre: a reminder, a notice from the server, or a message from
 * the app itself.
 *
 * <p>{@code title} and {@code text} are the words as they were first shown; an entry made by this
 * version also keeps them as {@link Phrase}s, which {@link #title(ZoneId)} and {@link
 * #text(ZoneId)} show in the language of the moment (the history is stored, and the user may
 * switch languages). An entry stored by an earlier version has only the words.
 *
 * @param id unique; the same id added twice is kept once
 * @param meetingKey the meeting occurrence it is about ({@code eventId@startMillis}), or {@code null}
 * @param titlePhrase the title as a phrase, or null
 * @param textPhrase the text as a phrase, or null
 */
public record NotificationEntry(String id, Kind kind, String title, String text, Instant at,
    String meetingKey, boolean read, Phrase titlePhrase, Phrase textPhrase) {

  /** What a notification is about; the centre shows an icon per kind. */
  public enum Kind { REMINDER, JOINED, INVITED, CHANGED, CANCELLED, INFO }

  public NotificationEntry {
    Objects.requireNonNull(id, "id == null");
    Objects.requireNonNull(kind, "kind == null");
    Objects.requireNonNull(title, "title == null");
    Objects.requireNonNull(at, "at == null");
    text = text == null ? "" : text;
  }

  /** An entry in fixed words (tests, and what needs no translation). */
  public NotificationEntry(String id, Kind kind, String title, String text, Instant at,
      String meetingKey, boolean read) {
    this(id, kind, title, text, at, meetingKey, read, null, null);
  }

  /** An entry in phrases, its words rendered now in {@code zone}. */
  public static NotificationEntry of(String id, Kind kind, Phrase title, Phrase text, Instant at,
      String meetingKey, ZoneId zone) {
    return new NotificationEntry(id, kind, title.render(zone),
        text == null ? "" : text.render(zone), at, meetingKey, false, title, text);
  }

  /** The title in the app's language now. */
  public String title(ZoneId zone) {
    return titlePhrase == null ? title : titlePhrase.render(zone);
  }

  /** The text in the app's language now. */
  public String text(ZoneId zone) {
    return textPhrase == null ? text : textPhrase.render(zone);
  }

  NotificationEntry asRead() {
    return read ? this
        : new NotificationEntry(id, kind, title, text, at, meetingKey, true, titlePhrase,
            textPhrase);
  }
}
