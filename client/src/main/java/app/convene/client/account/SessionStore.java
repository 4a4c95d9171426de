package app.convene.client.account;

import app.convene.client.storage.SealedFiles;
import app.convene.protocol.api.RestJson;
import app.convene.protocol.api.AuthSession;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the signed-in session (server address and tokens) in {@code session.json} in the user's
 * data folder, readable by the owner only and encrypted ({@link SealedFiles}); a file from before
 * encryption is read once and written back encrypted. A damaged file, or one sealed with a lost
 * key, counts as no session: the user signs in again. Blocking file I/O: off the FX thread.
 */
public final class SessionStore {
  private static final Logger log = LoggerFactory.getLogger(SessionStore.class);

  /** What is stored: which server, and the session on it. */
  public record Saved(URI server, AuthSession session) {}

  private final Path file;
  private final SealedFiles sealed;

  /** @param sealed the data folder's files, which hold {@code session.json} */
  public SessionStore(SealedFiles sealed) {
    this.sealed = Objects.requireNonNull(sealed, "sealed == null");
    this.file = sealed.dataDir().resolve("session.json");
  }

  public Path file() {
    return file;
  }

  public Optional<Saved> load() {
    try {
      SealedFiles.Read read = sealed.read(file);
      Saved saved = RestJson.mapper().readValue(read.content(), Saved.class);
      if (read.plain()) {
        save(saved.server(), saved.session());
      }
      return Optional.of(saved);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      log.warn("ignoring an unreadable session file {}: {}", file, e.getMessage());
      return Optional.empty();
    }
  }

  public void save(URI server, AuthSession session) {
    try {
      sealed.write(file, RestJson.mapper().writeValueAsBytes(new Saved(server, session)));
    } catch (IOException e) {
      log.warn("cannot store the session in {}: {}", file, e.getMessage());
    }
  }

  public void clear() {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      log.warn("cannot delete {}: {}", file, e.getMessage());
    }
  }
}
