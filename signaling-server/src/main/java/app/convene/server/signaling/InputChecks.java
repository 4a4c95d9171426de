package app.convene.server.signaling;

import app.convene.protocol.ProtocolVersion;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The server's rules for client input beyond what {@code SignalCodec} checks. Stateless. */
final class InputChecks {
  /** The longest room id, in characters (Unicode code points), after stripping. */
  static final int MAX_ROOM_LENGTH = 128;

  /** The longest display name, in characters (Unicode code points), after stripping. */
  static final int MAX_NAME_LENGTH = 64;

  private InputChecks() {}

  /** Why a stripped room id is unacceptable, or empty if it is fine. */
  static Optional<String> roomId(String roomId) {
    return problem("roomId", roomId, MAX_ROOM_LENGTH);
  }

  /** Why a stripped display name is unacceptable, or empty if it is fine. */
  static Optional<String> displayName(String name) {
    return problem("name", name, MAX_NAME_LENGTH);
  }

  /** Whether the text's UTF-8 form is longer than {@code limit} bytes. */
  static boolean exceeds(String text, int limit) {
    if (text.length() > limit) {
      return true; // every char takes at least one byte
    }
    if ((long) text.length() * 3 <= limit) {
      return false; // and at most three
    }
    return text.getBytes(StandardCharsets.UTF_8).length > limit;
  }

  private static Optional<String> problem(String field, String value, int maxLength) {
    int length = value.codePointCount(0, value.length());
    if (length == 0) {
      return Optional.of("'" + field + "' is blank");
    }
    if (length > maxLength) {
      return Optional.of(
          "'" + field + "' has " + length + " characters; at most " + maxLength + " are allowed");
    }
    if (value.codePoints().anyMatch(Character::isISOControl)) {
      return Optional.of("'" + field + "' contains a control character");
    }
    return app.convene.server.http.InputRules.hiddenCharacter(value, field);
  }

  /** The protocol versions this server accepts, for people. */
  static String versions() {
    return ProtocolVersion.OLDEST_SUPPORTED == ProtocolVersion.CURRENT
        ? "version " + ProtocolVersion.CURRENT
        : "versions " + ProtocolVersion.OLDEST_SUPPORTED + " to " + ProtocolVersion.CURRENT;
  }
}
