package app.convene.server.rooms;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The members of one room's call, at most {@code maxPeers}, in the order they joined.
 *
 * <p>Thread-safe: the room guards its members with its own monitor. Members are added and removed
 * only through {@link RoomRegistry}, so that an empty room can be dropped atomically; any thread may
 * look members up. No method calls out while holding the monitor.
 */
public final class Room {
  private final String id;
  private final int maxPeers;
  private final Map<String, Member> members = new LinkedHashMap<>(); // guarded by this

  Room(String id, int maxPeers) {
    this.id = Objects.requireNonNull(id, "id == null");
    if (maxPeers < 1) {
      throw new IllegalArgumentException("maxPeers < 1: " + maxPeers);
    }
    this.maxPeers = maxPeers;
  }

  /** The room's id: a persisted room's {@code roomId}, in its canonical (lower-case) form. */
  public String id() {
    return id;
  }

  public int maxPeers() {
    return maxPeers;
  }

  /** The member with this peer id, if it is in this room. */
  public synchronized Optional<Member> member(String peerId) {
    return Optional.ofNullable(members.get(peerId));
  }

  /** A snapshot of the members, in the order they joined. */
  public synchronized List<Member> members() {
    return List.copyOf(members.values());
  }

  public synchronized int size() {
    return members.size();
  }

  synchronized boolean isEmpty() {
    return members.isEmpty();
  }

  /**
   * Adds the member unless the room is full or the peer id is already here. {@code welcome} runs
   * with the admission while this room's lock is held, so whatever it enqueues (the
   * newcomer's join reply, the others' notices) is ordered before anything a later joiner sends.
   */
  synchronized Admission admit(Member member, Consumer<Admission.Admitted> welcome) {
    if (members.containsKey(member.peerId())) {
      throw new IllegalStateException(member.peerId() + " is already in room " + id);
    }
    if (members.size() >= maxPeers) {
      return new Admission.Full(id, maxPeers);
    }
    List<Member> others = new ArrayList<>(members.values());
    members.put(member.peerId(), member);
    Admission.Admitted admitted = new Admission.Admitted(this, others);
    welcome.accept(admitted);
    return admitted;
  }

  /**
   * Runs {@code action} on the current members while this room's lock is held, so that no member
   * joins or leaves meanwhile (a resumed participant's reply and its seat's new socket are then
   * ordered before any later notice). Like {@link #admit}'s welcome it must only enqueue.
   */
  public synchronized <T> T withMembers(java.util.function.Function<List<Member>, T> action) {
    return action.apply(List.copyOf(members.values()));
  }

  /** Removes the member; returns the members that remain, or empty if it was not here. */
  synchronized Optional<List<Member>> remove(String peerId) {
    if (members.remove(peerId) == null) {
      return Optional.empty();
    }
    return Optional.of(List.copyOf(members.values()));
  }

  @Override
  public String toString() {
    return "Room[" + id + "]";
  }
}
