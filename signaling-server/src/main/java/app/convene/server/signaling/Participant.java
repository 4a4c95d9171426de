package app.convene.server.signaling;

import app.convene.protocol.ErrorCode;
import app.convene.protocol.ErrorMessage;
import app.convene.protocol.Join;
import app.convene.protocol.Joined;
import app.convene.protocol.Leave;
import app.convene.protocol.Notice;
import app.convene.protocol.PeerJoined;
import app.convene.protocol.PeerLeft;
import app.convene.protocol.ProtocolVersion;
import app.convene.protocol.Removed;
import app.convene.protocol.SignalCodec;
import app.convene.protocol.SignalMessage;
import app.convene.protocol.View;
import app.convene.server.http.Caller;
import app.convene.server.rooms.Member;
import app.convene.server.rooms.Room;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one connection does in rooms: join (or resume a {@link Seat}; the admission is {@link
 * Joining}'s), leave, relay to a room-mate, and step away when the connection ends. Every message
 * a client may send is dispatched here, and every refusal is a typed error to the client.
 *
 * <p>A dropped connection does not leave its room at once: its seat is held for the resume grace
 * ({@link SignalingService#holdSeat}), and a connection that joins with the participant's resume
 * token takes the seat over with the same peer id, unnoticed by the others (see {@link
 * ResumeJoin}).
 *
 * <p>Threads: {@link #handle} runs on the connection's Jetty thread, {@link #detach} on any thread.
 * The room this participant is in is guarded by {@code lock}; membership notices are enqueued
 * while it is held, so that every member sees {@code peer-joined} and {@code peer-left} of a peer
 * in that order. Enqueueing never runs other connections' code on the caller's thread (see {@link
 * OutgoingQueue}), so holding the lock there is safe.
 */
final class Participant {
  private static final Logger log = LoggerFactory.getLogger(Participant.class);

  private final Caller caller;
  private final SignalingService service;
  private final Consumer<SignalMessage> outbox;
  private final Consumer<SignalMessage> seatOutbox = this::fromRoom;
  // The protocol version of this connection's last accepted join; an older client does not know
  // every relayed type (View since 3).
  private volatile int protocol = ProtocolVersion.CURRENT;
  private final Runnable closeSocket;
  private final Joining joining;
  private final Object lock = new Object();
  private String peerId; // guarded by lock; the socket's own until a resume adopts another
  private Room room; // guarded by lock
  private Seat seat; // guarded by lock; set with room
  private boolean detached; // guarded by lock; the connection is ending and takes no more part

  /**
   * @param peerId the peer id this connection was given when it opened
   * @param outbox queues messages for this participant's client; returns at once
   * @param closeSocket closes this connection, once another connection resumed its seat; returns
   *     at once
   */
  Participant(String peerId, Caller caller, SignalingService service,
      Consumer<SignalMessage> outbox, Runnable closeSocket) {
    this.peerId = Objects.requireNonNull(peerId, "peerId == null");
    this.caller = Objects.requireNonNull(caller, "caller == null");
    this.service = Objects.requireNonNull(service, "service == null");
    this.outbox = Objects.requireNonNull(outbox, "outbox == null");
    this.closeSocket = Objects.requireNonNull(closeSocket, "closeSocket == null");
    this.joining = new Joining(this, service);
  }

  /** Handles one message from the client. */
  void handle(SignalMessage message) {
    switch (message) {
      case Join join -> join(join);
      case Leave _ -> leave();
      case SignalMessage.Relayed relayed -> relay(relayed);
      case Joined _, PeerJoined _, PeerLeft _, ErrorMessage _, Notice _, Removed _ -> {
        String type = SignalCodec.typeOf(message);
        error(ErrorCode.INVALID_FIELD, "'" + type + "' is sent by the server only", type);
      }
    }
  }

  /**
   * The connection ends. {@link PeerLeft.Reason#LEFT} leaves the room for good at once; any other
   * reason holds the seat for the resume grace (or leaves at once when the grace is zero).
   */
  void detach(PeerLeft.Reason reason) {
    Seat away;
    long departure;
    synchronized (lock) {
      if (detached) {
        return;
      }
      detached = true;
      if (room == null) {
        return;
      }
      if (reason == PeerLeft.Reason.LEFT || service.config().resumeGrace().isZero()) {
        leaveRoom(reason);
        return;
      }
      away = seat;
      departure = away.away(this);
      room = null;
      seat = null;
    }
    if (departure >= 0) {
      log.atInfo()
          .addKeyValue("roomId", away.room().id())
          .addKeyValue("peer", away.peerId())
          .addKeyValue("graceMillis", service.config().resumeGrace().toMillis())
          .log("peer away; its seat is held");
      service.holdSeat(away, departure);
    }
  }

  /**
   * Takes this participant out of its room if it still holds {@code target}: the client hears
   * {@code removed} with the reason, the others {@code peer-left} {@link PeerLeft.Reason#LEFT}.
   * The connection stays open. Any thread, holding no lock.
   *
   * @return false when this participant no longer holds that seat
   */
  boolean eject(Seat target, Removed.Reason reason) {
    synchronized (lock) {
      if (detached || room == null || seat != target) {
        return false;
      }
      outbox.accept(new Removed(room.id(), reason));
      log.atInfo()
          .addKeyValue("roomId", room.id())
          .addKeyValue("peer", peerId)
          .addKeyValue("reason", reason)
          .log("peer removed from the call");
      leaveRoom(PeerLeft.Reason.LEFT);
      return true;
    }
  }

  /** Another connection resumed this one's seat: take no more part, close the socket. */
  void letGo() {
    synchronized (lock) {
      if (detached) {
        return;
      }
      detached = true;
      room = null;
      seat = null;
    }
    closeSocket.run();
  }

  /** The id of the room this participant is in, or {@code null}. Any thread. */
  String roomId() {
    synchronized (lock) {
      return room == null ? null : room.id();
    }
  }

  boolean isDetached() {
    synchronized (lock) {
      return detached;
    }
  }

  /** Sends the client a typed error. */
  void error(ErrorCode code, String message, String ref) {
    log.atDebug()
        .addKeyValue("peer", peerId())
        .addKeyValue("code", code)
        .addKeyValue("ref", ref)
        .addKeyValue("detail", message)
        .log("error sent");
    outbox.accept(new ErrorMessage(code, message, ref));
  }

  Caller caller() {
    return caller;
  }

  /**
   * Where the room's messages for this connection go: its client's queue, without the relayed
   * types that the protocol version it joined with does not know.
   */
  Consumer<SignalMessage> outbox() {
    return seatOutbox;
  }

  private void fromRoom(SignalMessage message) {
    if (message instanceof View && !ProtocolVersion.hearsViews(protocol)) {
      return;
    }
    outbox.accept(message);
  }

  private String peerId() {
    synchronized (lock) {
      return peerId;
    }
  }

  private void join(Join join) {
    Optional<Joining.Ticket> ticket = joining.check(join);
    if (ticket.isEmpty()) {
      return;
    }
    protocol = join.protocol();
    Participant previous = null;
    synchronized (lock) {
      if (refusedAsAlreadyInRoom()) {
        return;
      }
      if (join.resume() != null) {
        previous = joining.resume(join.resume(), ticket.get());
      } else {
        joining.seat(peerId, ticket.get());
      }
    }
    if (previous != null) {
      previous.letGo();
    }
  }

  /** Holds {@code lock}: the room admitted this participant's seat (see {@link Joining}). */
  void seated(Seat mine, Room in) {
    peerId = mine.peerId();
    room = in;
    seat = mine;
  }

  /** Holds {@code lock}: this connection took over a held seat (see {@link ResumeJoin}). */
  void seatedAgain(Seat held) {
    seated(held, held.room());
    log.atInfo()
        .addKeyValue("roomId", room.id())
        .addKeyValue("peer", peerId)
        .addKeyValue("user", caller.id())
        .log("peer resumed");
  }

  /** True, after telling the client, when this connection is in a room or ending. */
  boolean refusedAsAlreadyInRoom() {
    synchronized (lock) {
      if (detached) {
        return true;
      }
      if (room != null) {
        error(
            ErrorCode.ALREADY_IN_ROOM,
            "already in room '" + room.id() + "'; send 'leave' first",
            "join");
        return true;
      }
      return false;
    }
  }

  private void leave() {
    synchronized (lock) {
      if (room == null) {
        error(ErrorCode.NOT_IN_ROOM, "not in a room", "leave");
        return;
      }
      leaveRoom(PeerLeft.Reason.LEFT);
    }
  }

  /** Holds {@code lock}. */
  private void leaveRoom(PeerLeft.Reason reason) {
    Room left = room;
    room = null;
    seat.leave();
    service.seats().remove(peerId, seat);
    seat = null;
    PeerLeft notice = new PeerLeft(peerId, reason);
    service.rooms().leave(left, peerId).forEach(other -> other.send(notice));
    log.atInfo()
        .addKeyValue("roomId", left.id())
        .addKeyValue("peer", peerId)
        .addKeyValue("reason", reason)
        .log(reason == PeerLeft.Reason.LEFT ? "peer left" : "peer disconnected");
  }

  private void relay(SignalMessage.Relayed message) {
    String type = SignalCodec.typeOf(message);
    Room current;
    String me;
    synchronized (lock) {
      current = room;
      me = peerId;
    }
    if (current == null) {
      error(ErrorCode.NOT_IN_ROOM, "join a room before sending '" + type + "'", type);
      return;
    }
    if (message.to().equals(me)) {
      error(ErrorCode.INVALID_FIELD, "'to' is this connection's own peer id", type);
      return;
    }
    Optional<Member> target = current.member(message.to());
    if (target.isEmpty()) {
      error(
          ErrorCode.UNKNOWN_PEER,
          "no peer '" + message.to() + "' in room '" + current.id() + "'",
          type);
      return;
    }
    // A member whose socket is away gets nothing: its seat drops the message.
    target.get().send(message.withFrom(me));
  }
}
