package app.convene.server;

import static org.assertj.core.api.Assertions.assertThat;

import app.convene.protocol.IceServer;
import app.convene.server.store.AtRestSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Operators' configurations keep working: the flags and variables of docs/server.md, spelled as
 * they always were, are read into the per-feature records.
 */
class OperatorConfigTest {
  private static final Path DOCS = Path.of("..", "docs", "server.md");
  /** A row of an options table: {@code | `--name=VALUE` | `CONVENE_NAME` | meaning |}. */
  private static final Pattern ROW =
      Pattern.compile("^\\| `--([a-z-]+)=[^`]*` \\| `(CONVENE_[A-Z_]+)` \\|", Pattern.MULTILINE);

  @Test
  void everyDocumentedOptionIsReadUnderItsFlagAndItsVariable() throws IOException {
    Map<String, String> documented = new LinkedHashMap<>();
    Matcher row = ROW.matcher(Files.readString(DOCS));
    while (row.find()) {
      documented.put(row.group(1), row.group(2));
    }

    Map<String, String> known = new LinkedHashMap<>();
    ConfigOptions.ALL.forEach(o -> known.put(o.name(), o.env()));
    assertThat(documented).hasSizeGreaterThan(50);
    assertThat(known).containsExactlyInAnyOrderEntriesOf(documented);
  }

  @Test
  void anEnvironmentFileOfTheLastReleaseStillParses() {
    // installers/server/server.env with its commented settings filled in, plus the Dockerfile's.
    Map<String, String> env = Map.ofEntries(
        Map.entry("CONVENE_HOST", "0.0.0.0"),
        Map.entry("CONVENE_PORT", "8787"),
        Map.entry("CONVENE_DATA_DIR", "/var/lib/convene"),
        Map.entry("CONVENE_STUN", "stun:turn.example.org:3478"),
        Map.entry("CONVENE_TURN",
            "turn:turn.example.org:3478?transport=udp,turns:turn.example.org:5349?transport=tcp"),
        Map.entry("CONVENE_TURN_SECRET", "change-me"),
        Map.entry("CONVENE_TURN_TTL_SECONDS", "3600"),
        Map.entry("CONVENE_MAX_PEERS", "6"),
        Map.entry("CONVENE_ROOM_IDLE_CHECK_SECONDS", "600"),
        Map.entry("CONVENE_SMTP_HOST", "smtp.example.org"),
        Map.entry("CONVENE_SMTP_USER", "convene"),
        Map.entry("CONVENE_SMTP_PASSWORD", "change-me"),
        Map.entry("CONVENE_SMTP_FROM", "Convene <convene@example.org>"),
        Map.entry("CONVENE_TOKEN_SECRET", "a-token-secret-of-at-least-32-bytes!"),
        Map.entry("CONVENE_ACCESS_TOKEN_TTL_SECONDS", "600"),
        Map.entry("CONVENE_DATABASE_KEY_FILE", "/etc/convene/db-key"));

    ServerConfig config = ServerConfig.parse(new String[0], env);

    assertThat(config.network().host()).isEqualTo("0.0.0.0");
    assertThat(config.network().port()).isEqualTo(8787);
    assertThat(config.storage().dataDir()).isEqualTo(Path.of("/var/lib/convene"));
    assertThat(config.storage().atRest())
        .isEqualTo(new AtRestSettings(Path.of("/etc/convene/db-key")));
    assertThat(config.ice().servers()).extracting(IceServer::urls).containsExactly(
        List.of("stun:turn.example.org:3478"),
        List.of("turn:turn.example.org:3478?transport=udp"),
        List.of("turns:turn.example.org:5349?transport=tcp"));
    assertThat(config.ice().turnSecret()).isEqualTo("change-me");
    assertThat(config.ice().turnCredentialTtl()).isEqualTo(Duration.ofHours(1));
    assertThat(config.signaling().maxPeersPerRoom()).isEqualTo(6);
    assertThat(config.jobs().roomIdleCheckInterval()).isEqualTo(Duration.ofMinutes(10));
    assertThat(config.smtp().host()).isEqualTo("smtp.example.org");
    assertThat(config.smtp().port()).isEqualTo(587);
    assertThat(config.tokens().secret()).isEqualTo("a-token-secret-of-at-least-32-bytes!");
    assertThat(config.tokens().accessTokenTtl()).isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void flagsWhoseNamesDifferFromTheSettingsTheyFillStillParse() {
    ServerConfig config = ServerConfig.parse(new String[] {
        "--max-peers=3", "--turn-ttl-seconds=120", "--db-url=jdbc:postgresql://db/convene",
        "--db-user=convene", "--db-password=pw", "--room-idle-check-seconds=30",
        "--password-hash-wait-millis=500", "--throttle-attempts=7", "--public-url=https://c.org",
        "--accept-queue-size=64", "--tls-reload-seconds=3"}, Map.of());

    assertThat(config.signaling().maxPeersPerRoom()).isEqualTo(3);
    assertThat(config.ice().turnCredentialTtl()).isEqualTo(Duration.ofMinutes(2));
    assertThat(config.storage().databaseUrl()).isEqualTo("jdbc:postgresql://db/convene");
    assertThat(config.storage().databaseUser()).isEqualTo("convene");
    assertThat(config.storage().databasePassword()).isEqualTo("pw");
    assertThat(config.jobs().roomIdleCheckInterval()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.passwordHashing().maxWait()).isEqualTo(Duration.ofMillis(500));
    assertThat(config.throttle().attemptsPerWindow()).isEqualTo(7);
    assertThat(config.registration().publicUrl()).hasToString("https://c.org");
    assertThat(config.network().acceptQueueSize()).isEqualTo(64);
    assertThat(config.web().tlsReloadInterval()).isEqualTo(Duration.ofSeconds(3));
  }
}
