package app.convene.client.account;

import app.convene.client.storage.SealedFiles;
import static org.assertj.core.api.Assertions.assertThat;

import app.convene.protocol.api.RestJson;
import app.convene.protocol.api.AuthSession;
import app.convene.protocol.api.UserView;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stored session is encrypted on disk, read back, migrated from plain JSON and survives damage. */
class SessionStoreTest {
  private static final URI SERVER = URI.create("http://127.0.0.1:8787/");
  private static final AuthSession SESSION = new AuthSession(
      new UserView("u-1", "anna@example.org", "Anna"), "eyJhbGciOi.access-token-secret-part",
      Instant.parse("2026-12-01T09:15:00Z"), "refresh-token-0123456789-abcdefghij");

  @TempDir Path dir;

  @Test
  void theFileHoldsNoTokenAndTheSessionComesBack() throws Exception {
    new SessionStore(SealedFiles.withKeyFile(dir)).save(SERVER, SESSION);

    assertThat(fileText()).doesNotContain(SESSION.refreshToken())
        .doesNotContain("access-token-secret").doesNotContain("anna@example.org");
    assertThat(new SessionStore(SealedFiles.withKeyFile(dir)).load()).contains(new SessionStore.Saved(SERVER, SESSION));
    Path key = SealedFiles.withKeyFile(dir).keyFile();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
        dir.resolve("session.json")))).isEqualTo("rw-------");
  }

  @Test
  void aPlainSessionOfAnOlderVersionIsReadOnceAndWrittenBackEncrypted() throws Exception {
    Files.write(dir.resolve("session.json"),
        RestJson.mapper().writeValueAsBytes(new SessionStore.Saved(SERVER, SESSION)));
    assertThat(fileText()).contains(SESSION.refreshToken());

    assertThat(new SessionStore(SealedFiles.withKeyFile(dir)).load()).contains(new SessionStore.Saved(SERVER, SESSION));

    assertThat(fileText()).doesNotContain(SESSION.refreshToken());
    assertThat(new SessionStore(SealedFiles.withKeyFile(dir)).load()).contains(new SessionStore.Saved(SERVER, SESSION));
  }

  @Test
  void aDamagedFileIsNoSessionAndTheNextSignInIsStored() throws Exception {
    SessionStore store = new SessionStore(SealedFiles.withKeyFile(dir));
    store.save(SERVER, SESSION);
    byte[] bytes = Files.readAllBytes(dir.resolve("session.json"));
    bytes[bytes.length - 5] ^= 0x01;
    Files.write(dir.resolve("session.json"), bytes);

    assertThat(store.load()).isEmpty();

    store.save(SERVER, SESSION);
    assertThat(store.load()).contains(new SessionStore.Saved(SERVER, SESSION));
  }

  @Test
  void aLostOrDamagedKeyIsNoSessionNotACrash() throws Exception {
    new SessionStore(SealedFiles.withKeyFile(dir)).save(SERVER, SESSION);
    Files.writeString(SealedFiles.withKeyFile(dir).keyFile(), "not base64 at all!");

    assertThat(new SessionStore(SealedFiles.withKeyFile(dir)).load()).isEmpty();

    Files.delete(SealedFiles.withKeyFile(dir).keyFile());
    assertThat(new SessionStore(SealedFiles.withKeyFile(dir)).load()).isEmpty();
    new SessionStore(SealedFiles.withKeyFile(dir)).save(SERVER, SESSION);
    assertThat(new SessionStore(SealedFiles.withKeyFile(dir)).load()).contains(new SessionStore.Saved(SERVER, SESSION));
  }

  @Test
  void aFileSealedForAnotherNameDoesNotOpen() throws Exception {
    SealedFiles files = SealedFiles.withKeyFile(dir);
    files.write(dir.resolve("meetings-u-1.json"), "{}".getBytes(StandardCharsets.UTF_8));
    Files.copy(dir.resolve("meetings-u-1.json"), dir.resolve("session.json"));

    assertThat(new SessionStore(SealedFiles.withKeyFile(dir)).load()).isEmpty();
  }

  private String fileText() throws Exception {
    return Files.readString(dir.resolve("session.json"), StandardCharsets.ISO_8859_1);
  }
}
