package app.convene.client.google;

import app.convene.client.storage.SealedFiles;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.api.client.auth.oauth2.Credential;
import com.google.api.client.auth.oauth2.CredentialRefreshListener;
import com.google.api.client.auth.oauth2.TokenErrorResponse;
import com.google.api.client.auth.oauth2.TokenResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The saved Google tokens, {@code <dataDir>/google/tokens.json}, owner-only and encrypted with the
 * data folder's key ({@link SealedFiles}); a file from before encryption is read once and written
 * back encrypted, and a damaged one counts as signed out of Google. Also the credential's
 * refresh listener: a refreshed access token is saved at once, and tokens that Google calls {@code
 * invalid_grant} (revoked or expired) are deleted. Thread-safe; blocking I/O.
 *
 * <p>Why not the library's {@code FileDataStoreFactory}: it creates its files with the process
 * umask (readable by others on most systems) and stores Java-serialised objects.
 */
final class TokenStore implements CredentialRefreshListener {
  private static final Logger log = LoggerFactory.getLogger(TokenStore.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What is saved; {@code expiresAtMillis} is {@code null} when Google did not say. */
  record Tokens(String accessToken, String refreshToken, Long expiresAtMillis) {}

  private final Path file;
  private final SealedFiles sealed;

  /**
   * @param googleDir the {@code google} folder in the data folder
   * @param sealed the data folder's files, whose key seals this one
   */
  TokenStore(Path googleDir, SealedFiles sealed) {
    this.file = Objects.requireNonNull(googleDir, "googleDir == null").resolve("tokens.json");
    this.sealed = Objects.requireNonNull(sealed, "sealed == null");
  }

  Path file() {
    return file;
  }

  /** The saved tokens; a file that cannot be parsed is treated as absent (and logged). */
  synchronized Optional<Tokens> load() throws IOException {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      SealedFiles.Read read = sealed.read(file);
      Tokens tokens = JSON.readValue(read.content(), Tokens.class);
      if (read.plain()) {
        sealed.write(file, read.content());
      }
      return tokens.refreshToken() == null && tokens.accessToken() == null
          ? Optional.empty()
          : Optional.of(tokens);
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      log.warn("Ignoring unreadable Google token file {}: {}", file, e.getOriginalMessage());
      return Optional.empty();
    } catch (IOException e) {
      log.warn("Ignoring a damaged Google token file {}: {}", file, e.getMessage());
      return Optional.empty();
    }
  }

  synchronized void save(Credential credential) throws IOException {
    Tokens tokens =
        new Tokens(
            credential.getAccessToken(),
            credential.getRefreshToken(),
            credential.getExpirationTimeMilliseconds());
    sealed.write(file, JSON.writeValueAsBytes(tokens));
  }

  /** Returns whether a file was there. */
  synchronized boolean delete() throws IOException {
    return Files.deleteIfExists(file);
  }

  /** Called on the thread that refreshed the token. */
  @Override
  public void onTokenResponse(Credential credential, TokenResponse response) {
    try {
      save(credential);
    } catch (IOException e) {
      log.warn("Could not save the refreshed Google token to {}", file, e);
    }
  }

  /** Called on the thread that tried to refresh the token. */
  @Override
  public void onTokenErrorResponse(Credential credential, TokenErrorResponse response) {
    if (response != null && "invalid_grant".equals(response.getError())) {
      try {
        delete();
      } catch (IOException e) {
        log.warn("Could not delete the revoked Google token file {}", file, e);
      }
    }
  }
}
