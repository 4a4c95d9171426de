package app.convene.protocol;

/** The typed errors of the signaling protocol; each travels in an {@link ErrorMessage}. */
public enum ErrorCode {
  /** The text was not a JSON object. */
  MALFORMED_MESSAGE(false),
  /** The {@code type} field names no message of this protocol. */
  UNKNOWN_TYPE(false),
  /** A required field (or {@code type} itself) is absent, null or blank. */
  MISSING_FIELD(false),
  /** A field has the wrong JSON type or a value outside its range. */
  INVALID_FIELD(false),
  /** The client speaks a protocol version this server does not. */
  UNSUPPORTED_PROTOCOL(false),
  /** The message is larger than the server's limit; it was not handled. */
  MESSAGE_TOO_LARGE(false),
  /** The message needs a room and the connection has not joined one. */
  NOT_IN_ROOM(false),
  /** A second {@code join} on a connection that is already in a room. */
  ALREADY_IN_ROOM(false),
  /** The room already holds its maximum number of participants. */
  ROOM_FULL(false),
  /**
   * The room does not exist, or this account may not join it (it is neither the host, nor invited
   * to one of the room's meetings, nor holding the room's invite token): the two are not told
   * apart, so that room ids cannot be probed.
   */
  ROOM_NOT_FOUND(false),
  /**
   * The room is locked by its host: nobody joins until it is unlocked, except the host and
   * participants coming back with a resume token.
   */
  ROOM_LOCKED(false),
  /** The addressee of a relayed message is not in the sender's room. */
  UNKNOWN_PEER(false),
  /**
   * A {@code join} with a {@code resume} token that cannot be honoured: damaged or forged, expired,
   * for another account or room, or this participant's place was given up (it stayed away longer
   * than the server's resume grace). Join again without {@code resume}: a new peer id.
   */
  RESUME_REFUSED(false),
  /** The client read too slowly and its outgoing queue overflowed; the server closes the socket. */
  SLOW_CONSUMER(true),
  /**
   * The server is stopping (a restart, or a move to another node): reconnect with growing,
   * randomised delays and resume with the resume token; calls go on meanwhile.
   */
  SERVER_SHUTTING_DOWN(true),
  /** A fault on the server; the message may be retried. */
  INTERNAL_ERROR(false);

  private final boolean closesConnection;

  ErrorCode(boolean closesConnection) {
    this.closesConnection = closesConnection;
  }

  /** Whether the server closes the socket after sending this error. */
  public boolean closesConnection() {
    return closesConnection;
  }
}
