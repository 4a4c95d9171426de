package app.convene.protocol;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Reads and writes {@link SignalMessage}s as JSON text. Thread-safe; one shared instance.
 *
 * <p>Every way a text can be wrong maps to one {@link ErrorCode}: not a JSON object is {@link
 * ErrorCode#MALFORMED_MESSAGE}, an unknown {@code type} is {@link ErrorCode#UNKNOWN_TYPE}, an absent
 * required field (or {@code type}) is {@link ErrorCode#MISSING_FIELD}, and a field of the wrong
 * JSON type is {@link ErrorCode#INVALID_FIELD}. Unknown fields are ignored so that newer peers can
 * add them. A field renamed by a protocol version is read under either name (version 1's {@code
 * room} is {@code roomId}); a message that carries both with different values is {@link
 * ErrorCode#INVALID_FIELD}. Instants are ISO-8601 strings in UTC, e.g. {@code
 * "2026-12-01T08:05:00Z"}.
 */
public final class SignalCodec {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
          .build();
  private static final Map<Class<?>, String> TYPES = readTypeNames();

  private SignalCodec() {}

  /** Parses one message; never returns {@code null}. */
  public static SignalMessage parse(String text) throws ProtocolException {
    Objects.requireNonNull(text, "text == null");
    JsonNode tree;
    try {
      tree = MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new ProtocolException(ErrorCode.MALFORMED_MESSAGE, "not valid JSON" + where(e), null);
    }
    if (tree == null || !tree.isObject()) {
      throw new ProtocolException(ErrorCode.MALFORMED_MESSAGE, "a message is a JSON object", null);
    }
    JsonNode type = tree.get("type");
    String ref = type != null && type.isTextual() ? type.asText() : null;
    version1Names((ObjectNode) tree, ref);
    try {
      return MAPPER.treeToValue(tree, SignalMessage.class);
    } catch (InvalidTypeIdException e) {
      if (type == null || type.isNull()) {
        throw new ProtocolException(ErrorCode.MISSING_FIELD, "missing field 'type'", null);
      }
      throw new ProtocolException(
          ErrorCode.UNKNOWN_TYPE, "unknown message type " + type, ref);
    } catch (ValueInstantiationException e) {
      if (e.getCause() instanceof Fields.MissingFieldException missing) {
        throw new ProtocolException(ErrorCode.MISSING_FIELD, missing.getMessage(), ref);
      }
      if (e.getCause() instanceof IllegalArgumentException invalid) {
        // The record's own words ("'about' must be …"), not Jackson's, which name our classes.
        throw new ProtocolException(ErrorCode.INVALID_FIELD, invalid.getMessage(), ref);
      }
      throw new ProtocolException(ErrorCode.INVALID_FIELD, "a field has an invalid value", ref);
    } catch (MismatchedInputException e) {
      String field = path(e);
      JsonNode value = tree.get(field);
      if (value == null || value.isNull()) {
        // An absent or null number reaches us as null for a primitive.
        throw new ProtocolException(ErrorCode.MISSING_FIELD, "missing field '" + field + "'", ref);
      }
      throw new ProtocolException(
          ErrorCode.INVALID_FIELD, "field '" + field + "' has the wrong type", ref);
    } catch (JacksonException e) {
      // Jackson's own words name our classes: never shown to a client.
      String field = e instanceof JsonMappingException m ? path(m) : "";
      throw new ProtocolException(ErrorCode.INVALID_FIELD,
          field.isEmpty() ? "the message does not fit its type" : "field '" + field
              + "' has an invalid value", ref);
    }
  }

  /**
   * Reads version 1's {@code room} as {@code roomId} (version 2's name; {@code joined} and {@code
   * removed} carry both while version 1 is supported). The tree is changed before Jackson sees it
   * rather than left to the records' {@code @JsonAlias}: Jackson names the property, not the alias,
   * in its errors, and takes an alias that comes after a record's last field for a setter.
   */
  private static void version1Names(ObjectNode tree, String ref) throws ProtocolException {
    JsonNode room = tree.remove("room");
    if (room == null) {
      return;
    }
    JsonNode roomId = tree.get("roomId");
    if (roomId == null) {
      tree.set("roomId", room);
    } else if (!roomId.equals(room)) {
      throw new ProtocolException(ErrorCode.INVALID_FIELD,
          "fields 'roomId' and 'room' (its version-1 name) name different rooms", ref);
    }
  }

  /**
   * The wire {@code type} of a message ("join", "peer-joined", …), for logs and the {@code ref} of
   * errors: the names of {@link SignalMessage}'s {@code @JsonSubTypes}, the one list of them.
   */
  public static String typeOf(SignalMessage message) {
    String type = TYPES.get(Objects.requireNonNull(message, "message == null").getClass());
    if (type == null) {
      throw new IllegalStateException(message.getClass().getSimpleName()
          + " is not in SignalMessage's @JsonSubTypes");
    }
    return type;
  }

  /** The type names by record, read once from the annotation. */
  static Map<Class<?>, String> typeNames() {
    return TYPES;
  }

  private static Map<Class<?>, String> readTypeNames() {
    Map<Class<?>, String> names = new HashMap<>();
    for (JsonSubTypes.Type type : SignalMessage.class.getAnnotation(JsonSubTypes.class).value()) {
      if (names.put(type.value(), type.name()) != null) {
        throw new IllegalStateException(type.value().getSimpleName() + " is listed twice");
      }
    }
    return Map.copyOf(names);
  }

  /** Writes one message as compact JSON text. */
  public static String write(SignalMessage message) {
    Objects.requireNonNull(message, "message == null");
    try {
      return MAPPER.writerFor(SignalMessage.class).writeValueAsString(message);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + message.getClass().getSimpleName(), e);
    }
  }

  private static String path(JsonMappingException e) {
    return e.getPath().stream()
        .map(r -> r.getFieldName() != null ? r.getFieldName() : String.valueOf(r.getIndex()))
        .collect(Collectors.joining("."));
  }

  /** Where parsing stopped, e.g. " (line 1, column 7)"; Jackson's words (class names) stay out. */
  private static String where(JacksonException e) {
    var location = e.getLocation();
    return location == null || location.getLineNr() < 1 ? ""
        : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
  }
}
