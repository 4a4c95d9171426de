package app.convene.protocol.api;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one JSON configuration of the REST payloads (and of the client's files), for the server and
 * the client alike: instants as ISO-8601 strings ({@code 2026-12-01T09:00:00Z}), dates as {@code
 * 2026-12-31}, durations as {@code PT10M}, offsets kept as written, unknown fields ignored (a newer peer may add some), and no silent coercion (a null for
 * a number, 1.5 for a whole number, or text after the object is refused).
 */
public final class RestJson {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
          .build();

  private RestJson() {}

  /** The shared mapper, thread-safe; do not reconfigure it. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }
}
