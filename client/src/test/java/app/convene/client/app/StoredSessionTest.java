package app.convene.client.app;

import static org.assertj.core.api.Assertions.assertThat;

import app.convene.client.storage.SealedFiles;
import app.convene.client.account.SessionStore;
import app.convene.client.tls.ServerTrust;
import app.convene.protocol.api.AuthSession;
import app.convene.protocol.api.UserView;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A saved session is resumed unless {@code --server} names another server. */
class StoredSessionTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T09:00:00Z"),
      ZoneOffset.UTC);
  private static final AuthSession SESSION = new AuthSession(
      new UserView("u-1", "anna@example.org", "Anna"), "access", CLOCK.instant().plusSeconds(900),
      "refresh");

  @TempDir Path dir;

  @Test
  void anotherServerOnTheCommandLineIsNotSignedInAsTheSavedOne() {
    SessionStore store = new SessionStore(SealedFiles.withKeyFile(dir));
    store.save(URI.create("https://meet.example.com/"), SESSION);
    ServerTrust trust = ServerTrust.withExtraCa(null);

    assertThat(StoredSessions.read(store, null, CLOCK, trust)).isNotNull();
    assertThat(StoredSessions.read(store, URI.create("https://MEET.example.com"), CLOCK,
        trust)).isNotNull();
    assertThat(StoredSessions.read(store, URI.create("https://other.example.com"), CLOCK,
        trust)).isNull();
    assertThat(StoredSessions.read(store, URI.create("http://meet.example.com"), CLOCK,
        trust)).isNull();
  }
}
