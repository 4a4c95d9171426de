package app.convene.protocol.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * The body of every 4xx and 5xx answer.
 *
 * @param status the HTTP status
 * @param code a stable machine-readable code, e.g. {@code invalid_input}, {@code not_found}
 * @param message what went wrong, for people (in English: clients word it in their language from
 *     {@code code} and {@code details})
 * @param details the facts behind some codes, for a client to word them, e.g. {@code
 *     weak_password}: {@code {"rule":"length","min":"8","max":"200"}}; empty for most (and left out
 *     of the JSON)
 */
public record ApiError(int status, String code, String message,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> details) {

  public ApiError {
    details = details == null ? Map.of() : Map.copyOf(details);
  }

  public ApiError(int status, String code, String message) {
    this(status, code, message, Map.of());
  }
}
