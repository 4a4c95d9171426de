package app.convene.client.call;

import app.convene.protocol.ErrorCode;

/** A call could not start or went on no further; the message is for the user. */
public final class CallException extends RuntimeException {
  private final ErrorCode code;

  public CallException(String message) {
    this(message, null);
  }

  public CallException(String message, ErrorCode code) {
    super(message);
    this.code = code;
  }

  /** The server's error code when the server refused, otherwise {@code null}. */
  public ErrorCode code() {
    return code;
  }
}
