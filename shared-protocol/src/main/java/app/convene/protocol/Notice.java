package app.convene.protocol;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * Server to client: something the signed-in user should hear about now, sent to every open socket
 * of that user, whether or not it is in a room. A client must never send one (the server answers
 * {@link ErrorCode#INVALID_FIELD}). Calls ignore notices; the desktop shows them as pop-ups.
 *
 * <p>Which fields are set depends on the kind (absent fields are omitted on the wire):
 *
 * <table>
 *   <caption>fields by kind</caption>
 *   <tr><th>kind</th><th>eventId</th><th>roomId</th><th>title</th><th>occurrenceStart</th>
 *       <th>minutes</th><th>actor</th></tr>
 *   <tr><td>STARTING_SOON</td><td>yes</td><td>native meetings</td><td>meeting</td>
 *       <td>the occurrence's start</td><td>yes</td><td>no</td></tr>
 *   <tr><td>PARTICIPANT_JOINED</td><td>if the room has a meeting</td><td>yes</td>
 *       <td>meeting, else room name</td><td>no</td><td>no</td><td>the joiner's display name</td></tr>
 *   <tr><td>INVITED, CHANGED, CANCELLED</td><td>yes</td><td>native meetings</td><td>meeting</td>
 *       <td>the meeting's (first) start</td><td>no</td><td>the owner's display name</td></tr>
 * </table>
 *
 * @param id unique for what it tells, and the same on every socket it is sent to, so a client
 *     shows it once; for STARTING_SOON it is {@code starting:<eventId>@<startEpochMillis>}
 * @param kind what happened
 * @param at when the server made the notice
 * @param eventId the meeting it is about
 * @param roomId the video room it is about
 * @param title the meeting's title, or the room's name for a room without a meeting
 * @param occurrenceStart the start of the occurrence (see above); with {@code eventId} it matches a
 *     client's own reminder keyed {@link #occurrenceKey()}
 * @param minutes for STARTING_SOON: whole minutes until the start, rounded up; 0 is "now"
 * @param actor the display name of who caused it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Notice(
    String id,
    Kind kind,
    Instant at,
    String eventId,
    String roomId,
    String title,
    Instant occurrenceStart,
    Integer minutes,
    String actor)
    implements SignalMessage {
  public Notice {
    Fields.required(id, "id");
    Fields.required(kind, "kind");
    Fields.required(at, "at");
  }

  /** What a notice tells. */
  public enum Kind {
    /** A meeting of yours starts within the server's reminder lead. */
    STARTING_SOON,
    /** Someone joined the room of a meeting you own (or a room you host) while you are not in it. */
    PARTICIPANT_JOINED,
    /** You were invited to a meeting (or added to its attendees). */
    INVITED,
    /** A meeting you attend was changed by its owner. */
    CHANGED,
    /** A meeting you attend was cancelled, or you were removed from its attendees. */
    CANCELLED
  }

  /**
   * {@code eventId@occurrenceStartEpochMillis}, the key a client's reminders use for one
   * occurrence; {@code null} without an event or a start.
   */
  @JsonIgnore
  public String occurrenceKey() {
    return eventId == null || occurrenceStart == null ? null
        : eventId + "@" + occurrenceStart.toEpochMilli();
  }
}
