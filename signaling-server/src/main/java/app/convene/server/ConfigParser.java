package app.convene.server;

import app.convene.protocol.IceServer;
import app.convene.server.auth.PasswordHashing;
import app.convene.server.auth.RegistrationSettings;
import app.convene.server.mail.SmtpSettings;
import app.convene.server.mail.SmtpTls;
import app.convene.server.throttle.ThrottleSettings;
import java.net.URI;
import app.convene.server.web.PemKeyStore;
import app.convene.server.web.WebSecurity;
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
      new Option("turn-ttl-seconds", "S", "lifetime of TURN credentials (default 3600)"),
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
      // Throttling and sessions (ThrottleSettings; docs/server.md, "Throttling and sessions").
      new Option("throttle-account-failures", "N",
          "failed sign-ins (or invite tokens) on one account before each further try must wait"
              + " (default 5)"),
      new Option("throttle-address-failures", "N",
          "failed attempts from one client address, across accounts, before it must wait"
              + " (default 20)"),
      new Option("throttle-attempts", "N",
          "registrations and room creations per account or address before they must wait"
              + " (default 30)"),
      new Option("throttle-base-delay-millis", "MS",
          "the first wait; it doubles with each further failure (default 1000)"),
      new Option("throttle-max-delay-seconds", "S", "the longest wait (default 900)"),
      new Option("throttle-window-seconds", "S",
          "how long attempts are remembered after the last one (default 3600)"),
      new Option("throttle-redis", "URI",
          "redis://HOST:PORT to share the counters between servers (default: in this process)"),
      new Option("throttle-redis-prefix", "PREFIX",
          "prefix of the throttle's Redis keys (default convene:throttle:)"),
      new Option("trusted-proxies", "ADDRESSES",
          "comma-separated IP addresses of reverse proxies whose X-Forwarded-For names the"
              + " client (default: none; the socket's address is the client's)"),
      new Option("refresh-grace-seconds", "S",
          "a spent refresh token works once more this long, for a lost response; 0 for never"
              + " (default 30)"),
      new Option("max-sockets-per-account", "N",
          "signaling sockets one account may hold open (default 20)"),
      new Option("registration", "MODE",
          "who may create an account: open, invite-only (addresses invited to a meeting) or"
              + " domains:example.org,example.com (default open)"),
      new Option("registration-admit", "ADDRESSES",
          "with --registration=invite-only: comma-separated addresses that may register without a"
              + " meeting invitation, e.g. the first administrators (default none)"),
      new Option("password-min-length", "N",
          "fewest characters of a new password, 8 to 64 (default 8; NIST SP 800-63B-4 asks 15"
              + " where the password is the only factor)"),
      new Option("public-url", "URL",
          "the https address users reach the server at, for e-mail verification links; with"
              + " --smtp-host it turns verification on (default: none, no verification)"),
      new Option("email-verification-ttl-hours", "H",
          "how long an e-mail verification link stays valid (default 24)"),
      new Option("tls-cert", "FILE",
          "PEM certificate chain, server certificate first: serve HTTPS and WSS on --port"
              + " (default: plain HTTP); with --tls-key"),
      new Option("tls-key", "FILE",
          "PEM private key of --tls-cert (PKCS#8, PKCS#1 RSA or SEC1 EC, unencrypted)"),
      new Option("tls-reload-seconds", "S",
          "check the two TLS files this often and load a changed pair without a restart"
              + " (default 10)"),
      new Option("http-redirect-port", "PORT",
          "also listen on this plain-HTTP port and redirect every request to HTTPS; needs"
              + " --tls-cert (default 0: none)"),
      new Option("hsts-max-age-seconds", "S",
          "Strict-Transport-Security max-age sent over TLS; 0 sends none (default 31536000)"),
      new Option("allowed-origins", "ORIGINS",
          "comma-separated browser origins, e.g. https://a.example.org,https://b.example.org,"
              + " allowed to call the REST API (CORS) and open the WebSocket (default: none;"
              + " requests without an Origin header are always allowed)"),
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
        in.throttle(defaults.throttle()),
        in.registration(defaults.registration()),
        in.web(defaults.web()),
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

  /** {@code --registration}, {@code --password-min-length}, {@code --public-url} and the TTL. */
  private RegistrationSettings registration(RegistrationSettings defaults) {
    RegistrationSettings settings = new RegistrationSettings(RegistrationSettings.Mode.OPEN,
        List.of(),
        integer("password-min-length", defaults.passwordMinLength(),
            RegistrationSettings.MIN_PASSWORD_LENGTH, RegistrationSettings.MAX_PASSWORD_LENGTH_FLOOR),
        defaults.publicUrl(),
        Duration.ofHours(integer("email-verification-ttl-hours",
            (int) defaults.verificationTtl().toHours(), 1, 24 * 30)), List.of());
    Value url = single("public-url");
    if (url != null) {
      try {
        URI uri = RegistrationSettings.publicUrl(url.text());
        settings = new RegistrationSettings(settings.mode(), settings.domains(),
            settings.passwordMinLength(), uri, settings.verificationTtl(), List.of());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(url.source() + ": " + e.getMessage()
            + "; expected e.g. https://convene.example.org");
      }
    }
    Value mode = single("registration");
    if (mode != null) {
      try {
        settings = settings.withRegistration(mode.text());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(mode.source() + ": " + e.getMessage());
      }
    }
    Value admit = single("registration-admit");
    if (admit == null) {
      return settings;
    }
    if (settings.mode() != RegistrationSettings.Mode.INVITE_ONLY) {
      throw new IllegalArgumentException(admit.source() + " applies only with"
          + " --registration=invite-only");
    }
    try {
      return settings.withAdmitted(admit.text());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(admit.source() + ": " + e.getMessage());
    }
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

  /** TLS from PEM files, the redirect port, HSTS and the allowed browser origins. */
  private WebSecurity web(WebSecurity defaults) {
    Path cert = path("tls-cert", null);
    Path key = path("tls-key", null);
    if ((cert == null) != (key == null)) {
      throw new IllegalArgumentException(
          "--tls-cert and --tls-key go together: give both or neither");
    }
    int redirectPort = integer("http-redirect-port", defaults.httpRedirectPort(), 0,
        ServerConfig.MAX_PORT);
    if (redirectPort != 0 && cert == null) {
      throw new IllegalArgumentException(
          single("http-redirect-port").source() + ": redirecting to HTTPS needs --tls-cert and"
              + " --tls-key");
    }
    List<String> origins = new ArrayList<>();
    Value list = single("allowed-origins");
    if (list != null) {
      for (String origin : list.text().split(",")) {
        if (origin.isBlank()) {
          continue;
        }
        try {
          origins.add(WebSecurity.origin(origin));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(list.source() + ": " + e.getMessage());
        }
      }
    }
    if (cert != null) {
      try {
        PemKeyStore.load(cert, key);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--tls-cert/--tls-key: " + e.getMessage());
      }
    }
    return new WebSecurity(cert, key,
        seconds("tls-reload-seconds", defaults.tlsReloadInterval(), 1),
        redirectPort,
        seconds("hsts-max-age-seconds", defaults.hstsMaxAge(), 0),
        origins);
  }

  private PasswordHashing passwordHashing(PasswordHashing defaults) {
    return new PasswordHashing(
        integer("password-hash-concurrency", defaults.concurrency(), 0,
            PasswordHashing.MAX_CONCURRENCY),
        Duration.ofMillis(integer("password-hash-wait-millis",
            (int) defaults.maxWait().toMillis(), 0, (int) PasswordHashing.MAX_WAIT.toMillis())),
        integer("password-hash-queue", defaults.maxWaiting(), 0, PasswordHashing.MAX_WAITING));
  }

  private ThrottleSettings throttle(ThrottleSettings d) {
    int max = 1_000_000;
    Duration base = Duration.ofMillis(integer("throttle-base-delay-millis",
        (int) d.baseDelay().toMillis(), 1, 3_600_000));
    Duration most = seconds("throttle-max-delay-seconds", d.maxDelay(), 1);
    if (most.compareTo(base) < 0) {
      throw new IllegalArgumentException(
          "--throttle-max-delay-seconds must not be shorter than --throttle-base-delay-millis");
    }
    String redis = text("throttle-redis", null);
    if (redis != null && !redis.startsWith("redis://") && !redis.startsWith("rediss://")) {
      throw new IllegalArgumentException(
          single("throttle-redis").source() + ": a URI starting with redis:// or rediss:// is"
              + " expected");
    }
    String proxies = text("trusted-proxies", null);
    return new ThrottleSettings(
        integer("throttle-account-failures", d.accountFailures(), 1, max),
        integer("throttle-address-failures", d.addressFailures(), 1, max),
        integer("throttle-attempts", d.attemptsPerWindow(), 1, max),
        base,
        most,
        seconds("throttle-window-seconds", d.window(), 1),
        redis,
        text("throttle-redis-prefix", d.redisKeyPrefix()),
        proxies == null ? d.trustedProxies() : Arrays.stream(proxies.split(","))
            .map(String::strip).filter(p -> !p.isEmpty()).toList(),
        seconds("refresh-grace-seconds", d.refreshGrace(), 0),
        integer("max-sockets-per-account", d.maxSocketsPerAccount(), 1, max));
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
