package app.convene.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/**
 * Refresh tokens: 256-bit random strings (unpadded Base64url) handed to the client once; the
 * {@code refresh_tokens} table keeps only their SHA-256 hashes, with the owner and an expiry. A
 * token is spent by {@link #spend}, which deletes its row, so it works once.
 *
 * <p>Thread-safe; every method runs on the caller's connection.
 */
final class RefreshTokens {
  private static final int TOKEN_BYTES = 32;

  private final SecureRandom random = new SecureRandom();

  /** Creates and stores a token for the user; returns the token itself. */
  String create(Connection c, UUID userId, Instant now, Instant expiresAt) throws SQLException {
    byte[] bytes = new byte[TOKEN_BYTES];
    random.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    try (PreparedStatement s = c.prepareStatement(
        "INSERT INTO refresh_tokens (token_hash, user_id, created_at, expires_at)"
            + " VALUES (?, ?, ?, ?)")) {
      s.setString(1, hash(token));
      s.setObject(2, userId);
      s.setLong(3, now.toEpochMilli());
      s.setLong(4, expiresAt.toEpochMilli());
      s.executeUpdate();
    }
    return token;
  }

  /**
   * Deletes the token's row and returns its user if it was there and unexpired. Of two concurrent
   * calls with one token, only one deletes the row, so only one gets the user.
   */
  Optional<UUID> spend(Connection c, String token, Instant now) throws SQLException {
    String hash = hash(token);
    UUID userId;
    long expiresAt;
    try (PreparedStatement s = c.prepareStatement(
        "SELECT user_id, expires_at FROM refresh_tokens WHERE token_hash = ?")) {
      s.setString(1, hash);
      try (ResultSet r = s.executeQuery()) {
        if (!r.next()) {
          return Optional.empty();
        }
        userId = r.getObject(1, UUID.class);
        expiresAt = r.getLong(2);
      }
    }
    if (delete(c, hash) == 0 || expiresAt <= now.toEpochMilli()) {
      return Optional.empty();
    }
    return Optional.of(userId);
  }

  /** Deletes the token, if it exists. */
  void revoke(Connection c, String token) throws SQLException {
    delete(c, hash(token));
  }

  /** Deletes every expired token; returns how many. */
  int deleteExpired(Connection c, Instant now) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(
        "DELETE FROM refresh_tokens WHERE expires_at <= ?")) {
      s.setLong(1, now.toEpochMilli());
      return s.executeUpdate();
    }
  }

  private static int delete(Connection c, String hash) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(
        "DELETE FROM refresh_tokens WHERE token_hash = ?")) {
      s.setString(1, hash);
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
