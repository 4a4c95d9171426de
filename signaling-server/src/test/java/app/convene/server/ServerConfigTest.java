package app.convene.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.convene.protocol.IceServer;
import app.convene.server.auth.PasswordHashing;
import app.convene.server.auth.RegistrationSettings;
import app.convene.server.auth.TokenSettings;
import app.convene.server.ice.IceSettings;
import app.convene.server.jobs.JobSettings;
import app.convene.server.mail.SmtpSettings;
import app.convene.server.mail.SmtpTls;
import app.convene.server.signaling.SignalingSettings;
import app.convene.server.store.StorageSettings;
import app.convene.server.throttle.ThrottleSettings;
import java.net.URI;
import app.convene.server.web.WebSecurity;
import app.convene.server.store.AtRestSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerConfigTest {
  private static final String[] NO_ARGS = {};
  private static final String SECRET = "a-token-secret-of-at-least-32-bytes!";
  private static final ServerConfig EVERY_OPTION = new ServerConfig(
      new NetworkSettings("0.0.0.0", 9000, 2048),
      WebSecurity.DEFAULT,
      new SignalingSettings(4, 2048, 16, Duration.ofSeconds(30), Duration.ofSeconds(10),
          Duration.ZERO, Duration.ofSeconds(7)),
      new IceSettings(List.of(ice("stun:a.example.org"), ice("stun:b.example.org:3478"),
          ice("turns:t.example.org:5349")), "north-wind", Duration.ofMinutes(10)),
      new StorageSettings(Path.of("/srv/convene"), "jdbc:postgresql://db.example.org/convene",
          "convene", "hunter2", AtRestSettings.OFF),
      new TokenSettings(SECRET, Duration.ofMinutes(5), Duration.ofHours(1)),
      new JobSettings(Duration.ofHours(2), Duration.ofMinutes(1), Duration.ofMinutes(10)),
      new SmtpSettings("smtp.example.org", 2525, SmtpTls.IMPLICIT, "mailer", "open-sesame",
          "Convene <convene@example.org>"),
      new PasswordHashing(3, Duration.ofMillis(1500), 40),
      ThrottleSettings.DEFAULT,
      new RegistrationSettings(RegistrationSettings.Mode.DOMAINS,
          List.of("example.org", "example.com"), 12, URI.create("https://convene.example.org"),
          Duration.ofHours(48), List.of()));

  @Test
  void defaultsAreTheDocumentedOnes() {
    ServerConfig config = ServerConfig.defaults();

    assertThat(config.network().host()).isEqualTo("127.0.0.1");
    assertThat(config.network().port()).isEqualTo(8787);
    assertThat(config.network().acceptQueueSize()).isEqualTo(1024);
    assertThat(config.signaling().maxPeersPerRoom()).isEqualTo(8);
    assertThat(config.signaling().maxMessageBytes()).isEqualTo(65_536);
    assertThat(config.signaling().maxQueuedMessages()).isEqualTo(256);
    assertThat(config.signaling().idleTimeout()).isEqualTo(Duration.ofSeconds(60));
    assertThat(config.signaling().pingInterval()).isEqualTo(Duration.ofSeconds(20));
    assertThat(config.signaling().shutdownGrace()).isEqualTo(Duration.ofSeconds(5));
    assertThat(config.signaling().resumeGrace()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.tokens().resumeTokenTtl()).isEqualTo(Duration.ofHours(12));
    assertThat(config.ice().servers()).isEmpty();
    assertThat(config.ice().turnSecret()).isNull();
    assertThat(config.ice().turnCredentialTtl()).isEqualTo(Duration.ofHours(1));
    assertThat(config.storage().dataDir()).isEqualTo(DataDirectory.defaultFor(System.getenv()));
    assertThat(config.storage().databaseUrl()).isNull();
    assertThat(config.storage().databaseUser()).isNull();
    assertThat(config.storage().databasePassword()).isNull();
    assertThat(config.storage().atRest()).isEqualTo(AtRestSettings.OFF);
    assertThat(config.tokens().secret()).isNull();
    assertThat(config.tokens().accessTokenTtl()).isEqualTo(Duration.ofMinutes(15));
    assertThat(config.jobs().roomIdleTimeout()).isEqualTo(Duration.ofHours(24));
    assertThat(config.jobs().roomIdleCheckInterval()).isEqualTo(Duration.ofHours(1));
    assertThat(config.jobs().reminderLead()).isEqualTo(Duration.ofMinutes(5));
    assertThat(config.smtp()).isEqualTo(SmtpSettings.OFF);
    assertThat(config.smtp().enabled()).isFalse();
    assertThat(config.passwordHashing()).isEqualTo(
        new PasswordHashing(0, Duration.ofSeconds(2), 0));
    assertThat(config.registration()).isEqualTo(RegistrationSettings.DEFAULT);
    assertThat(ServerConfig.parse(NO_ARGS, Map.of()))
        .isEqualTo(config.withStorage(s -> s.withDataDir(DataDirectory.defaultFor(Map.of()))));
  }

  @Test
  void flagsSetEveryOption() {
    ServerConfig config = ServerConfig.parse(new String[] {
        "--host=0.0.0.0", "--port=9000", "--max-peers=4", "--max-message-bytes=2048",
        "--max-queued-messages=16", "--idle-timeout-seconds=30", "--ping-interval-seconds=10",
        "--shutdown-grace-seconds=0", "--resume-grace-seconds=7",
        "--resume-token-ttl-seconds=3600", "--stun=stun:a.example.org", "--stun=stun:b.example.org:3478",
        "--turn=turns:t.example.org:5349", "--turn-secret=north-wind", "--turn-ttl-seconds=600",
        "--data-dir=/srv/convene", "--db-url=jdbc:postgresql://db.example.org/convene",
        "--db-user=convene", "--db-password=hunter2", "--token-secret=" + SECRET,
        "--access-token-ttl-seconds=300", "--room-idle-timeout-seconds=7200",
        "--room-idle-check-seconds=60", "--reminder-lead-minutes=10",
        "--smtp-host=smtp.example.org", "--smtp-port=2525",
        "--smtp-tls=implicit", "--smtp-user=mailer", "--smtp-password=open-sesame",
        "--smtp-from=Convene <convene@example.org>", "--password-hash-concurrency=3",
        "--password-hash-wait-millis=1500", "--password-hash-queue=40",
        "--accept-queue-size=2048", "--registration=domains:example.org,Example.com",
        "--password-min-length=12", "--public-url=https://convene.example.org/",
        "--email-verification-ttl-hours=48"},
        Map.of());

    assertThat(config).isEqualTo(EVERY_OPTION);
  }

  @Test
  void environmentSetsEveryOption() {
    Map<String, String> env = Map.ofEntries(
        Map.entry("CONVENE_HOST", "0.0.0.0"),
        Map.entry("CONVENE_PORT", "9000"),
        Map.entry("CONVENE_MAX_PEERS", "4"),
        Map.entry("CONVENE_MAX_MESSAGE_BYTES", "2048"),
        Map.entry("CONVENE_MAX_QUEUED_MESSAGES", "16"),
        Map.entry("CONVENE_IDLE_TIMEOUT_SECONDS", "30"),
        Map.entry("CONVENE_PING_INTERVAL_SECONDS", "10"),
        Map.entry("CONVENE_SHUTDOWN_GRACE_SECONDS", "0"),
        Map.entry("CONVENE_RESUME_GRACE_SECONDS", "7"),
        Map.entry("CONVENE_RESUME_TOKEN_TTL_SECONDS", "3600"),
        Map.entry("CONVENE_STUN", "stun:a.example.org, stun:b.example.org:3478"),
        Map.entry("CONVENE_TURN", "turns:t.example.org:5349"),
        Map.entry("CONVENE_TURN_SECRET", "north-wind"),
        Map.entry("CONVENE_TURN_TTL_SECONDS", "600"),
        Map.entry("CONVENE_DATA_DIR", "/srv/convene"),
        Map.entry("CONVENE_DB_URL", "jdbc:postgresql://db.example.org/convene"),
        Map.entry("CONVENE_DB_USER", "convene"),
        Map.entry("CONVENE_DB_PASSWORD", "hunter2"),
        Map.entry("CONVENE_TOKEN_SECRET", SECRET),
        Map.entry("CONVENE_ACCESS_TOKEN_TTL_SECONDS", "300"),
        Map.entry("CONVENE_ROOM_IDLE_TIMEOUT_SECONDS", "7200"),
        Map.entry("CONVENE_ROOM_IDLE_CHECK_SECONDS", "60"),
        Map.entry("CONVENE_REMINDER_LEAD_MINUTES", "10"),
        Map.entry("CONVENE_SMTP_HOST", "smtp.example.org"),
        Map.entry("CONVENE_SMTP_PORT", "2525"),
        Map.entry("CONVENE_SMTP_TLS", "IMPLICIT"),
        Map.entry("CONVENE_SMTP_USER", "mailer"),
        Map.entry("CONVENE_SMTP_PASSWORD", "open-sesame"),
        Map.entry("CONVENE_SMTP_FROM", "Convene <convene@example.org>"),
        Map.entry("CONVENE_PASSWORD_HASH_CONCURRENCY", "3"),
        Map.entry("CONVENE_PASSWORD_HASH_WAIT_MILLIS", "1500"),
        Map.entry("CONVENE_PASSWORD_HASH_QUEUE", "40"),
        Map.entry("CONVENE_ACCEPT_QUEUE_SIZE", "2048"),
        Map.entry("CONVENE_REGISTRATION", "domains: example.org, example.com"),
        Map.entry("CONVENE_PASSWORD_MIN_LENGTH", "12"),
        Map.entry("CONVENE_PUBLIC_URL", "https://convene.example.org"),
        Map.entry("CONVENE_EMAIL_VERIFICATION_TTL_HOURS", "48"));

    ServerConfig config = ServerConfig.parse(NO_ARGS, env);

    assertThat(config).isEqualTo(EVERY_OPTION);
  }

  @Test
  void shortTokenSecretOrForeignDatabaseUrlIsRefused() {
    assertThatThrownBy(() -> ServerConfig.parse(new String[] {"--token-secret=short"}, Map.of()))
        .hasMessageContaining("--token-secret")
        .hasMessageContaining("32 bytes")
        .hasMessageNotContaining("short");
    assertThatThrownBy(() -> ServerConfig.parse(new String[] {"--db-url=jdbc:mysql://x/y"}, Map.of()))
        .hasMessageContaining("--db-url");
    assertThatThrownBy(() -> ServerConfig.defaults().withTokens(t -> t.withSecret("short")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void flagsWinOverTheEnvironment() {
    Map<String, String> env = Map.of(
        "CONVENE_PORT", "9000", "CONVENE_MAX_PEERS", "4", "CONVENE_STUN", "stun:env.example.org");

    ServerConfig config =
        ServerConfig.parse(new String[] {"--port=9001", "--stun=stun:flag.example.org"}, env);

    assertThat(config.network().port()).isEqualTo(9001);
    assertThat(config.signaling().maxPeersPerRoom()).isEqualTo(4);
    assertThat(config.ice().servers()).containsExactly(ice("stun:flag.example.org"));
  }

  @Test
  void badNumberNamesTheFlag() {
    assertThatThrownBy(() -> ServerConfig.parse(new String[] {"--port=eighty"}, Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--port")
        .hasMessageContaining("eighty");
  }

  @Test
  void badNumberFromTheEnvironmentNamesTheVariableAndTheFlag() {
    assertThatThrownBy(() -> ServerConfig.parse(NO_ARGS, Map.of("CONVENE_MAX_PEERS", "many")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("CONVENE_MAX_PEERS")
        .hasMessageContaining("--max-peers");
  }

  @Test
  void numberOutOfRangeNamesTheFlagAndTheRange() {
    assertThatThrownBy(() -> ServerConfig.parse(new String[] {"--port=70000"}, Map.of()))
        .hasMessageContaining("--port")
        .hasMessageContaining("65535");
    assertThatThrownBy(() -> ServerConfig.parse(new String[] {"--max-peers=0"}, Map.of()))
        .hasMessageContaining("--max-peers");
  }

  @Test
  void iceUrlWithTheWrongSchemeNamesTheFlag() {
    assertThatThrownBy(() -> ServerConfig.parse(new String[] {"--turn=stun:x.example.org"}, Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--turn")
        .hasMessageContaining("turn:");
  }

  @Test
  void unknownOrValuelessOptionIsRefused() {
    assertThatThrownBy(() -> ServerConfig.parse(new String[] {"--colour=blue"}, Map.of()))
        .hasMessageContaining("--colour");
    assertThatThrownBy(() -> ServerConfig.parse(new String[] {"--port"}, Map.of()))
        .hasMessageContaining("--port=PORT");
  }

  @Test
  void pingIntervalMustBeShorterThanTheIdleTimeout() {
    assertThatThrownBy(() -> ServerConfig.parse(
            new String[] {"--idle-timeout-seconds=10", "--ping-interval-seconds=10"}, Map.of()))
        .hasMessageContaining("--ping-interval-seconds")
        .hasMessageContaining("--idle-timeout-seconds");
  }

  @Test
  void reminderLeadOfZeroTurnsRemindersOffAndANegativeOneIsRefused() {
    assertThat(ServerConfig.parse(new String[] {"--reminder-lead-minutes=0"}, Map.of())
        .jobs().reminderLead()).isZero();
    assertThatThrownBy(() -> ServerConfig.parse(
            new String[] {"--reminder-lead-minutes=-1"}, Map.of()))
        .hasMessageContaining("--reminder-lead-minutes");
  }

  @Test
  void withersChangeOneComponent() {
    ServerConfig config = ServerConfig.defaults().withNetwork(n -> n.withPort(0))
        .withSignaling(s -> s.withMaxPeersPerRoom(2));

    assertThat(config.network().port()).isZero();
    assertThat(config.signaling().maxPeersPerRoom()).isEqualTo(2);
    assertThat(config.network().host()).isEqualTo("127.0.0.1");
    assertThat(config.signaling().maxMessageBytes()).isEqualTo(65_536);
  }

  @Test
  void toStringHidesSecretsAndPasswords() {
    String text = EVERY_OPTION
        .withStorage(s -> s.withDatabase(
            "jdbc:postgresql://db.example.org/convene?user=c&password=swordfish", "c", null))
        .toString();

    assertThat(text).doesNotContain("north-wind", "hunter2", SECRET, "swordfish", "open-sesame")
        .contains("db.example.org", "smtp.example.org");
  }

  private static IceServer ice(String url) {
    return new IceServer(List.of(url), null, null);
  }
}
