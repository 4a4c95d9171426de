package app.convene.server.signaling;

import app.convene.protocol.SignalMessage;
import app.convene.server.rooms.Room;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * One participant's place in a room's call, which outlives its socket: while the socket is away
 * (dropped, or the server restarted), the place is held for the resume grace, messages for it are
 * dropped, and a connection that resumes with the participant's token takes it over without the
 * others hearing of it.
 *
 * <p>Thread-safe. State changes hold this seat's monitor; {@link #deliver} reads a volatile field
 * and may be called from any thread, also while the caller holds room or participant locks. No
 * method calls out while holding the monitor.
 */
final class Seat {
  private final String peerId;
  private final UUID userId;
  private final boolean returned;
  private volatile Room room; // set once, when the room admitted the participant
  private volatile Consumer<SignalMessage> outbox; // null while away
  private Participant holder; // guarded by this; null while away
  private long generation; // guarded by this; counts departures
  private boolean gone; // guarded by this: expired or left for good

  /**
   * @param returned whether the participant came back into a room this server rebuilt after a
   *     restart: its room-mates that also came back know it already
   */
  Seat(String peerId, UUID userId, boolean returned) {
    this.peerId = Objects.requireNonNull(peerId, "peerId == null");
    this.userId = Objects.requireNonNull(userId, "userId == null");
    this.returned = returned;
  }

  /** The room admitted the participant; called once, while the room is locked. */
  void seated(Room room) {
    this.room = Objects.requireNonNull(room, "room == null");
  }

  String peerId() {
    return peerId;
  }

  UUID userId() {
    return userId;
  }

  /** The room, or {@code null} before the participant was admitted. */
  Room room() {
    return room;
  }

  boolean returned() {
    return returned;
  }

  /** Hands the message to the connection that holds this seat; dropped while it is away. */
  void deliver(SignalMessage message) {
    Consumer<SignalMessage> current = outbox;
    if (current != null) {
      current.accept(message);
    }
  }

  /**
   * Gives the seat to a connection. {@code first}, when not null, is queued on {@code outbox} under
   * this seat's monitor before anything else can be delivered there (queueing returns at once).
   *
   * @return the connection that held it until now (to be let go of), or {@code null}
   * @throws IllegalStateException when the seat is gone (see {@link #isGone})
   */
  synchronized Participant attach(
      Participant participant, Consumer<SignalMessage> outbox, SignalMessage first) {
    if (gone) {
      throw new IllegalStateException(peerId + " gave up its seat");
    }
    if (first != null) {
      outbox.accept(first);
    }
    Participant previous = holder;
    holder = participant;
    this.outbox = outbox;
    generation++;
    return previous;
  }

  /**
   * The holder's socket ended: the seat is away from now on, unless another connection holds it
   * already.
   *
   * @return the departure's number, for {@link #expireIfStillAway}; -1 if {@code participant} did
   *     not hold the seat
   */
  synchronized long away(Participant participant) {
    if (holder != participant || gone) {
      return -1;
    }
    holder = null;
    outbox = null;
    return ++generation;
  }

  /** Gives the seat up if nobody took it since departure {@code departure}; true if it did. */
  synchronized boolean expireIfStillAway(long departure) {
    if (gone || generation != departure || holder != null) {
      return false;
    }
    gone = true;
    return true;
  }

  /** The participant left for good. */
  synchronized void leave() {
    gone = true;
    holder = null;
    outbox = null;
  }

  /** The connection that holds the seat now, or {@code null} while it is away or gone. */
  synchronized Participant holder() {
    return holder;
  }

  /**
   * Gives the seat up now if its socket is away (a host removed the participant meanwhile); a
   * later resume is then refused. True if it did.
   */
  synchronized boolean giveUpIfAway() {
    if (gone || holder != null) {
      return false;
    }
    gone = true;
    outbox = null;
    return true;
  }

  synchronized boolean isGone() {
    return gone;
  }
}
