package app.convene.protocol;

/** Checks used by the message records' constructors; a failure becomes {@link ErrorCode#MISSING_FIELD}. */
final class Fields {
  private Fields() {}

  static String required(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new MissingFieldException(name);
    }
    return value;
  }

  static <T> T required(T value, String name) {
    if (value == null) {
      throw new MissingFieldException(name);
    }
    return value;
  }

  /** Thrown from a record constructor when a required field is absent or blank. */
  static final class MissingFieldException extends IllegalArgumentException {
    final String field;

    MissingFieldException(String field) {
      super("missing field '" + field + "'");
      this.field = field;
    }
  }
}
