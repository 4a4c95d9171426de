package app.convene.server.rooms;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The rooms with members on this server, by id (a persisted room's {@code roomId}). A room is here
 * while it has members: the first join creates it and the last leave removes it.
 *
 * <p>Thread-safe. Every change of membership runs inside an atomic {@link ConcurrentHashMap#compute}
 * on the room's id, so a join can never land in a room that a concurrent leave is dropping. The
 * registry never calls out to members; the caller sends whatever notices a change needs. The
 * {@link Occupancy} hears of every change, in order, from inside that compute.
 */
public final class RoomRegistry {
  private final ConcurrentHashMap<String, Room> rooms = new ConcurrentHashMap<>();
  private final int defaultMaxPeers;
  private final Occupancy occupancy;

  /**
   * @param defaultMaxPeers the limit of a room joined without one of its own
   */
  public RoomRegistry(int defaultMaxPeers) {
    this(defaultMaxPeers, Occupancy.NONE);
  }

  public RoomRegistry(int defaultMaxPeers, Occupancy occupancy) {
    if (defaultMaxPeers < 1) {
      throw new IllegalArgumentException("defaultMaxPeers < 1: " + defaultMaxPeers);
    }
    this.defaultMaxPeers = defaultMaxPeers;
    this.occupancy = Objects.requireNonNull(occupancy, "occupancy == null");
  }

  /** Adds the member to the room with this id, creating the room if it does not exist. */
  public Admission join(String roomId, Member member) {
    return join(roomId, defaultMaxPeers, member, others -> {});
  }

  /**
   * Like {@link #join(String, Member)}; {@code welcome} receives the admission while the room is
   * locked (see {@link Room#admit}).
   */
  public Admission join(String roomId, Member member, Consumer<Admission.Admitted> welcome) {
    return join(roomId, defaultMaxPeers, member, welcome);
  }

  /**
   * Like {@link #join(String, Member, Consumer)}, for a room that admits {@code maxPeers} members
   * when this join creates it (a room with members keeps the limit it was created with).
   */
  public Admission join(
      String roomId, int maxPeers, Member member, Consumer<Admission.Admitted> welcome) {
    Objects.requireNonNull(roomId, "roomId == null");
    Objects.requireNonNull(member, "member == null");
    Objects.requireNonNull(welcome, "welcome == null");
    AtomicReference<Admission> result = new AtomicReference<>();
    rooms.compute(
        roomId,
        (id, room) -> {
          Room target = room != null ? room : new Room(id, maxPeers);
          Admission admission = target.admit(member, welcome);
          result.set(admission);
          if (admission instanceof Admission.Admitted admitted) {
            occupancy.joined(id, admitted.others().isEmpty());
          }
          return target.isEmpty() ? null : target;
        });
    return result.get();
  }

  /** The room with this id, while it has members. */
  public java.util.Optional<Room> room(String roomId) {
    Objects.requireNonNull(roomId, "roomId == null");
    return java.util.Optional.ofNullable(rooms.get(roomId));
  }

  /** Whether the room with this id has members now. */
  public boolean isOccupied(String roomId) {
    return rooms.containsKey(Objects.requireNonNull(roomId, "roomId == null"));
  }

  /**
   * Removes the peer from the room, and the room from the registry if it is empty now.
   *
   * @return the members that remain in the room; empty if the peer was not in it
   */
  public List<Member> leave(Room room, String peerId) {
    Objects.requireNonNull(room, "room == null");
    Objects.requireNonNull(peerId, "peerId == null");
    AtomicReference<List<Member>> remaining = new AtomicReference<>(List.of());
    rooms.computeIfPresent(
        room.id(),
        (id, current) -> {
          if (current != room) {
            return current;
          }
          current.remove(peerId).ifPresent(others -> {
            remaining.set(others);
            occupancy.left(id, others.isEmpty());
          });
          return current.isEmpty() ? null : current;
        });
    return remaining.get();
  }

  /** How many rooms have members. */
  public int roomCount() {
    return rooms.size();
  }

  /** How many members all rooms have together. */
  public int peerCount() {
    int peers = 0;
    for (Room room : rooms.values()) {
      peers += room.size();
    }
    return peers;
  }
}
