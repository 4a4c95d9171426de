package app.convene.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/**
 * Refresh tokens: 256-bit random strings (unpadded Base64url) handed to the client once; the
 * {@code refresh_tokens} table keeps only their SHA-256 hashes, with the owner, an expiry and the
 * family (the sign-in session) they belong to. {@link #spend} marks a token spent; the spent row
 * stays until it expires, so that a reuse is recognised and revokes the family.
 *
 * <p>Thread-safe; every method runs on the caller's connection, inside its transaction.
 */
final class RefreshTokens {
  private static final int TOKEN_BYTES = 32;

  /** What presenting a refresh token came to. */
  sealed interface Spent {
    /** A live token, now spent: issue the next of its family. */
    record Fresh(UUID userId, String family) implements Spent {}

    /**
     * A token spent within the grace, presented again for the first time: the token that
     * replaced it is revoked, issue another of the family.
     */
    record Retried(UUID userId, String family) implements Spent {}

    /** A spent token presented again: its whole family is revoked. */
    record Reused(UUID userId, String family) implements Spent {}

    /** Unknown, expired or already revoked. */
    record Unknown() implements Spent {}
  }

  private final SecureRandom random = new SecureRandom();

  /** A new family id for a sign-in. */
  String newFamily() {
    return UUID.randomUUID().toString();
  }

  /** Creates and stores a token of the family for the user; returns the token itself. */
  String create(Connection c, UUID userId, String family, Instant now, Instant expiresAt)
      throws SQLException {
    byte[] bytes = new byte[TOKEN_BYTES];
    random.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    try (PreparedStatement s = c.prepareStatement(
        "INSERT INTO refresh_tokens (token_hash, user_id, created_at, expires_at, family_id)"
            + " VALUES (?, ?, ?, ?, ?)")) {
      s.setString(1, hash(token));
      s.setObject(2, userId);
      s.setLong(3, now.toEpochMilli());
      s.setLong(4, expiresAt.toEpochMilli());
      s.setString(5, family);
      s.executeUpdate();
    }
    return token;
  }

  /**
   * Spends the token. Of two concurrent calls with one live token, only one marks it spent; the
   * other counts as a retry within the grace.
   *
   * @param grace how long after its spending a token may be presented once more
   */
  Spent spend(Connection c, String token, Instant now, Duration grace) throws SQLException {
    String hash = hash(token);
    UUID userId;
    String family;
    long expiresAt;
    Long spentAt;
    boolean graceUsed;
    try (PreparedStatement s = c.prepareStatement("SELECT user_id, family_id, expires_at,"
        + " spent_at, grace_used FROM refresh_tokens WHERE token_hash = ?")) {
      s.setString(1, hash);
      try (ResultSet r = s.executeQuery()) {
        if (!r.next()) {
          return new Spent.Unknown();
        }
        userId = r.getObject(1, UUID.class);
        family = r.getString(2);
        expiresAt = r.getLong(3);
        long spent = r.getLong(4);
        spentAt = r.wasNull() ? null : spent;
        graceUsed = r.getBoolean(5);
      }
    }
    if (expiresAt <= now.toEpochMilli()) {
      return new Spent.Unknown();
    }
    if (spentAt == null && update(c, "UPDATE refresh_tokens SET spent_at = ? WHERE token_hash = ?"
        + " AND spent_at IS NULL", now.toEpochMilli(), hash) == 1) {
      return new Spent.Fresh(userId, family);
    }
    long spent = spentAt == null ? now.toEpochMilli() : spentAt;
    if (!graceUsed && now.toEpochMilli() - spent <= grace.toMillis()
        && !spentSince(c, family, spent, hash)
        && update(c, "UPDATE refresh_tokens SET grace_used = TRUE WHERE token_hash = ?"
            + " AND grace_used = FALSE", null, hash) == 1) {
      try (PreparedStatement s = c.prepareStatement(
          "DELETE FROM refresh_tokens WHERE family_id = ? AND spent_at IS NULL")) {
        s.setString(1, family);
        s.executeUpdate();
      }
      return new Spent.Retried(userId, family);
    }
    revokeFamily(c, family);
    return new Spent.Reused(userId, family);
  }

  /** Whether the family's client went on: another of its tokens was spent after this one. */
  private static boolean spentSince(Connection c, String family, long spentAt, String hash)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM refresh_tokens"
        + " WHERE family_id = ? AND spent_at >= ? AND token_hash <> ?")) {
      s.setString(1, family);
      s.setLong(2, spentAt);
      s.setString(3, hash);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getLong(1) > 0;
      }
    }
  }

  /** Deletes the token's whole family; returns the family and its user, if the token was known. */
  Optional<Spent.Reused> revoke(Connection c, String token) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(
        "SELECT user_id, family_id FROM refresh_tokens WHERE token_hash = ?")) {
      s.setString(1, hash(token));
      try (ResultSet r = s.executeQuery()) {
        if (!r.next()) {
          return Optional.empty();
        }
        Spent.Reused found = new Spent.Reused(r.getObject(1, UUID.class), r.getString(2));
        revokeFamily(c, found.family());
        return Optional.of(found);
      }
    }
  }

  /** Deletes every token of the user: all their sign-in sessions end. */
  int revokeAll(Connection c, UUID userId) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(
        "DELETE FROM refresh_tokens WHERE user_id = ?")) {
      s.setObject(1, userId);
      return s.executeUpdate();
    }
  }

  /** Whether the family still has a live token: the session was not signed out or revoked. */
  boolean isLive(Connection c, String family, Instant now) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM refresh_tokens"
        + " WHERE family_id = ? AND spent_at IS NULL AND expires_at > ?")) {
      s.setString(1, family);
      s.setLong(2, now.toEpochMilli());
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getLong(1) > 0;
      }
    }
  }

  /** Deletes every expired token; returns how many. */
  int deleteExpired(Connection c, Instant now) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(
        "DELETE FROM refresh_tokens WHERE expires_at <= ?")) {
      s.setLong(1, now.toEpochMilli());
      return s.executeUpdate();
    }
  }

  private static void revokeFamily(Connection c, String family) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(
        "DELETE FROM refresh_tokens WHERE family_id = ?")) {
      s.setString(1, family);
      s.executeUpdate();
    }
  }

  private static int update(Connection c, String sql, Long first, String hash)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      int i = 1;
      if (first != null) {
        s.setLong(i++, first);
      }
      s.setString(i, hash);
      return s.executeUpdate();
    }
  }

  static String hash(String token) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(token.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
