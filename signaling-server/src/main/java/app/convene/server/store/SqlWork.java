package app.convene.server.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Work on one connection; see {@link Database#read} and {@link Database#inTransaction}.
 *
 * @param <T> what the work returns
 */
@FunctionalInterface
public interface SqlWork<T> {
  T run(Connection connection) throws SQLException;
}
