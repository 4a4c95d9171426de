package app.convene.server.store;

import java.sql.SQLException;

/** A database failure that the caller cannot repair; answered as an internal error. */
public final class StoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  StoreException(String message, Throwable cause) {
    super(message, cause);
  }

  /** Whether the cause is a unique-constraint violation (SQLSTATE 23505 on H2 and PostgreSQL). */
  public boolean isUniqueViolation() {
    return getCause() instanceof SQLException sql && Database.isUniqueViolation(sql);
  }
}
