package app.convene.server.auth;

import app.convene.server.http.Caller;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The {@code users} table. Stateless; every method runs on the caller's connection. */
final class Users {
  /** A row: an account with its password hash. */
  record User(UUID id, String email, String displayName, String passwordHash,
      boolean emailVerified) {
    Caller toCaller() {
      return new Caller(id, email, displayName, emailVerified);
    }
  }

  private static final String SELECT = "SELECT id, email, display_name, password_hash,"
      + " email_verified_at IS NOT NULL FROM users";

  private Users() {}

  /** Inserts a user; a taken address fails with a unique violation. */
  static void insert(Connection c, User user, Instant now) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(
        "INSERT INTO users (id, email, display_name, password_hash, created_at)"
            + " VALUES (?, ?, ?, ?, ?)")) {
      s.setObject(1, user.id());
      s.setString(2, user.email());
      s.setString(3, user.displayName());
      s.setString(4, user.passwordHash());
      s.setLong(5, now.toEpochMilli());
      s.executeUpdate();
    }
  }

  static Optional<User> byEmail(Connection c, String email) throws SQLException {
    return one(c, SELECT + " WHERE email = ?", email);
  }

  static Optional<User> byId(Connection c, UUID id) throws SQLException {
    return one(c, SELECT + " WHERE id = ?", id);
  }

  /** Replaces the user's password hash; returns whether the user exists. */
  static boolean updatePassword(Connection c, UUID id, String passwordHash) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(
        "UPDATE users SET password_hash = ? WHERE id = ?")) {
      s.setString(1, passwordHash);
      s.setObject(2, id);
      return s.executeUpdate() == 1;
    }
  }

  /**
   * Marks the address verified if the account still has it; whether it did. Verifying twice is
   * harmless: the first time stays.
   */
  static boolean markVerified(Connection c, UUID id, String email, Instant now)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement(
        "UPDATE users SET email_verified_at = COALESCE(email_verified_at, ?)"
            + " WHERE id = ? AND email = ?")) {
      s.setLong(1, now.toEpochMilli());
      s.setObject(2, id);
      s.setString(3, email);
      return s.executeUpdate() == 1;
    }
  }

  /** Whether the account's address is verified; false for an unknown account. */
  static boolean isVerified(Connection c, UUID id) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(
        "SELECT 1 FROM users WHERE id = ? AND email_verified_at IS NOT NULL")) {
      s.setObject(1, id);
      try (ResultSet r = s.executeQuery()) {
        return r.next();
      }
    }
  }

  /** Whether the address is an attendee of a meeting that is neither cancelled nor over. */
  static boolean isInvited(Connection c, String email) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(
        "SELECT 1 FROM event_attendees a JOIN calendar_events e ON e.id = a.event_id"
            + " WHERE a.email = ? AND e.status NOT IN ('CANCELLED', 'COMPLETED')")) {
      s.setString(1, email);
      s.setMaxRows(1);
      try (ResultSet r = s.executeQuery()) {
        return r.next();
      }
    }
  }

  private static Optional<User> one(Connection c, String sql, Object key) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setObject(1, key);
      try (ResultSet r = s.executeQuery()) {
        if (!r.next()) {
          return Optional.empty();
        }
        return Optional.of(new User(r.getObject(1, UUID.class), r.getString(2), r.getString(3),
            r.getString(4), r.getBoolean(5)));
      }
    }
  }
}
