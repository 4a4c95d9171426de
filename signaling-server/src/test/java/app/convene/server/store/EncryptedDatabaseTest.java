package app.convene.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.convene.protocol.api.RoomRequest;
import app.convene.protocol.api.RoomView;
import app.convene.server.ServerConfig;
import app.convene.server.SignalingServer;
import app.convene.server.testing.Api;
import app.convene.server.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded database file encrypted with a key file ({@code --database-key-file}): what the API
 * wrote is not in the file, the server reads it back after a restart, and a server without the
 * key, with a wrong key or with an unusable key file refuses to start and says why.
 */
class EncryptedDatabaseTest {
  private static final String MARKER = "Quarterly-salaries-7f3a9c";

  @TempDir Path dataDir;
  @TempDir Path secrets;

  @Test
  void withAKeyTheFileHoldsNoPlaintextAndTheDataSurvivesARestart() throws Exception {
    Path key = key("k", "c29tZS1yYW5kb20ta2V5LWZvci10ZXN0cw==");
    ServerConfig config = encrypted(key);
    String token = writeRoom(config);

    assertThat(fileText()).doesNotContain(MARKER);
    try (SignalingServer server = SignalingServer.start(config)) {
      assertThat(new Api(server.apiUri()).get("rooms", token).body()).contains(MARKER);
    }
  }

  @Test
  void withoutAKeyTheSameDataIsReadableInTheFile() throws Exception {
    writeRoom(config());

    assertThat(fileText()).contains(MARKER);
  }

  @Test
  void anEncryptedFileWithoutTheKeyIsRefusedWithAClearMessage() throws Exception {
    writeRoom(encrypted(key("k", "the-right-key-of-the-file")));

    assertThatThrownBy(() -> SignalingServer.start(config()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is encrypted (start the server with --database-key-file)");
  }

  @Test
  void aWrongKeyOrAKeyForAPlainFileIsRefusedWithAClearMessage() throws Exception {
    writeRoom(encrypted(key("k", "the-right-key-of-the-file")));
    ServerConfig wrong = encrypted(key("w", "a-wrong-key-for-the-file"));

    assertThatThrownBy(() -> SignalingServer.start(wrong))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("the key is wrong, or the file is not encrypted")
        .hasMessageContaining("ChangeFileEncryption")
        .hasMessageNotContaining("the-right-key").hasMessageNotContaining("a-wrong-key");
  }

  @Test
  void aMissingShortOrSpacedKeyFileIsRefused() throws Exception {
    assertThatThrownBy(() -> SignalingServer.start(
        encrypted(secrets.resolve("absent"))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not exist");
    assertThatThrownBy(() -> SignalingServer.start(
        encrypted(key("short", "tooshort"))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 16");
    assertThatThrownBy(() -> SignalingServer.start(
        encrypted(key("spaced", "a key with spaces in it"))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("white space");
    assertThat(dataDir.resolve("convene.mv.db")).doesNotExist();
  }

  @Test
  void theKeyFileIsOnlyForTheEmbeddedDatabase() {
    assertThatThrownBy(() -> ServerConfig.parse(new String[] {
        "--db-url=jdbc:postgresql://db.example.org/convene"},
        java.util.Map.of("CONVENE_DATABASE_KEY_FILE", "/run/secrets/db-key")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("CONVENE_DATABASE_KEY_FILE");
    assertThat(ServerConfig.parse(new String[0],
        java.util.Map.of("CONVENE_DATABASE_KEY_FILE", "/run/secrets/db-key")).storage().atRest())
        .isEqualTo(new AtRestSettings(Path.of("/run/secrets/db-key")));
    assertThat(ServerConfig.defaults().storage().atRest()).isEqualTo(AtRestSettings.OFF);
  }

  private ServerConfig config() {
    return TestServer.config().withStorage(s -> s.withDataDir(dataDir));
  }

  /** {@link #config()} with the database encrypted by the key in {@code keyFile}. */
  private ServerConfig encrypted(Path keyFile) {
    return config().withStorage(s -> s.withAtRest(new AtRestSettings(keyFile)));
  }

  /** Registers Anna and creates a room named {@link #MARKER}; returns Anna's access token. */
  private static String writeRoom(ServerConfig config) throws Exception {
    try (SignalingServer server = SignalingServer.start(config)) {
      Api api = new Api(server.apiUri());
      Api.User anna = api.register("Anna");
      assertThat(api.post("rooms", anna.token(), new RoomRequest(MARKER, 4)).as(RoomView.class)
          .name()).isEqualTo(MARKER);
      return anna.token();
    }
  }

  private Path key(String name, String key) throws Exception {
    return Files.writeString(secrets.resolve(name), key + "\n");
  }

  private String fileText() throws Exception {
    return new String(Files.readAllBytes(dataDir.resolve("convene.mv.db")),
        StandardCharsets.ISO_8859_1);
  }
}
