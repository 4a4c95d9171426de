package app.convene.server;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Every option of the command line, in the order {@code --help} lists them. Each is a flag
 * {@code --name=VALUE} and an environment variable {@code CONVENE_NAME}; docs/server.md documents
 * the same names and defaults, which operators' configurations rely on: never rename one.
 */
final class ConfigOptions {
  /** One option; its environment variable is {@code CONVENE_} and its name in upper snake case. */
  record Option(String name, String value, String help) {
    String flag() {
      return "--" + name;
    }

    String env() {
      return "CONVENE_" + name.toUpperCase(Locale.ROOT).replace('-', '_');
    }
  }

  static final List<Option> ALL = List.of(
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

  private ConfigOptions() {}

  /** The option of that name (without {@code --}), or {@code null}. */
  static Option named(String name) {
    return ALL.stream().filter(o -> o.name().equals(name)).findFirst().orElse(null);
  }

  /** The options, one a line, for {@code --help}. */
  static String usage() {
    return ALL.stream()
        .map(o -> String.format("  %-36s %s%n  %-36s (env %s)%n",
            o.flag() + "=" + o.value(), o.help(), "", o.env()))
        .collect(Collectors.joining());
  }
}
