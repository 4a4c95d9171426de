package app.convene.server;

import app.convene.protocol.IceServer;
import app.convene.server.auth.PasswordHashing;
import app.convene.server.mail.SmtpSettings;
import app.convene.server.mail.SmtpTls;
import app.convene.server.store.AtRestSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Reads a {@link ServerConfig} from {@code --name=value} flags and {@code CONVENE_NAME}
 * environment variables. A flag wins over its variable; a repeatable flag given at least once
 * replaces the variable's whole list. Every error names the flag, and the variable when the value
 * came from there.
 */
final class ConfigParser {
  /** One option; its environment variable is {@code CONVENE_} and its name in upper snake case. */
  private record Option(String name, String value, String help) {
    String flag() {
      return "--" + name;
    }

    String env() {
      return "CONVENE_" + name.toUpperCase(Locale.ROOT).replace('-', '_');
    }
  }

  private static final List<Option> OPTIONS = List.of(
      new Option("host", "ADDRESS", "address to listen on; 0.0.0.0 for all (default 127.0.0.1)"),
      new Option("port", "PORT", "TCP port; 0 picks a free one (default 8787)"),
      new Option("accept-queue-size", "N",
          "connections the OS holds for the server before it accepts them (listen backlog;"
              + " capped by net.core.somaxconn on Linux) (default 1024)"),
      new Option("max-peers", "N", "maxUsers of a room created without one (default 8)"),
      new Option("max-message-bytes", "N", "largest client message in bytes (default 65536)"),
      new Option("max-queued-messages", "N",
          "messages queued for a slow reader before it is dropped (default 256)"),
      new Option("idle-timeout-seconds", "S", "close connections silent this long (default 60)"),
      new Option("ping-interval-seconds", "S", "ping every connection this often (default 20)"),
      new Option("shutdown-grace-seconds", "S",
          "wait this long for clients to close on shutdown (default 5)"),
      new Option("resume-grace-seconds", "S",
          "keep a dropped participant's place this long before telling the room (default 30)"),
      new Option("resume-token-ttl-seconds", "S",
          "lifetime of the resume tokens handed out at join (default 43200)"),
      new Option("stun", "URL", "a STUN server, e.g. stun:stun.example.org:3478; repeatable"),
      new Option("turn", "URL",
          "a TURN server, e.g. turn:turn.example.org:3478?transport=udp; repeatable"),
      new Option("turn-secret", "SECRET",
          "secret shared with the TURN server (coturn static-auth-secret) for short-lived"
              + " credentials"),
      new Option("turn-ttl-seconds", "S", "lifetime of TURN credentials (default 43200)"),
      new Option("data-dir", "PATH",
          "the server's folder: embedded database, generated token secret (default: per OS,"
              + " e.g. ~/.local/share/convene/server)"),
      new Option("db-url", "JDBC_URL",
          "jdbc:postgresql://HOST:PORT/DB for PostgreSQL (default: the embedded H2 file in the"
              + " data folder)"),
      new Option("db-user", "USER", "database user"),
      new Option("db-password", "PASSWORD", "database password"),
      new Option("token-secret", "SECRET",
          "HS256 secret for access tokens, at least 32 bytes (default: generated into the data"
              + " folder)"),
      new Option("access-token-ttl-seconds", "S", "lifetime of access tokens (default 900)"),
      new Option("room-idle-timeout-seconds", "S",
          "deactivate rooms unused this long (default 86400)"),
      new Option("room-idle-check-seconds", "S", "how often to look for idle rooms (default 3600)"),
      new Option("reminder-lead-minutes", "M",
          "notify connected users this long before their meetings start; 0 for never (default"
              + " 5)"),
      new Option("smtp-host", "HOST",
          "SMTP server for e-mail invitations to native meetings (default: none, no e-mail; the"
              + " other --smtp-* options apply only with it)"),
      new Option("smtp-port", "PORT", "SMTP port (default 587 for starttls, 465 for implicit, 25"
          + " for none)"),
      new Option("smtp-tls", "MODE",
          "starttls (default; refuses servers without it), implicit (TLS from the start) or none"),
      new Option("smtp-user", "USER", "SMTP login, with --smtp-password"),
      new Option("smtp-password", "PASSWORD", "SMTP password"),
      new Option("smtp-from", "ADDRESS",
          "sender of invitations, e.g. 'Convene <convene@example.org>'; required with"
              + " --smtp-host"),
      new Option("password-hash-concurrency", "N",
          "Argon2id password hashes (19 MiB of heap each) run at once; 0 sizes it from the heap"
              + " and processors (default 0)"),
      new Option("password-hash-wait-millis", "MS",
          "how long a sign-in or registration waits for its turn to hash before 503 with"
              + " Retry-After (default 2000)"),
      new Option("password-hash-queue", "N",
          "sign-ins that may wait for a turn at once; more get 503 at once; 0 for 8 per"
              + " concurrent hash (default 0)"),
      new Option("database-key-file", "FILE",
          "encrypt the embedded database file (H2 AES) with the password in this file, kept"
              + " outside the data folder (default: not encrypted)"));

