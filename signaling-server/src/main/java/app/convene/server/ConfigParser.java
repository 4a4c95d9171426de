package app.convene.server;

import app.convene.protocol.IceServer;
import app.convene.server.ConfigValues.Value;
import app.convene.server.auth.TokenSettings;
import app.convene.server.ice.IceSettings;
import app.convene.server.jobs.JobSettings;
import app.convene.server.mail.SmtpSettings;
import app.convene.server.mail.SmtpTls;
import app.convene.server.signaling.SignalingSettings;
import app.convene.server.store.AtRestSettings;
import app.convene.server.store.StorageSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a {@link ServerConfig} from the options of {@link ConfigOptions}, one feature at a time,
 * over the defaults; {@link AccessConfigParser} reads the features that decide who gets in. Each
 * reader checks what its record checks too, but names the flag (and the variable) in its error.
 */
final class ConfigParser {
  /** A day: a longer lead would tell users about tomorrow's meetings today. */
  private static final int MAX_REMINDER_LEAD_MINUTES = 24 * 60;

  private ConfigParser() {}

  static ServerConfig parse(String[] args, Map<String, String> env) {
    ConfigValues in = new ConfigValues(args, env);
    ServerConfig defaults = ServerConfig.defaults(DataDirectory.defaultFor(env));
    return new ServerConfig(
        network(in, defaults.network()),
        AccessConfigParser.web(in, defaults.web()),
        signaling(in, defaults.signaling()),
        ice(in, defaults.ice()),
        storage(in, defaults.storage()),
        tokens(in, defaults.tokens()),
        jobs(in, defaults.jobs()),
        smtp(in),
        AccessConfigParser.passwordHashing(in, defaults.passwordHashing()),
        AccessConfigParser.throttle(in, defaults.throttle()),
        AccessConfigParser.registration(in, defaults.registration()));
  }

  private static NetworkSettings network(ConfigValues in, NetworkSettings d) {
    return new NetworkSettings(
        in.text("host", d.host()),
        in.integer("port", d.port(), 0, NetworkSettings.MAX_PORT),
        in.integer("accept-queue-size", d.acceptQueueSize(), 1,
            NetworkSettings.MAX_ACCEPT_QUEUE_SIZE));
  }

  private static SignalingSettings signaling(ConfigValues in, SignalingSettings d) {
    Duration idleTimeout = in.seconds("idle-timeout-seconds", d.idleTimeout(), 1);
    Duration pingInterval = in.seconds("ping-interval-seconds", d.pingInterval(), 1);
    if (pingInterval.compareTo(idleTimeout) >= 0) {
      throw new IllegalArgumentException(
          "--ping-interval-seconds (" + pingInterval.toSeconds() + ") must be shorter than"
              + " --idle-timeout-seconds (" + idleTimeout.toSeconds() + "), or idle clients are"
              + " disconnected");
    }
    return new SignalingSettings(
        in.integer("max-peers", d.maxPeersPerRoom(), 1, SignalingSettings.MAX_PEERS_PER_ROOM),
        in.integer("max-message-bytes", d.maxMessageBytes(),
            SignalingSettings.MIN_MESSAGE_BYTES, SignalingSettings.MAX_MESSAGE_BYTES),
        in.integer("max-queued-messages", d.maxQueuedMessages(),
            1, SignalingSettings.MAX_QUEUED_MESSAGES),
        idleTimeout,
        pingInterval,
        in.seconds("shutdown-grace-seconds", d.shutdownGrace(), 0),
        in.seconds("resume-grace-seconds", d.resumeGrace(), 0));
  }

  /** STUN servers first, then TURN servers, each in the order given. */
  private static IceSettings ice(ConfigValues in, IceSettings d) {
    List<IceServer> servers = new ArrayList<>();
    in.urls("stun", "stun:", "stuns:").forEach(u -> servers.add(new IceServer(List.of(u), null,
        null)));
    in.urls("turn", "turn:", "turns:").forEach(u -> servers.add(new IceServer(List.of(u), null,
        null)));
    return new IceSettings(servers,
        in.text("turn-secret", d.turnSecret()),
        in.seconds("turn-ttl-seconds", d.turnCredentialTtl(), 1));
  }

