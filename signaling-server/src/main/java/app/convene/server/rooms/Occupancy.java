package app.convene.server.rooms;

/**
 * Hears of members entering and leaving rooms, in the order the {@link RoomRegistry} applied the
 * changes to each room. Called on the joining or leaving connection's thread while the registry
 * holds that room's entry: must return at once, without blocking and without calling the
 * registry (hand the work to another thread).
 */
public interface Occupancy {
  /** Does nothing. */
  Occupancy NONE = new Occupancy() {
    @Override
    public void joined(String roomId, boolean first) {}

    @Override
    public void left(String roomId, boolean empty) {}
  };

  /**
   * A member was admitted.
   *
   * @param first whether the room was empty before
   */
  void joined(String roomId, boolean first);

  /**
   * A member left.
   *
   * @param empty whether the room is empty now
   */
  void left(String roomId, boolean empty);
}