  /** A day: a longer lead would tell users about tomorrow's meetings today. */
  private static final int MAX_REMINDER_LEAD_MINUTES = 24 * 60;

  private final Map<String, List<String>> flags = new HashMap<>();
  private final Map<String, String> env;

  private ConfigParser(String[] args, Map<String, String> env) {
    this.env = Objects.requireNonNull(env, "env == null");
    for (String arg : Objects.requireNonNull(args, "args == null")) {
      Objects.requireNonNull(arg, "args contains null");
      int equals = arg.indexOf('=');
      String name = arg.startsWith("--") ? arg.substring(2, equals < 0 ? arg.length() : equals) : "";
      Option option = OPTIONS.stream().filter(o -> o.name().equals(name)).findFirst()
          .orElseThrow(() -> new IllegalArgumentException(
              "unknown option '" + arg + "'; see --help for the options"));
      if (equals < 0) {
        throw new IllegalArgumentException(
            option.flag() + " needs a value, as in " + option.flag() + "=" + option.value());
      }
      flags.computeIfAbsent(name, n -> new ArrayList<>()).add(arg.substring(equals + 1));
    }
  }

  static ServerConfig parse(String[] args, Map<String, String> env) {
    ConfigParser in = new ConfigParser(args, env);
    ServerConfig defaults = ServerConfig.defaults(DataDirectory.defaultFor(env));
    List<IceServer> iceServers = new ArrayList<>();
    in.urls("stun", "stun:", "stuns:").forEach(u -> iceServers.add(new IceServer(List.of(u), null, null)));
    in.urls("turn", "turn:", "turns:").forEach(u -> iceServers.add(new IceServer(List.of(u), null, null)));
    Duration idleTimeout = in.seconds("idle-timeout-seconds", defaults.idleTimeout(), 1);
    Duration pingInterval = in.seconds("ping-interval-seconds", defaults.pingInterval(), 1);
    if (pingInterval.compareTo(idleTimeout) >= 0) {
      throw new IllegalArgumentException(
          "--ping-interval-seconds (" + pingInterval.toSeconds() + ") must be shorter than"
              + " --idle-timeout-seconds (" + idleTimeout.toSeconds() + "), or idle clients are"
              + " disconnected");
    }
    return new ServerConfig(
        in.text("host", defaults.host()),
        in.integer("port", defaults.port(), 0, ServerConfig.MAX_PORT),
        in.integer("max-peers", defaults.maxPeersPerRoom(), 1, ServerConfig.MAX_PEERS_PER_ROOM),
        in.integer("max-message-bytes", defaults.maxMessageBytes(),
            ServerConfig.MIN_MESSAGE_BYTES, ServerConfig.MAX_MESSAGE_BYTES),
        in.integer("max-queued-messages", defaults.maxQueuedMessages(),
            1, ServerConfig.MAX_QUEUED_MESSAGES),
        idleTimeout,
        pingInterval,
        in.seconds("shutdown-grace-seconds", defaults.shutdownGrace(), 0),
        in.seconds("resume-grace-seconds", defaults.resumeGrace(), 0),
        in.seconds("resume-token-ttl-seconds", defaults.resumeTokenTtl(), 1),
        iceServers,
        in.text("turn-secret", null),
        in.seconds("turn-ttl-seconds", defaults.turnCredentialTtl(), 1),
        in.path("data-dir", defaults.dataDir()),
        in.databaseUrl(),
        in.text("db-user", null),
        in.secret("db-password"),
        in.tokenSecret(),
        in.seconds("access-token-ttl-seconds", defaults.accessTokenTtl(), 1),
        in.seconds("room-idle-timeout-seconds", defaults.roomIdleTimeout(), 1),
        in.seconds("room-idle-check-seconds", defaults.roomIdleCheckInterval(), 1),
        Duration.ofMinutes(in.integer("reminder-lead-minutes",
            (int) defaults.reminderLead().toMinutes(), 0, MAX_REMINDER_LEAD_MINUTES)),
        in.smtp(),
        in.passwordHashing(defaults.passwordHashing()),
        in.integer("accept-queue-size", defaults.acceptQueueSize(), 1,
            ServerConfig.MAX_ACCEPT_QUEUE_SIZE),
        in.atRest());
  }

