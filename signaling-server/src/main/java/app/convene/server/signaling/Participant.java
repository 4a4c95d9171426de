package app.convene.server.signaling;

import app.convene.protocol.ErrorCode;
import app.convene.protocol.ErrorMessage;
import app.convene.protocol.Join;
import app.convene.protocol.Joined;
import app.convene.protocol.Leave;
import app.convene.protocol.Notice;
import app.convene.protocol.Peer;
import app.convene.protocol.PeerJoined;
import app.convene.protocol.PeerLeft;
import app.convene.protocol.ProtocolVersion;
import app.convene.protocol.SignalMessage;
import app.convene.server.http.Caller;
import app.convene.server.rooms.Admission;
import app.convene.server.rooms.Member;
import app.convene.server.rooms.Room;
import app.convene.server.rooms.RoomService;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one connection does in rooms: join, leave, relay to a room-mate, and leave for good when
 * the connection ends. Every message a client may send is handled here, and every refusal is a
 * typed error to the client.
 *
 * <p>Threads: {@link #handle} runs on the connection's Jetty thread, {@link #detach} on any thread.
 * The room this participant is in is guarded by {@code lock}; membership notices are enqueued
 * while it is held, so that every member sees {@code peer-joined} and {@code peer-left} of a peer
 * in that order. Enqueueing never runs other connections' code on the caller's thread (see {@link
 * OutgoingQueue}), so holding the lock there is safe.
 */
final class Participant {
  private static final Logger log = LoggerFactory.getLogger(Participant.class);

  private final String peerId;
  private final Caller caller;
  private final SignalingService service;
  private final Consumer<SignalMessage> outbox;
  private final Object lock = new Object();
  private Room room; // guarded by lock
  private boolean detached; // guarded by lock; the connection is ending and takes no more part

  /**
   * @param outbox queues messages for this participant's client; returns at once
   */
  Participant(
      String peerId, Caller caller, SignalingService service, Consumer<SignalMessage> outbox) {
    this.peerId = Objects.requireNonNull(peerId, "peerId == null");
    this.caller = Objects.requireNonNull(caller, "caller == null");
    this.service = Objects.requireNonNull(service, "service == null");
    this.outbox = Objects.requireNonNull(outbox, "outbox == null");
  }

  /** Handles one message from the client. */
  void handle(SignalMessage message) {
    switch (message) {
      case Join join -> join(join);
      case Leave _ -> leave();
      case SignalMessage.Relayed relayed -> relay(relayed);
      case Joined _, PeerJoined _, PeerLeft _, ErrorMessage _, Notice _ -> {
        String type = MessageTypes.of(message);
        error(ErrorCode.INVALID_FIELD, "'" + type + "' is sent by the server only", type);
      }
    }
  }

  /** Leaves the room, if any, for good: the others are told with this reason. */
  void detach(PeerLeft.Reason reason) {
    synchronized (lock) {
      if (detached) {
        return;
      }
      detached = true;
      if (room != null) {
        leaveRoom(reason);
      }
    }
  }

  /** The id of the room this participant is in, or {@code null}. Any thread. */
  String roomId() {
    synchronized (lock) {
      return room == null ? null : room.name();
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
        .addKeyValue("peer", peerId)
        .addKeyValue("code", code)
        .addKeyValue("ref", ref)
        .addKeyValue("detail", message)
        .log("error sent");
    outbox.accept(new ErrorMessage(code, message, ref));
  }

  private void join(Join join) {
    if (!ProtocolVersion.isSupported(join.protocol())) {
      error(
          ErrorCode.UNSUPPORTED_PROTOCOL,
          "protocol " + join.protocol() + " is not supported; this server speaks "
              + InputChecks.versions(),
          "join");
      return;
    }
    String roomName = join.room().strip();
    String name = join.name().strip();
    Optional<String> problem =
        InputChecks.roomName(roomName).or(() -> InputChecks.displayName(name));
    if (problem.isPresent()) {
      error(ErrorCode.INVALID_FIELD, problem.get(), "join");
      return;
    }
    if (refusedAsAlreadyInRoom()) {
      return;
    }
    // The database decides, with no lock held; membership is checked again below.
    Optional<RoomService.Grant> grant = service.gate().admit(caller, roomName, join.invite());
    if (grant.isEmpty()) {
      error(
          ErrorCode.ROOM_NOT_FOUND,
          "no room '" + roomName + "', or you are not invited to it",
          "join");
      return;
    }
    synchronized (lock) {
      if (refusedAsAlreadyInRoom()) {
        return;
      }
      Member me = new Member(new Peer(peerId, name), outbox);
      Admission admission = service.rooms().join(
          grant.get().roomId(), grant.get().maxUsers(), me, admitted -> welcome(admitted, me));
      switch (admission) {
        case Admission.Full full ->
            error(
                ErrorCode.ROOM_FULL,
                "room '" + roomName + "' is full (" + full.maxPeers() + " of " + full.maxPeers()
                    + ")",
                "join");
        case Admission.Admitted admitted -> {
          room = admitted.room();
          log.atInfo()
              .addKeyValue("room", room.name())
              .addKeyValue("peer", peerId)
              .addKeyValue("user", caller.id())
              .addKeyValue("members", admitted.others().size() + 1)
              .log("peer joined");
          service.arrivals().arrived(caller, room.name(), peerId, name);
        }
      }
    }
  }

  /** True, after telling the client, when this connection is in a room or ending. */
  private boolean refusedAsAlreadyInRoom() {
    synchronized (lock) {
      if (detached) {
        return true;
      }
      if (room != null) {
        error(
            ErrorCode.ALREADY_IN_ROOM,
            "already in room '" + room.name() + "'; send 'leave' first",
            "join");
        return true;
      }
      return false;
    }
  }

  /**
   * Holds {@code lock} and the room's lock: the join reply reaches our outbox before any
   * message a later joiner sends us, and the others hear of us in join order.
   */
  private void welcome(Admission.Admitted admitted, Member me) {
    List<Peer> peers = admitted.others().stream().map(Member::peer).toList();
    outbox.accept(
        new Joined(
            ProtocolVersion.CURRENT,
            admitted.room().name(),
            peerId,
            peers,
            service.ice().issueFor(peerId),
            admitted.room().maxPeers()));
    PeerJoined notice = new PeerJoined(me.peer());
    admitted.others().forEach(other -> other.send(notice));
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
    PeerLeft notice = new PeerLeft(peerId, reason);
    service.rooms().leave(left, peerId).forEach(other -> other.send(notice));
    log.atInfo()
        .addKeyValue("room", left.name())
        .addKeyValue("peer", peerId)
        .addKeyValue("reason", reason)
        .log(reason == PeerLeft.Reason.LEFT ? "peer left" : "peer disconnected");
  }

  private void relay(SignalMessage.Relayed message) {
    String type = MessageTypes.of(message);
    Room current;
    synchronized (lock) {
      current = room;
    }
    if (current == null) {
      error(ErrorCode.NOT_IN_ROOM, "join a room before sending '" + type + "'", type);
      return;
    }
    if (message.to().equals(peerId)) {
      error(ErrorCode.INVALID_FIELD, "'to' is this connection's own peer id", type);
      return;
    }
    Optional<Member> target = current.member(message.to());
    if (target.isEmpty()) {
      error(
          ErrorCode.UNKNOWN_PEER,
          "no peer '" + message.to() + "' in room '" + current.name() + "'",
          type);
      return;
    }
    target.get().send(message.withFrom(peerId));
  }
}
