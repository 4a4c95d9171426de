package app.convene.client.api;

import app.convene.protocol.api.ApiError;
import java.util.Map;

/**
 * A request the server answered with an error, or could not be sent. {@link #isOffline()} tells a
 * network failure (the server cannot be reached, does not answer in time, or something other than
 * Convene's API answers, such as a network's sign-in page) from an answer of the server.
 */
public final class ApiException extends Exception {
  private final int status;
  private final String code;
  private final Map<String, String> details;

  public ApiException(ApiError error) {
    super(error.message());
    this.status = error.status();
    this.code = error.code();
    this.details = error.details();
  }

  /** The code of a server whose certificate is not trusted (it counts as offline). */
  public static final String UNTRUSTED = "untrusted_certificate";

  public ApiException(String message, Throwable cause) {
    this("offline", message, cause);
  }

  /** The server could not be reached, for the reason {@code code} ({@link #UNTRUSTED}). */
  public ApiException(String code, String message, Throwable cause) {
    super(message, cause);
    this.status = 0;
    this.code = code;
    this.details = Map.of();
  }

  /** The facts behind the code, for words in the app's language (see {@link ApiError}). */
  public Map<String, String> details() {
    return details;
  }

  /** The HTTP status, or 0 when the server could not be reached. */
  public int status() {
    return status;
  }

  /** The server's error code, e.g. {@code invalid_input}, or {@code offline}. */
  public String code() {
    return code;
  }

  public boolean isOffline() {
    return status == 0;
  }
}
