package app.convene.server;

import app.convene.protocol.IceServer;
import app.convene.server.auth.PasswordHashing;
import app.convene.server.auth.RegistrationSettings;
import app.convene.server.mail.SmtpSettings;
import app.convene.server.throttle.ThrottleSettings;
import app.convene.server.web.WebSecurity;
import app.convene.server.store.AtRestSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How a server runs. Immutable; start from {@link #defaults()} and change it with the {@code
 * with…} methods, or read it from a command line and the environment with {@link #parse(String[],
 * Map)}.
 *
 * @param host the address to listen on; {@code 0.0.0.0} for every interface
 * @param port the TCP port; 0 picks a free one (see {@link SignalingServer#port()})
 * @param maxPeersPerRoom the {@code maxUsers} of a new room when its creator names none
 * @param maxMessageBytes the largest client message handled, in UTF-8 bytes; a larger one is
 *     answered with {@code MESSAGE_TOO_LARGE}, and one over {@value
 *     SignalingServer#HARD_LIMIT_FACTOR} times this closes the socket with status 1009
 * @param maxQueuedMessages how many messages may wait for a client that reads slowly before it is
 *     disconnected as a slow consumer
 * @param idleTimeout how long a connection may be silent (no frame either way) before it is closed
 * @param pingInterval how often the server pings each connection; keep it well under {@code
 *     idleTimeout}
 * @param shutdownGrace how long {@link SignalingServer#close()} waits for clients to close
 * @param resumeGrace how long the room keeps the place of a participant whose socket dropped, for
 *     it to come back with its resume token, before the others get {@code peer-left}; zero
 *     announces the drop at once
 * @param resumeTokenTtl how long a resume token handed out in {@code joined} stays valid (it also
 *     lets a participant back into a room rebuilt after a server restart)
 * @param iceServers the STUN and TURN servers handed to clients, in this order
 * @param turnSecret the secret shared with the TURN server for TURN REST credentials, or {@code
 *     null} to hand TURN entries out as configured
 * @param turnCredentialTtl how long issued TURN credentials stay valid
 * @param dataDir the server's own folder: the embedded database and the generated token secret
 * @param databaseUrl a {@code jdbc:postgresql:} or {@code jdbc:h2:} URL, or {@code null} for the
 *     embedded H2 database file in {@code dataDir}
 * @param databaseUser the database user, or {@code null}
 * @param databasePassword the database password, or {@code null}; never logged
 * @param tokenSecret the HS256 secret that signs access tokens (at least 32 bytes), or {@code null}
 *     to use one generated on first start into {@code dataDir}; never logged
 * @param accessTokenTtl how long an access token is valid
 * @param roomIdleTimeout how long a room without participants stays active after its last use
 * @param roomIdleCheckInterval how often the idle-room job runs
 * @param reminderLead how long before a meeting starts its connected users get a "starts in N
 *     minutes" notice; zero for none
 * @param smtp where invitation e-mail goes out; {@link SmtpSettings#OFF} (the default) sends none;
 *     its password is never logged
 * @param passwordHashing how many Argon2id password hashes run at once and how long a sign-in
 *     waits for its turn before 503 (default: sized from the heap, 2 s)
 * @param acceptQueueSize how many connections the operating system may hold for the server before
 *     it accepts them (the listen backlog; Linux caps it at {@code net.core.somaxconn}); a burst
 *     beyond it makes clients wait for their TCP retries, seconds each
 * @param throttle throttling of sign-in and other guessable requests, the refresh grace and the
 *     socket cap per account (default {@link ThrottleSettings#DEFAULT})
 * @param registration who may register, the password policy and e-mail verification (default:
 *     open, 8 characters, no public URL so no verification)
 * @param web the server's own TLS (PEM files, reload, HTTP redirect, HSTS) and the browser origins
 *     allowed to use the REST API and the WebSocket (default: plain HTTP, no browser origins)
 * @param atRest encryption of the embedded database file (default {@link AtRestSettings#OFF})
 */
public record ServerConfig(
    String host,
    int port,
    int maxPeersPerRoom,
    int maxMessageBytes,
    int maxQueuedMessages,
    Duration idleTimeout,
    Duration pingInterval,
    Duration shutdownGrace,
    Duration resumeGrace,
    Duration resumeTokenTtl,
    List<IceServer> iceServers,
    String turnSecret,
    Duration turnCredentialTtl,
    Path dataDir,
    String databaseUrl,
    String databaseUser,
    String databasePassword,
    String tokenSecret,
    Duration accessTokenTtl,
    Duration roomIdleTimeout,
    Duration roomIdleCheckInterval,
    Duration reminderLead,
    SmtpSettings smtp,
    PasswordHashing passwordHashing,
    int acceptQueueSize,
    ThrottleSettings throttle,
    RegistrationSettings registration,
    WebSecurity web,
    AtRestSettings atRest) {

  static final int MAX_PORT = 65_535;
  static final int MAX_PEERS_PER_ROOM = 1_000;
  static final int MIN_MESSAGE_BYTES = 256;
  static final int MAX_MESSAGE_BYTES = 16 * 1024 * 1024;
  static final int MAX_QUEUED_MESSAGES = 100_000;
  static final int MIN_TOKEN_SECRET_BYTES = 32;
  static final int MAX_ACCEPT_QUEUE_SIZE = 65_535;

  public ServerConfig {
    Objects.requireNonNull(host, "host == null");
    if (host.isBlank()) {
      throw new IllegalArgumentException("host is blank");
    }
    SettingChecks.inRange("port", port, 0, MAX_PORT);
    SettingChecks.inRange("maxPeersPerRoom", maxPeersPerRoom, 1, MAX_PEERS_PER_ROOM);
    SettingChecks.inRange("maxMessageBytes", maxMessageBytes, MIN_MESSAGE_BYTES, MAX_MESSAGE_BYTES);
    SettingChecks.inRange("maxQueuedMessages", maxQueuedMessages, 1, MAX_QUEUED_MESSAGES);
    SettingChecks.positive("idleTimeout", idleTimeout);
    SettingChecks.positive("pingInterval", pingInterval);
    Objects.requireNonNull(shutdownGrace, "shutdownGrace == null");
    if (shutdownGrace.isNegative()) {
      throw new IllegalArgumentException("shutdownGrace is negative: " + shutdownGrace);
    }
    Objects.requireNonNull(resumeGrace, "resumeGrace == null");
    if (resumeGrace.isNegative()) {
      throw new IllegalArgumentException("resumeGrace is negative: " + resumeGrace);
    }
    SettingChecks.positive("resumeTokenTtl", resumeTokenTtl);
    iceServers = List.copyOf(Objects.requireNonNull(iceServers, "iceServers == null"));
    if (turnSecret != null && turnSecret.isBlank()) {
      throw new IllegalArgumentException("turnSecret is blank; use null for none");
    }
    SettingChecks.positive("turnCredentialTtl", turnCredentialTtl);
    Objects.requireNonNull(dataDir, "dataDir == null");
    if (databaseUrl != null
        && !databaseUrl.startsWith("jdbc:postgresql:")
        && !databaseUrl.startsWith("jdbc:h2:")) {
      throw new IllegalArgumentException(
          "databaseUrl must start with jdbc:postgresql: or jdbc:h2:, or be null for the embedded"
              + " database");
    }
    if (tokenSecret != null
        && tokenSecret.getBytes(StandardCharsets.UTF_8).length < MIN_TOKEN_SECRET_BYTES) {
      throw new IllegalArgumentException(
          "tokenSecret must have at least " + MIN_TOKEN_SECRET_BYTES + " bytes; use null to"
              + " generate one");
    }
    SettingChecks.positive("accessTokenTtl", accessTokenTtl);
    SettingChecks.positive("roomIdleTimeout", roomIdleTimeout);
    SettingChecks.positive("roomIdleCheckInterval", roomIdleCheckInterval);
    Objects.requireNonNull(reminderLead, "reminderLead == null");
    if (reminderLead.isNegative()) {
      throw new IllegalArgumentException("reminderLead is negative: " + reminderLead);
    }
    Objects.requireNonNull(smtp, "smtp == null");
    Objects.requireNonNull(passwordHashing, "passwordHashing == null");
    SettingChecks.inRange("acceptQueueSize", acceptQueueSize, 1, MAX_ACCEPT_QUEUE_SIZE);
    Objects.requireNonNull(throttle, "throttle == null");
    Objects.requireNonNull(registration, "registration == null");
    Objects.requireNonNull(web, "web == null");
    Objects.requireNonNull(atRest, "atRest == null");
    if (atRest.encryptsDatabase() && databaseUrl != null) {
      throw new IllegalArgumentException("a database key file encrypts only the embedded"
          + " database; PostgreSQL is encrypted by its own means (docs/server.md)");
    }
  }

  /**
   * Loopback on port 8787, 8 users a room, 64 KiB messages, 256 queued messages, 60 s idle
   * timeout, a ping every 20 s, 5 s shutdown grace, 30 s resume grace, 12 h resume tokens, no ICE
   * servers, no TURN secret, 1 h TURN credentials; the data folder of this user and OS (see {@link
   * DataDirectory}) with the embedded database and a generated token secret in it, 15 min access
   * tokens, rooms deactivated after 24 h without use, checked every hour, "starts in N minutes"
   * notices 5 minutes ahead; no e-mail; password hashing sized from the heap, waiting at most 2 s;
   * a listen backlog of 1024; the throttle, refresh grace and socket cap of {@link
   * ThrottleSettings#DEFAULT}; plain HTTP and no browser origins ({@link WebSecurity#DEFAULT}).
   */
  public static ServerConfig defaults() {
    return defaults(DataDirectory.defaultFor(System.getenv()));
  }

  static ServerConfig defaults(Path dataDir) {
    return new ServerConfig(
        "127.0.0.1",
        8787,
        8, // the largest mesh measured to carry every link (docs/benchmarks.md, "Mesh calls")
        64 * 1024,
        256,
        Duration.ofSeconds(60),
        Duration.ofSeconds(20),
        Duration.ofSeconds(5),
        Duration.ofSeconds(30),
        Duration.ofHours(12),
        List.of(),
        null,
        Duration.ofHours(1),
        dataDir,
        null,
        null,
        null,
        null,
        Duration.ofMinutes(15),
        Duration.ofHours(24),
        Duration.ofHours(1),
        Duration.ofMinutes(5),
        SmtpSettings.OFF,
        PasswordHashing.DEFAULT,
        1024,
        ThrottleSettings.DEFAULT,
        RegistrationSettings.DEFAULT,
        WebSecurity.DEFAULT,
        AtRestSettings.OFF);
  }

  /**
   * Reads a configuration from {@code --name=value} flags and {@code CONVENE_NAME} environment
   * variables, over {@link #defaults()}; a flag wins over its variable. Run the server with {@code
   * --help} for the list.
   *
   * @throws IllegalArgumentException naming the flag (or variable) when a value is wrong
   */
  public static ServerConfig parse(String[] args, Map<String, String> env) {
    return ConfigParser.parse(args, env);
  }

  public ServerConfig withHost(String host) {
    return copy(b -> b.host = host);
  }

  public ServerConfig withPort(int port) {
    return copy(b -> b.port = port);
  }

  public ServerConfig withMaxPeersPerRoom(int maxPeersPerRoom) {
    return copy(b -> b.maxPeersPerRoom = maxPeersPerRoom);
  }

  public ServerConfig withMaxMessageBytes(int maxMessageBytes) {
    return copy(b -> b.maxMessageBytes = maxMessageBytes);
  }

  public ServerConfig withMaxQueuedMessages(int maxQueuedMessages) {
    return copy(b -> b.maxQueuedMessages = maxQueuedMessages);
  }

  public ServerConfig withIdleTimeout(Duration idleTimeout) {
    return copy(b -> b.idleTimeout = idleTimeout);
  }

  public ServerConfig withPingInterval(Duration pingInterval) {
    return copy(b -> b.pingInterval = pingInterval);
  }

  public ServerConfig withShutdownGrace(Duration shutdownGrace) {
    return copy(b -> b.shutdownGrace = shutdownGrace);
  }

  public ServerConfig withResumeGrace(Duration resumeGrace) {
    return copy(b -> b.resumeGrace = resumeGrace);
  }

  public ServerConfig withResumeTokenTtl(Duration resumeTokenTtl) {
    return copy(b -> b.resumeTokenTtl = resumeTokenTtl);
  }

  public ServerConfig withIceServers(List<IceServer> iceServers) {
    return copy(b -> b.iceServers = iceServers);
  }

  public ServerConfig withTurnSecret(String turnSecret) {
    return copy(b -> b.turnSecret = turnSecret);
  }

  public ServerConfig withTurnCredentialTtl(Duration turnCredentialTtl) {
    return copy(b -> b.turnCredentialTtl = turnCredentialTtl);
  }

  public ServerConfig withDataDir(Path dataDir) {
    return copy(b -> b.dataDir = dataDir);
  }

  public ServerConfig withDatabaseUrl(String databaseUrl) {
    return copy(b -> b.databaseUrl = databaseUrl);
  }

  public ServerConfig withDatabaseUser(String databaseUser) {
    return copy(b -> b.databaseUser = databaseUser);
  }

  public ServerConfig withDatabasePassword(String databasePassword) {
    return copy(b -> b.databasePassword = databasePassword);
  }

  public ServerConfig withTokenSecret(String tokenSecret) {
    return copy(b -> b.tokenSecret = tokenSecret);
  }

  public ServerConfig withAccessTokenTtl(Duration accessTokenTtl) {
    return copy(b -> b.accessTokenTtl = accessTokenTtl);
  }

  public ServerConfig withRoomIdleTimeout(Duration roomIdleTimeout) {
    return copy(b -> b.roomIdleTimeout = roomIdleTimeout);
  }

  public ServerConfig withRoomIdleCheckInterval(Duration roomIdleCheckInterval) {
    return copy(b -> b.roomIdleCheckInterval = roomIdleCheckInterval);
  }

  public ServerConfig withReminderLead(Duration reminderLead) {
    return copy(b -> b.reminderLead = reminderLead);
  }

  public ServerConfig withSmtp(SmtpSettings smtp) {
    return copy(b -> b.smtp = smtp);
  }

  public ServerConfig withPasswordHashing(PasswordHashing passwordHashing) {
    return copy(b -> b.passwordHashing = passwordHashing);
  }

  public ServerConfig withAcceptQueueSize(int acceptQueueSize) {
    return copy(b -> b.acceptQueueSize = acceptQueueSize);
  }

  public ServerConfig withThrottle(ThrottleSettings throttle) {
    return copy(b -> b.throttle = throttle);
  }

  public ServerConfig withRegistration(RegistrationSettings registration) {
    return copy(b -> b.registration = registration);
  }

  public ServerConfig withWeb(WebSecurity web) {
    return copy(b -> b.web = web);
  }

  public ServerConfig withAtRest(AtRestSettings atRest) {
    return copy(b -> b.atRest = atRest);
  }

  /** Like the record's own, but never shows a secret, a password or ICE credentials. */
  @Override
  public String toString() {
    return "ServerConfig[host=" + host + ", port=" + port + ", maxPeersPerRoom=" + maxPeersPerRoom
        + ", maxMessageBytes=" + maxMessageBytes + ", maxQueuedMessages=" + maxQueuedMessages
        + ", idleTimeout=" + idleTimeout + ", pingInterval=" + pingInterval
        + ", shutdownGrace=" + shutdownGrace
        + ", resumeGrace=" + resumeGrace + ", resumeTokenTtl=" + resumeTokenTtl
        + ", iceServers=" + iceServers.stream().map(IceServer::urls).toList()
        + ", turnSecret=" + hidden(turnSecret)
        + ", turnCredentialTtl=" + turnCredentialTtl + ", dataDir=" + dataDir
        + ", databaseUrl=" + (databaseUrl == null ? "embedded" : withoutPassword(databaseUrl))
        + ", databaseUser=" + databaseUser + ", databasePassword=" + hidden(databasePassword)
        + ", tokenSecret=" + (tokenSecret == null ? "generated" : "(hidden)")
        + ", accessTokenTtl=" + accessTokenTtl + ", roomIdleTimeout=" + roomIdleTimeout
        + ", roomIdleCheckInterval=" + roomIdleCheckInterval
        + ", reminderLead=" + reminderLead + ", smtp=" + smtp
        + ", passwordHashing=" + passwordHashing + ", acceptQueueSize=" + acceptQueueSize
        + ", throttle=" + throttle
        + ", registration=" + registration
        + ", web=" + web
        + ", atRest=" + atRest + "]";
  }

  private static String hidden(String secret) {
    return secret == null ? "none" : "(hidden)";
  }

  /** A JDBC URL may carry {@code password=…} among its parameters; that part is masked. */
  private static String withoutPassword(String url) {
    return url.replaceAll("(?i)(password=)[^&;]*", "$1(hidden)");
  }

  private ServerConfig copy(Consumer<ServerConfigCopy> change) {
    ServerConfigCopy b = new ServerConfigCopy(this);
    change.accept(b);
    return b.build();
  }
}
