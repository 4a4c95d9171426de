package app.convene.server.calendar;

import app.convene.protocol.api.EventView;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Told about every meeting that its owner creates, changes or cancels, after the change is
 * committed: invitation e-mail and pushes to connected users listen here.
 *
 * <p>Threads: called on the thread that served the request, after its transaction committed. A
 * listener must return quickly (hand slow work such as SMTP to its own executor) and must not
 * throw; {@link #all} logs and swallows what one does throw, so the request still succeeds.
 */
public interface MeetingChanges {
  /** Nobody listens. */
  MeetingChanges NONE = new MeetingChanges() {};

  /** A new meeting (with its room, for a native one). */
  default void created(EventView meeting) {}

  /**
   * The owner changed a meeting.
   *
   * @param before as it was, e.g. to tell attendees who were removed
   */
  default void updated(EventView before, EventView after) {}

  /** The owner cancelled a meeting (not called when it was already cancelled). */
  default void cancelled(EventView meeting) {}

  /** Tells each listener in order; one that throws does not stop the others. */
  static MeetingChanges all(List<MeetingChanges> listeners) {
    List<MeetingChanges> copy = List.copyOf(listeners);
    Logger log = LoggerFactory.getLogger(MeetingChanges.class);
    return new MeetingChanges() {
      @Override
      public void created(EventView meeting) {
        each(l -> l.created(meeting));
      }

      @Override
      public void updated(EventView before, EventView after) {
        each(l -> l.updated(before, after));
      }

      @Override
      public void cancelled(EventView meeting) {
        each(l -> l.cancelled(meeting));
      }

      private void each(java.util.function.Consumer<MeetingChanges> call) {
        for (MeetingChanges listener : copy) {
          try {
            call.accept(Objects.requireNonNull(listener, "listener == null"));
          } catch (RuntimeException e) {
            log.atWarn().setCause(e).log("a meeting-change listener failed");
          }
        }
      }
    };
  }
}
