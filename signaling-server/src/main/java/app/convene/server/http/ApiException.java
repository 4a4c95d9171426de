package app.convene.server.http;

import app.convene.protocol.api.ApiError;
import java.util.Map;
import java.util.Objects;

/**
 * A request that cannot be served as asked; {@link ApiHandler} answers it with an {@link ApiError}
 * of this status, code and message. The message is for people and is sent to the client, so it
 * never holds another user's data.
 */
public final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String code;
  private final long retryAfterSeconds;
  private final Map<String, String> details;

  public ApiException(int status, String code, String message) {
    this(status, code, message, 0, Map.of());
  }

  /** An error with the facts a client words it from ({@link ApiError#details()}). */
  public ApiException(int status, String code, String message, Map<String, String> details) {
    this(status, code, message, 0, details);
  }

  private ApiException(int status, String code, String message, long retryAfterSeconds,
      Map<String, String> details) {
    super(Objects.requireNonNull(message, "message == null"), null, false, false);
    this.status = status;
    this.code = Objects.requireNonNull(code, "code == null");
    this.retryAfterSeconds = retryAfterSeconds;
    this.details = Map.copyOf(details);
  }

  /**
   * 503 {@code server_busy}: the server is short of a resource for this request, which may be
   * sent again after {@code retryAfterSeconds} (answered as {@code Retry-After}).
   */
  public static ApiException busy(String message, long retryAfterSeconds) {
    if (retryAfterSeconds < 1) {
      throw new IllegalArgumentException("retryAfterSeconds < 1: " + retryAfterSeconds);
    }
    return new ApiException(503, "server_busy", message, retryAfterSeconds, Map.of());
  }

  /**
   * 429 {@code too_many_attempts}: the client tried too often and may try again after {@code
   * retryAfterSeconds} (answered as {@code Retry-After}).
   */
  public static ApiException tooManyAttempts(String message, long retryAfterSeconds) {
    if (retryAfterSeconds < 1) {
      throw new IllegalArgumentException("retryAfterSeconds < 1: " + retryAfterSeconds);
    }
    return new ApiException(429, "too_many_attempts", message, retryAfterSeconds, Map.of());
  }

  /** 400 {@code invalid_input}. */
  public static ApiException invalid(String message) {
    return new ApiException(400, "invalid_input", message);
  }

  /** 404 {@code not_found}. */
  public static ApiException notFound(String what) {
    return new ApiException(404, "not_found", what + " not found");
  }

  /** 403 {@code forbidden}. */
  public static ApiException forbidden(String message) {
    return new ApiException(403, "forbidden", message);
  }

  /** 401 {@code unauthorized}. */
  public static ApiException unauthorized(String message) {
    return new ApiException(401, "unauthorized", message);
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  /** Seconds for a {@code Retry-After} header, or 0 for none. */
  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }

  public ApiError toError() {
    return new ApiError(status, code, getMessage(), details);
  }
}
