package app.convene.protocol.api;

/**
 * The body of every 4xx and 5xx answer.
 *
 * @param status the HTTP status
 * @param code a stable machine-readable code, e.g. {@code invalid_input}, {@code not_found}
 * @param message what went wrong, for people
 */
public record ApiError(int status, String code, String message) {}
