package app.convene.server.rooms;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Rooms' invite tokens at rest. A token is 192 random bits (unpadded Base64url); the {@code
 * video_rooms} table keeps its SHA-256 hash, which is all a join needs, and a sealed copy
 * (AES-256-GCM under a key derived from the server's token secret, which lives outside the
 * database), because the host sees the link again ({@code GET /api/rooms}) and invitation e-mail
 * carries it. A copy of the database alone (a backup, a stolen disk of the database server) holds
 * no working invite link; the token secret is needed too.
 *
 * <p>Thread-safe.
 */
final class InviteTokens {
  private static final int TOKEN_BYTES = 24;
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final String VERSION = "v1.";

  private final SecureRandom random = new SecureRandom();
  private final SecretKeySpec key;

  /** @param secret the server's token secret; the sealing key is derived from it */
  InviteTokens(byte[] secret) {
    Objects.requireNonNull(secret, "secret == null");
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      key = new SecretKeySpec(
          mac.doFinal("convene invite-token sealing key".getBytes(StandardCharsets.UTF_8)), "AES");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  /** A fresh token. */
  String newToken() {
    byte[] bytes = new byte[TOKEN_BYTES];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** The lower-case hex SHA-256 of the token's UTF-8 bytes, as stored. */
  static String hash(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  /** Whether a token a client sent hashes to the stored hash; in constant time. */
  static boolean matches(String given, String storedHash) {
    return given != null && storedHash != null && MessageDigest.isEqual(
        hash(given).getBytes(StandardCharsets.US_ASCII),
        storedHash.getBytes(StandardCharsets.US_ASCII));
  }

  /** The token encrypted for the {@code invite_token_sealed} column. */
  String seal(String token) {
    byte[] iv = new byte[IV_BYTES];
    random.nextBytes(iv);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
      byte[] sealed = cipher.doFinal(token.getBytes(StandardCharsets.UTF_8));
      byte[] all = Arrays.copyOf(iv, IV_BYTES + sealed.length);
      System.arraycopy(sealed, 0, all, IV_BYTES, sealed.length);
      return VERSION + Base64.getUrlEncoder().withoutPadding().encodeToString(all);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available", e);
    }
  }

  /**
   * The token of a sealed column; empty when there is none or it was sealed under another token
   * secret (the secret was changed: the link still admits, but can no longer be shown).
   */
  Optional<String> open(String sealed) {
    if (sealed == null || !sealed.startsWith(VERSION)) {
      return Optional.empty();
    }
    try {
      byte[] all = Base64.getUrlDecoder().decode(sealed.substring(VERSION.length()));
      if (all.length <= IV_BYTES) {
        return Optional.empty();
      }
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
      return Optional.of(new String(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES),
          StandardCharsets.UTF_8));
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      return Optional.empty();
    }
  }
}
