package app.convene.client.notify;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of the notification centre: a reminder, a notice from the server, or a message from
 * the app itself.
 *
 * @param id unique; the same id added twice is kept once
 * @param meetingKey the meeting occurrence it is about ({@code eventId@startMillis}), or {@code null}
 */
public record NotificationEntry(String id, Kind kind, String title, String text, Instant at,
    String meetingKey, boolean read) {

  /** What a notification is about; the centre shows an icon per kind. */
  public enum Kind { REMINDER, JOINED, INVITED, CHANGED, CANCELLED, INFO }

  public NotificationEntry {
    Objects.requireNonNull(id, "id == null");
    Objects.requireNonNull(kind, "kind == null");
    Objects.requireNonNull(title, "title == null");
    Objects.requireNonNull(at, "at == null");
    text = text == null ? "" : text;
  }

  NotificationEntry asRead() {
    return read ? this : new NotificationEntry(id, kind, title, text, at, meetingKey, true);
  }
}
