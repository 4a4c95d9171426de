package app.convene.server.http;

import app.convene.protocol.api.RestJson;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The REST API's JSON, configured as {@link RestJson} (shared with the client). Reading maps every way a body can be wrong to a 400 {@link ApiException}: not JSON is
 * {@code malformed_json}, JSON of the wrong shape is {@code invalid_input} naming the field.
 * Thread-safe.
 */
public final class Json {
  private static final ObjectMapper MAPPER = RestJson.mapper();

  private Json() {}

  /** The shared mapper, configured as above; do not reconfigure it. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** Reads a JSON object into the type, or throws a 400 {@link ApiException}. */
  public static <T> T read(byte[] body, Class<T> type) {
    Objects.requireNonNull(body, "body == null");
    Objects.requireNonNull(type, "type == null");
    if (body.length == 0) {
      throw new ApiException(400, "malformed_json", "the request needs a JSON body");
    }
    JsonNode tree;
    try {
      tree = MAPPER.readTree(body);
    } catch (JacksonException e) {
      throw new ApiException(400, "malformed_json", "the body is not valid JSON" + where(e));
    } catch (java.io.IOException e) {
      throw new ApiException(400, "malformed_json", "the body could not be read");
    }
    if (tree == null || !tree.isObject()) {
      throw ApiException.invalid("the body must be a JSON object");
    }
    try {
      return MAPPER.treeToValue(tree, type);
    } catch (InvalidFormatException e) {
      throw ApiException.invalid(
          "field '" + path(e) + "' has an invalid value" + expected(e.getTargetType()));
    } catch (MismatchedInputException e) {
      String path = path(e);
      throw ApiException.invalid(path.isEmpty() ? "the body does not have the expected fields"
          : "field '" + path + "' has the wrong type or form" + expected(e.getTargetType()));
    } catch (JsonProcessingException e) {
      // Jackson's own words name our classes (and its own): never shown to a client.
      String path = e instanceof JsonMappingException m ? path(m) : "";
      throw ApiException.invalid(path.isEmpty() ? "the body does not have the expected fields"
          : "field '" + path + "' has an invalid value");
    }
  }

  /** Writes a value as compact JSON text. */
  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
    }
  }

  private static String expected(Class<?> type) {
    if (type == int.class || type == Integer.class || type == long.class || type == Long.class
        || type == short.class || type == Short.class) {
      return "; expected a whole number";
    }
    if (type != null && type.isEnum()) {
      return "; expected one of "
          + Arrays.stream(type.getEnumConstants()).map(String::valueOf)
              .collect(Collectors.joining(", "));
    }
    if (type != null && type.getName().startsWith("java.time.")) {
      return "; expected an ISO-8601 " + (type.getSimpleName().equals("LocalDate")
          ? "date such as 2026-12-31" : "instant such as 2026-12-01T09:00:00Z");
    }
    return "";
  }

  private static String path(JsonMappingException e) {
    return e.getPath().stream()
        .map(r -> r.getFieldName() != null ? r.getFieldName() : String.valueOf(r.getIndex()))
        .collect(Collectors.joining("."));
  }

  /** Where in the body parsing stopped, e.g. " (line 1, column 7)"; Jackson's words stay out. */
  private static String where(JacksonException e) {
    var location = e.getLocation();
    return location == null || location.getLineNr() < 1 ? ""
        : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
  }
}
