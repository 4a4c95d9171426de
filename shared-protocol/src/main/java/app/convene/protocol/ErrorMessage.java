package app.convene.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Server to client: a message could not be handled. The connection stays open unless the code
 * says otherwise ({@link ErrorCode#closesConnection()}).
 *
 * @param code what went wrong, for programs
 * @param message what went wrong, for people
 * @param ref the {@code type} of the message that caused the error, when known
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorMessage(ErrorCode code, String message, String ref) implements SignalMessage {
  public ErrorMessage {
    Fields.required(code, "code");
    Fields.required(message, "message");
  }

  public ErrorMessage(ErrorCode code, String message) {
    this(code, message, null);
  }
}
