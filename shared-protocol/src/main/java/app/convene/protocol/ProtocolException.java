package app.convene.protocol;

import java.util.Objects;

/** A message that could not be read; carries the typed error to answer it with. */
public final class ProtocolException extends Exception {
  private final ErrorCode code;
  private final String ref;

  public ProtocolException(ErrorCode code, String message, String ref) {
    super(message);
    this.code = Objects.requireNonNull(code, "code == null");
    this.ref = ref;
  }

  public ErrorCode code() {
    return code;
  }

  /** The {@code type} of the offending message, when it could be read; otherwise {@code null}. */
  public String ref() {
    return ref;
  }

  /** The error message to send back. */
  public ErrorMessage toMessage() {
    return new ErrorMessage(code, getMessage(), ref);
  }
}
