package app.convene.server.jobs;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Deactivates rooms nobody uses: active rooms without participants whose last use (last join or
 * leave, else their creation) is before the cut-off. A later permitted join reactivates a room.
 * Stateless; runs on the caller's connection.
 */
final class IdleRooms {
  private IdleRooms() {}

  /**
   * @param occupied whether a room (by id) has participants on this server now
   * @return how many rooms were deactivated
   */
  static int deactivate(Connection c, Instant cutoff, Predicate<String> occupied)
      throws SQLException {
    List<UUID> idle = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement(
        "SELECT id FROM video_rooms WHERE active = TRUE"
            + " AND COALESCE(last_active_at, created_at) < ?")) {
      s.setLong(1, cutoff.toEpochMilli());
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          idle.add(r.getObject(1, UUID.class));
        }
      }
    }
    int deactivated = 0;
    try (PreparedStatement s = c.prepareStatement(
        "UPDATE video_rooms SET active = FALSE WHERE id = ? AND active = TRUE"
            + " AND COALESCE(last_active_at, created_at) < ?")) {
      for (UUID id : idle) {
        if (occupied.test(id.toString())) {
          continue;
        }
        s.setObject(1, id);
        s.setLong(2, cutoff.toEpochMilli());
        deactivated += s.executeUpdate();
      }
    }
    return deactivated;
  }
}