  /** The options, one a line, for {@code --help}. */
  static String usage() {
    return OPTIONS.stream()
        .map(o -> String.format("  %-36s %s%n  %-36s (env %s)%n",
            o.flag() + "=" + o.value(), o.help(), "", o.env()))
        .collect(Collectors.joining());
  }

  private String text(String name, String fallback) {
    Value value = single(name);
    if (value == null) {
      return fallback;
    }
    if (value.text().isBlank()) {
      throw new IllegalArgumentException(value.source() + ": the value is empty");
    }
    return value.text().strip();
  }

  private Path path(String name, Path fallback) {
    Value value = single(name);
    if (value == null) {
      return fallback;
    }
    String text = value.text().strip();
    if (text.isEmpty()) {
      throw new IllegalArgumentException(value.source() + ": the value is empty");
    }
    try {
      return Path.of(text);
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException(value.source() + ": '" + text + "' is not a path");
    }
  }

  private String databaseUrl() {
    Value value = single("db-url");
    if (value == null) {
      return null;
    }
    String url = value.text().strip();
    if (!url.startsWith("jdbc:postgresql:") && !url.startsWith("jdbc:h2:")) {
      throw new IllegalArgumentException(
          value.source() + ": a JDBC URL starting with jdbc:postgresql: (or jdbc:h2:) is"
              + " expected");
    }
    return url;
  }

  /** Like {@link #text} but never repeats the value in an error. */
  private String secret(String name) {
    Value value = single(name);
    if (value == null) {
      return null;
    }
    if (value.text().isBlank()) {
      throw new IllegalArgumentException(value.source() + ": the value is empty");
    }
    return value.text();
  }

  private String tokenSecret() {
    String secret = secret("token-secret");
    if (secret != null
        && secret.getBytes(StandardCharsets.UTF_8).length < ServerConfig.MIN_TOKEN_SECRET_BYTES) {
      throw new IllegalArgumentException(
          single("token-secret").source() + ": the secret must have at least "
              + ServerConfig.MIN_TOKEN_SECRET_BYTES + " bytes");
    }
    return secret;
  }

  /** Off without {@code --smtp-host}; then the other {@code --smtp-*} options are not read. */
  private SmtpSettings smtp() {
    Value host = single("smtp-host");
    if (host == null) {
      return SmtpSettings.OFF;
    }
    if (!SmtpSettings.isHostName(host.text().strip())) {
      throw new IllegalArgumentException(
          host.source() + ": '" + host.text() + "' is not a host name or address");
    }
    SmtpTls tls = SmtpTls.STARTTLS;
    Value mode = single("smtp-tls");
    if (mode != null) {
      tls = SmtpTls.parse(mode.text()).orElseThrow(() -> new IllegalArgumentException(
          mode.source() + ": '" + mode.text() + "' is not none, starttls or implicit"));
    }
    int port = integer("smtp-port", tls.defaultPort(), 1, ServerConfig.MAX_PORT);
    String user = text("smtp-user", null);
    String password = secret("smtp-password");
    if ((user == null) != (password == null)) {
      throw new IllegalArgumentException(
          "--smtp-user and --smtp-password go together: give both or neither");
    }
    if (user != null && (SmtpSettings.hasLineBreak(user) || SmtpSettings.hasLineBreak(password))) {
      throw new IllegalArgumentException("--smtp-user or --smtp-password has a line break");
    }
    Value from = single("smtp-from");
    if (from == null) {
      throw new IllegalArgumentException(
          "--smtp-from is required with --smtp-host, e.g. --smtp-from='Convene"
              + " <convene@example.org>'");
    }
    try {
      SmtpSettings.sender(from.text());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(from.source() + ": " + e.getMessage());
    }
    return new SmtpSettings(host.text().strip(), port, tls, user, password, from.text().strip());
  }

