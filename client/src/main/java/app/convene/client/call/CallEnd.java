package app.convene.client.call;

import app.convene.protocol.Removed;
import java.util.Objects;

/**
 * Why a call {@linkplain CallState#ENDED ended}: one of four cases, each with what it needs to be
 * told to the user. {@link #describe()} is the English sentence for logs and the headless summary;
 * a window says it in the user's language from the case.
 */
public sealed interface CallEnd {
  /** English, for logs and the headless summary. */
  String describe();

  /** We hung up (or the app closed the call). */
  record Left() implements CallEnd {
    @Override
    public String describe() {
      return "You left the call";
    }
  }

  /**
   * The server took us out of the room: the host removed us or ended the meeting, the meeting was
   * cancelled, or we are no longer one of its attendees.
   */
  record Removal(Removed.Reason reason) implements CallEnd {
    public Removal {
      Objects.requireNonNull(reason, "reason == null");
    }

    @Override
    public String describe() {
      return switch (reason) {
        case REMOVED_BY_HOST -> "the host removed you from the call";
        case ENDED_BY_HOST -> "the host ended the meeting for everyone";
        case UNINVITED -> "you were removed from the meeting's attendees";
        case MEETING_CANCELLED -> "the meeting was cancelled";
      };
    }
  }

  /** While we were away the server stopped having us (e.g. the room is gone): its message. */
  record Refused(String message) implements CallEnd {
    public Refused {
      Objects.requireNonNull(message, "message == null");
    }

    @Override
    public String describe() {
      return message;
    }
  }

  /** The signaling connection failed or closed before the server admitted us. */
  record Lost(String reason) implements CallEnd {
    public Lost {
      Objects.requireNonNull(reason, "reason == null");
    }

    @Override
    public String describe() {
      return reason;
    }
  }
}
