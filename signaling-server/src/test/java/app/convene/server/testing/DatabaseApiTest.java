package app.convene.server.testing;

import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

/**
 * A REST test class that runs once per database: subclasses are annotated
 * {@code @ParameterizedClass @EnumSource(TestDatabase.class)} and get a real server on that
 * database in {@link #db} (started before the class's tests, stopped after) and a client for it
 * in {@link #api}.
 */
public abstract class DatabaseApiTest {
  @Parameter protected TestDatabase database;

  protected static DatabaseServer db;
  protected static Api api;

  @BeforeParameterizedClassInvocation
  static void startServer(TestDatabase database) throws Exception {
    db = DatabaseServer.start(database);
    api = db.api();
  }

  @AfterParameterizedClassInvocation
  static void stopServer() throws Exception {
    if (db != null) {
      db.close();
      db = null; // a skipped invocation must not close the previous one's server again
    }
  }
}