  private PasswordHashing passwordHashing(PasswordHashing defaults) {
    return new PasswordHashing(
        integer("password-hash-concurrency", defaults.concurrency(), 0,
            PasswordHashing.MAX_CONCURRENCY),
        Duration.ofMillis(integer("password-hash-wait-millis",
            (int) defaults.maxWait().toMillis(), 0, (int) PasswordHashing.MAX_WAIT.toMillis())),
        integer("password-hash-queue", defaults.maxWaiting(), 0, PasswordHashing.MAX_WAITING));
  }

  /** The key file only names a file here; it is read (and checked) when the database opens. */
  private AtRestSettings atRest() {
    Path keyFile = path("database-key-file", null);
    if (keyFile != null && single("db-url") != null) {
      throw new IllegalArgumentException(single("database-key-file").source()
          + " encrypts only the embedded database; with --db-url, encrypt PostgreSQL's disk"
          + " instead (docs/server.md)");
    }
    return keyFile == null ? AtRestSettings.OFF : new AtRestSettings(keyFile);
  }

  private int integer(String name, int fallback, int min, int max) {
    Value value = single(name);
    if (value == null) {
      return fallback;
    }
    long number;
    try {
      number = Long.parseLong(value.text().strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          value.source() + ": '" + value.text() + "' is not a whole number");
    }
    if (number < min || number > max) {
      throw new IllegalArgumentException(
          value.source() + ": " + number + " is not between " + min + " and " + max);
    }
    return (int) number;
  }

  private Duration seconds(String name, Duration fallback, int min) {
    int seconds = integer(name, (int) fallback.toSeconds(), min, Integer.MAX_VALUE);
    return Duration.ofSeconds(seconds);
  }

  private List<String> urls(String name, String... schemes) {
    List<Value> values = new ArrayList<>();
    Option option = option(name);
    if (flags.containsKey(name)) {
      flags.get(name).forEach(text -> values.add(new Value(text, option.flag())));
    } else if (env.get(option.env()) != null) {
      Arrays.stream(env.get(option.env()).split(","))
          .filter(text -> !text.isBlank())
          .forEach(text -> values.add(new Value(text, option.env() + " (" + option.flag() + ")")));
    }
    List<String> urls = new ArrayList<>();
    for (Value value : values) {
      String url = value.text().strip();
      if (Arrays.stream(schemes).noneMatch(url::startsWith) || url.length() <= url.indexOf(':') + 1) {
        throw new IllegalArgumentException(
            value.source() + ": '" + url + "' is not a URL starting with "
                + String.join(" or ", schemes));
      }
      urls.add(url);
    }
    return urls;
  }

  /** The last flag of that name, else the environment variable, else {@code null}. */
  private Value single(String name) {
    Option option = option(name);
    List<String> given = flags.get(name);
    if (given != null) {
      return new Value(given.getLast(), option.flag());
    }
    String fromEnv = env.get(option.env());
    if (fromEnv == null || fromEnv.isEmpty()) {
      return null;
    }
    return new Value(fromEnv, option.env() + " (" + option.flag() + ")");
  }

  private static Option option(String name) {
    return OPTIONS.stream().filter(o -> o.name().equals(name)).findFirst().orElseThrow();
  }

  /** A raw value and where it came from, for error messages. */
  private record Value(String text, String source) {}
}
