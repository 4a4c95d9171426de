package app.convene.server.mail;

import app.convene.server.ServerConfig;
import app.convene.server.testing.DatabaseServer;
import app.convene.server.testing.TestDatabase;
import app.convene.server.testing.TestServer;
import java.io.IOException;
import java.sql.SQLException;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * The real server on one database with SMTP pointed at an {@link Inbox}: the setup of the
 * end-to-end mail tests, started once per test class and database and closed after it (the
 * server first, then the inbox).
 */
final class MailServer implements AutoCloseable {
  private final Inbox inbox;
  private final DatabaseServer db;

  private MailServer(Inbox inbox, DatabaseServer db) {
    this.inbox = inbox;
    this.db = db;
  }

  /** {@link TestServer#config()} with mail to a new inbox, changed further by {@code config}. */
  static MailServer start(TestDatabase database, UnaryOperator<ServerConfig> config)
      throws Exception {
    Inbox inbox = Inbox.start();
    try {
      return new MailServer(inbox, DatabaseServer.start(database,
          config.apply(TestServer.config().withSmtp(inbox.settings()))));
    } catch (Exception | Error e) {
      inbox.close();
      throw e;
    }
  }

  Inbox inbox() {
    return inbox;
  }

  DatabaseServer db() {
    return db;
  }

  /** An address no other test uses: {@code name-<random>@example.org}. */
  static String unique(String name) {
    return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
  }

  @Override
  public void close() throws IOException, SQLException {
    try {
      db.close();
    } finally {
      inbox.close();
    }
  }
}
