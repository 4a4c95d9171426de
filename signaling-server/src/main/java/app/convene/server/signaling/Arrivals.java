package app.convene.server.signaling;

import app.convene.server.http.Caller;

/** Hears of every admitted join, e.g. to tell a room's host who is waiting in it. */
@FunctionalInterface
public interface Arrivals {
  /** Hears nothing. */
  Arrivals NONE = (who, roomId, peerId, name) -> {};

  /**
   * Someone joined a room's call. Called on the joining connection's Jetty thread, after the join
   * reply was queued, holding that connection's lock: must return at once, without blocking (hand
   * database work to another thread).
   *
   * @param roomId the room's id, in its canonical form
   * @param name the display name the joiner chose
   */
  void arrived(Caller who, String roomId, String peerId, String name);
}