  /** The key file only names a file here; it is read (and checked) when the database opens. */
  private static StorageSettings storage(ConfigValues in, StorageSettings d) {
    String url = null;
    Value urlValue = in.single("db-url");
    if (urlValue != null) {
      url = urlValue.text().strip();
      if (!StorageSettings.isJdbcUrl(url)) {
        throw urlValue.error("a JDBC URL starting with jdbc:postgresql: (or jdbc:h2:) is"
            + " expected");
      }
    }
    Path keyFile = in.path("database-key-file", null);
    if (keyFile != null && url != null) {
      throw new IllegalArgumentException(in.single("database-key-file").source()
          + " encrypts only the embedded database; with --db-url, encrypt PostgreSQL's disk"
          + " instead (docs/server.md)");
    }
    return new StorageSettings(
        in.path("data-dir", d.dataDir()),
        url,
        in.text("db-user", d.databaseUser()),
        in.secret("db-password"),
        keyFile == null ? d.atRest() : new AtRestSettings(keyFile));
  }

  private static TokenSettings tokens(ConfigValues in, TokenSettings d) {
    String secret = in.secret("token-secret");
    if (secret != null && !TokenSettings.isLongEnough(secret)) {
      throw in.single("token-secret").error("the secret must have at least "
          + TokenSettings.MIN_SECRET_BYTES + " bytes");
    }
    return new TokenSettings(
        secret == null ? d.secret() : secret,
        in.seconds("access-token-ttl-seconds", d.accessTokenTtl(), 1),
        in.seconds("resume-token-ttl-seconds", d.resumeTokenTtl(), 1));
  }

  private static JobSettings jobs(ConfigValues in, JobSettings d) {
    return new JobSettings(
        in.seconds("room-idle-timeout-seconds", d.roomIdleTimeout(), 1),
        in.seconds("room-idle-check-seconds", d.roomIdleCheckInterval(), 1),
        Duration.ofMinutes(in.integer("reminder-lead-minutes",
            (int) d.reminderLead().toMinutes(), 0, MAX_REMINDER_LEAD_MINUTES)));
  }

  /** Off without {@code --smtp-host}; then the other {@code --smtp-*} options are not read. */
  private static SmtpSettings smtp(ConfigValues in) {
    Value host = in.single("smtp-host");
    if (host == null) {
      return SmtpSettings.OFF;
    }
    if (!SmtpSettings.isHostName(host.text().strip())) {
      throw host.error("'" + host.text() + "' is not a host name or address");
    }
    SmtpTls tls = SmtpTls.STARTTLS;
    Value mode = in.single("smtp-tls");
    if (mode != null) {
      tls = SmtpTls.parse(mode.text()).orElseThrow(() -> mode.error(
          "'" + mode.text() + "' is not none, starttls or implicit"));
    }
    int port = in.integer("smtp-port", tls.defaultPort(), 1, NetworkSettings.MAX_PORT);
    String user = in.text("smtp-user", null);
    String password = in.secret("smtp-password");
    if ((user == null) != (password == null)) {
      throw new IllegalArgumentException(
          "--smtp-user and --smtp-password go together: give both or neither");
    }
    if (user != null && (SmtpSettings.hasLineBreak(user) || SmtpSettings.hasLineBreak(password))) {
      throw new IllegalArgumentException("--smtp-user or --smtp-password has a line break");
    }
    Value from = in.single("smtp-from");
    if (from == null) {
      throw new IllegalArgumentException(
          "--smtp-from is required with --smtp-host, e.g. --smtp-from='Convene"
              + " <convene@example.org>'");
    }
    try {
      SmtpSettings.sender(from.text());
    } catch (IllegalArgumentException e) {
      throw from.error(e.getMessage());
    }
    return new SmtpSettings(host.text().strip(), port, tls, user, password, from.text().strip());
  }
}
