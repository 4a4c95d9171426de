package app.convene.server.rooms;

import app.convene.protocol.Peer;
import app.convene.protocol.Removed;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Takes participants out of the live calls of this server; the signaling service in the server.
 * Each one taken out gets {@link Removed} with the reason and the others {@code peer-left}.
 *
 * <p>Thread-safe; any thread, holding no lock. Returns at once: it only enqueues messages.
 */
public interface LiveCalls {
  /** Nobody is in a call. */
  LiveCalls NONE = new LiveCalls() {
    @Override
    public List<Peer> participants(String roomId) {
      return List.of();
    }

    @Override
    public boolean remove(String roomId, String peerId, Removed.Reason reason) {
      return false;
    }

    @Override
    public int removeUser(String roomId, UUID userId, Removed.Reason reason) {
      return 0;
    }

    @Override
    public int endAll(String roomId, Removed.Reason reason) {
      return 0;
    }
  };

  /** Who is in the room's call now, in the order they joined; empty when nobody is. */
  List<Peer> participants(String roomId);

  /**
   * Takes the peer out of the room's call.
   *
   * @return false when no such peer is in the room's call
   */
  boolean remove(String roomId, String peerId, Removed.Reason reason);

  /** Takes every connection of the user out of the room's call; returns how many. */
  int removeUser(String roomId, UUID userId, Removed.Reason reason);

  /** Takes everyone out of the room's call; returns how many. */
  int endAll(String roomId, Removed.Reason reason);

  /**
   * The calls {@code later} supplies once it is built (the signaling service is built after the
   * REST side); {@link #NONE} until then.
   */
  static LiveCalls later(Supplier<? extends LiveCalls> later) {
    Objects.requireNonNull(later, "later == null");
    return new LiveCalls() {
      @Override
      public List<Peer> participants(String roomId) {
        return current().participants(roomId);
      }

      @Override
      public boolean remove(String roomId, String peerId, Removed.Reason reason) {
        return current().remove(roomId, peerId, reason);
      }

      @Override
      public int removeUser(String roomId, UUID userId, Removed.Reason reason) {
        return current().removeUser(roomId, userId, reason);
      }

      @Override
      public int endAll(String roomId, Removed.Reason reason) {
        return current().endAll(roomId, reason);
      }

      private LiveCalls current() {
        LiveCalls calls = later.get();
        return calls == null ? NONE : calls;
      }
    };
  }
}
