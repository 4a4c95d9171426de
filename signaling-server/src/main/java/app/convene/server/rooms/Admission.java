package app.convene.server.rooms;

import java.util.List;

/** The outcome of {@link RoomRegistry#join}. */
public sealed interface Admission {

  /**
   * The member is in the room now.
   *
   * @param room the room joined
   * @param others the members that were there before, in the order they joined
   */
  record Admitted(Room room, List<Member> others) implements Admission {
    public Admitted {
      others = List.copyOf(others);
    }
  }

  /**
   * The room already holds its maximum number of members; nothing changed.
   *
   * @param roomId the room's id
   * @param maxPeers how many members the room admits
   */
  record Full(String roomId, int maxPeers) implements Admission {}
}
