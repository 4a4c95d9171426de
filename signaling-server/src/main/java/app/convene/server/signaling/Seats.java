package app.convene.server.signaling;

import app.convene.protocol.PeerLeft;
import app.convene.protocol.Removed;
import app.convene.server.rooms.RoomRegistry;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The seats of every room's participants, by peer id, held ones included, and the two ways a seat
 * ends while no connection takes it: a host removes the participant ({@link
 * app.convene.server.rooms.LiveCalls}), or its socket stays away past the resume grace.
 *
 * <p>Thread-safe: the map is concurrent and each {@link Seat} guards itself. Any thread; no method
 * holds a lock while it calls out (a seat held by a connection is ejected through that
 * connection's {@link Participant#eject}).
 */
final class Seats {
  private static final Logger log = LoggerFactory.getLogger(Seats.class);

  private final ConcurrentHashMap<String, Seat> byPeerId = new ConcurrentHashMap<>();
  private final RoomRegistry rooms;

  Seats(RoomRegistry rooms) {
    this.rooms = Objects.requireNonNull(rooms, "rooms == null");
  }

  /** The seat of that peer id, or {@code null}. */
  Seat get(String peerId) {
    return byPeerId.get(peerId);
  }

  boolean containsKey(String peerId) {
    return byPeerId.containsKey(peerId);
  }

  /** @return the seat that has the peer id already, or {@code null} when {@code seat} got it */
  Seat putIfAbsent(String peerId, Seat seat) {
    return byPeerId.putIfAbsent(peerId, seat);
  }

  /** Forgets the seat if the peer id is still its. */
  boolean remove(String peerId, Seat seat) {
    return byPeerId.remove(peerId, seat);
  }

  /** Takes the peer out of the room's call, if it has a seat there; true if it did. */
  boolean eject(String roomId, String peerId, Removed.Reason reason) {
    Objects.requireNonNull(roomId, "roomId == null");
    Objects.requireNonNull(peerId, "peerId == null");
    Seat seat = byPeerId.get(peerId);
    return seat != null && seat.room() != null && roomId.equals(seat.room().id())
        && eject(seat, reason);
  }

  /** Takes every seat of the room that {@code which} accepts out of its call; how many it did. */
  int ejectAll(String roomId, Predicate<Seat> which, Removed.Reason reason) {
    Objects.requireNonNull(roomId, "roomId == null");
    Objects.requireNonNull(reason, "reason == null");
    int ejected = 0;
    for (Seat seat : byPeerId.values()) {
      if (seat.room() != null && roomId.equals(seat.room().id()) && which.test(seat)
          && eject(seat, reason)) {
        ejected++;
      }
    }
    return ejected;
  }

  /**
   * The resume grace of a departure passed: unless a connection took the seat over meanwhile, the
   * participant leaves its room and the others get {@code peer-left} {@code DISCONNECTED}.
   *
   * @param departure what {@link Seat#away} returned
   */
  void expire(Seat seat, long departure) {
    if (!seat.expireIfStillAway(departure)) {
      return;
    }
    byPeerId.remove(seat.peerId(), seat);
    PeerLeft notice = new PeerLeft(seat.peerId(), PeerLeft.Reason.DISCONNECTED);
    rooms.leave(seat.room(), seat.peerId()).forEach(other -> other.send(notice));
    log.atInfo()
        .addKeyValue("roomId", seat.room().id())
        .addKeyValue("peer", seat.peerId())
        .log("peer disconnected: did not come back within the resume grace");
  }

  /**
   * Takes the seat's participant out of its room: through the connection that holds it, or, while
   * its socket is away, by giving the seat up at once (its resume will be refused).
   */
  private boolean eject(Seat seat, Removed.Reason reason) {
    Participant holder = seat.holder();
    if (holder != null) {
      return holder.eject(seat, reason);
    }
    if (!seat.giveUpIfAway()) {
      Participant back = seat.holder(); // it came back meanwhile, or left
      return back != null && back.eject(seat, reason);
    }
    byPeerId.remove(seat.peerId(), seat);
    PeerLeft notice = new PeerLeft(seat.peerId(), PeerLeft.Reason.LEFT);
    rooms.leave(seat.room(), seat.peerId()).forEach(other -> other.send(notice));
    log.atInfo()
        .addKeyValue("roomId", seat.room().id())
        .addKeyValue("peer", seat.peerId())
        .addKeyValue("reason", reason)
        .log("away peer removed from the call");
    return true;
  }
}
