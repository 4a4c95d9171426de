package app.convene.client.google;

import app.convene.protocol.api.AttendeeView;
import app.convene.protocol.api.EventView;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * What the scheduling dialog fills in for a Google Meet meeting.
 *
 * @param timeZone an IANA zone id such as {@code Europe/Berlin}, shown by Google to attendees
 * @param attendees e-mail addresses; Google e-mails each an invitation
 */
public record MeetingDraft(
    String title,
    String description,
    Instant start,
    Instant end,
    String timeZone,
    List<String> attendees) {
  public MeetingDraft {
    Objects.requireNonNull(title, "title == null");
    Objects.requireNonNull(start, "start == null");
    Objects.requireNonNull(end, "end == null");
    Objects.requireNonNull(timeZone, "timeZone == null");
    ZoneId.of(timeZone); // throws for an unknown zone
    attendees = List.copyOf(Objects.requireNonNull(attendees, "attendees == null"));
    if (!end.isAfter(start)) {
      throw new IllegalArgumentException("end must be after start: " + start + " .. " + end);
    }
    for (String email : attendees) {
      if (email.isBlank() || !email.contains("@")) {
        throw new IllegalArgumentException("not an e-mail address: '" + email + "'");
      }
    }
  }

  /** A native meeting of our server, to move it to Google Meet. */
  public static MeetingDraft of(EventView meeting) {
    Objects.requireNonNull(meeting, "meeting == null");
    return new MeetingDraft(
        meeting.title(),
        meeting.description(),
        meeting.start(),
        meeting.end(),
        meeting.timeZone() == null ? ZoneId.systemDefault().getId() : meeting.timeZone(),
        meeting.attendees() == null
            ? List.of()
            : meeting.attendees().stream().map(AttendeeView::email).toList());
  }
}
