package app.convene.client.call;

/**
 * A session description or ICE candidate from a remote peer that libwebrtc refused. The message
 * says what kind of input it was, its size and libwebrtc's reason (first line only), never the
 * SDP itself: it carries the peer's ICE credentials and fingerprints, and a hostile peer could
 * fill our logs with it.
 */
final class RemoteInputException extends RuntimeException {
  private static final int MAX_REASON = 160;

  private final String kind;
  private final String reason;

  RemoteInputException(String kind, int length, Throwable cause) {
    super("refused the " + kind + " it sent (" + length + " characters): " + reason(cause), cause);
    this.kind = kind;
    this.reason = reason(cause);
  }

  /** What was refused: {@code offer}, {@code answer} or {@code candidate}. */
  String kind() {
    return kind;
  }

  /** libwebrtc's reason, one line without SDP; what the peer is told in {@code rejected}. */
  String reason() {
    return reason;
  }

  private static String reason(Throwable e) {
    String text = firstLine(e.getMessage());
    return text.isEmpty() ? "no reason given" : text;
  }

  /** The first line of {@code message}, at most 160 characters, without the SDP it quotes. */
  static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    String line = message.strip();
    int newline = line.indexOf('\n');
    if (newline >= 0) {
      line = line.substring(0, newline).strip();
    }
    // webrtc-java appends the offending SDP line in brackets ("… Expect line: v= [text]"), and
    // some reasons quote it too; keep only the reason.
    int bracket = line.indexOf(" [");
    if (bracket >= 0) {
      line = line.substring(0, bracket);
    }
    int quoted = line.indexOf('"');
    if (quoted >= 0) {
      line = line.substring(0, quoted).strip();
    }
    return line.length() <= MAX_REASON ? line : line.substring(0, MAX_REASON) + "…";
  }
}
