package app.convene.client.google;

import app.convene.client.i18n.Messages;
import app.convene.client.storage.UserFolders;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * The OAuth client this installation signs in with: an OAuth client of type "Desktop app" created
 * in Google Cloud Console by whoever deploys Convene. Never part of the repository; read from the
 * environment ({@value #ENV_ID}, {@value #ENV_SECRET}) or from {@value #FILE_NAME} in the user's
 * config folder (keys {@code client_id}, {@code client_secret}); the environment wins.
 *
 * <p>Google documents that the secret of a desktop client is not confidential; PKCE protects the
 * code exchange. {@link #toString()} still hides it, so that it stays out of logs.
 */
public record GoogleConfig(String clientId, String clientSecret, GoogleEndpoints endpoints) {
  public static final String ENV_ID = "CONVENE_GOOGLE_CLIENT_ID";
  public static final String ENV_SECRET = "CONVENE_GOOGLE_CLIENT_SECRET";
  public static final String FILE_NAME = "google-oauth.properties";

  public GoogleConfig {
    Objects.requireNonNull(clientId, "clientId == null");
    Objects.requireNonNull(clientSecret, "clientSecret == null");
    Objects.requireNonNull(endpoints, "endpoints == null");
    if (clientId.isBlank() || clientSecret.isBlank()) {
      throw new IllegalArgumentException("client id and secret must not be blank");
    }
  }

  /** The configuration of this process's user, or empty when none is set up. */
  public static Optional<GoogleConfig> load() throws GoogleException {
    return load(System.getenv(), UserFolders.forCurrentUser().configDir());
  }

  /**
   * Reads the client id and secret, each from {@code env} if set there, else from {@value
   * #FILE_NAME} in {@code configDir}. Blocks on file I/O.
   *
   * @return empty when neither place has either value: show {@link #setupInstructions(Path)}
   * @throws GoogleException when the file cannot be read or only one of the two values is set;
   *     the message names the file and the missing key
   */
  public static Optional<GoogleConfig> load(Map<String, String> env, Path configDir)
      throws GoogleException {
    Objects.requireNonNull(env, "env == null");
    Objects.requireNonNull(configDir, "configDir == null");
    Path file = configDir.resolve(FILE_NAME);
    Properties properties = new Properties();
    if (Files.isRegularFile(file)) {
      try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        properties.load(reader);
      } catch (IOException | IllegalArgumentException e) {
        throw new GoogleException("Can't read " + file + ": " + e.getMessage(), e);
      }
    }
    String id = firstSet(env.get(ENV_ID), properties.getProperty("client_id"));
    String secret = firstSet(env.get(ENV_SECRET), properties.getProperty("client_secret"));
    if (id == null && secret == null) {
      return Optional.empty();
    }
    if (id == null || secret == null) {
      String missing = id == null ? "client_id (or " + ENV_ID + ")" : "client_secret (or " + ENV_SECRET + ")";
      throw new GoogleException(
          "Google sign-in is half set up: "
              + missing
              + " is missing. Add it to "
              + file
              + " or set the environment variable.");
    }
    return Optional.of(new GoogleConfig(id, secret, GoogleEndpoints.GOOGLE));
  }

  /** The same client, talking to other endpoints (tests use a local server). */
  public GoogleConfig withEndpoints(GoogleEndpoints other) {
    return new GoogleConfig(clientId, clientSecret, other);
  }

  /**
   * What to tell a user or admin when {@link #load} found nothing, with the exact file path, in
   * the app's language.
   */
  public static String setupInstructions(Path configDir) {
    Objects.requireNonNull(configDir, "configDir == null");
    // The Cloud Console's menu names stay as its English interface writes them.
    return Messages.format("google.setupSteps", configDir.resolve(FILE_NAME), ENV_ID, ENV_SECRET);
  }

  @Override
  public String toString() {
    return "GoogleConfig[clientId=" + clientId + ", clientSecret=(hidden), endpoints=" + endpoints + "]";
  }

  private static String firstSet(String a, String b) {
    if (a != null && !a.isBlank()) {
      return a.strip();
    }
    return b != null && !b.isBlank() ? b.strip() : null;
  }
}
