package app.convene.server;

import app.convene.server.ConfigValues.Value;
import app.convene.server.auth.PasswordHashing;
import app.convene.server.auth.RegistrationSettings;
import app.convene.server.throttle.ThrottleSettings;
import app.convene.server.web.PemKeyStore;
import app.convene.server.web.WebSecurity;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the features of a {@link ServerConfig} that decide who gets in: TLS and browser origins,
 * password hashing, throttling and registration. Part of {@link ConfigParser}; every error names
 * the flag (and the variable).
 */
final class AccessConfigParser {
  private static final int MAX_COUNT = 1_000_000;

  private AccessConfigParser() {}

  /** TLS from PEM files, the redirect port, HSTS and the allowed browser origins. */
  static WebSecurity web(ConfigValues in, WebSecurity d) {
    Path cert = in.path("tls-cert", null);
    Path key = in.path("tls-key", null);
    if ((cert == null) != (key == null)) {
      throw new IllegalArgumentException(
          "--tls-cert and --tls-key go together: give both or neither");
    }
    int redirectPort = in.integer("http-redirect-port", d.httpRedirectPort(), 0,
        NetworkSettings.MAX_PORT);
    if (redirectPort != 0 && cert == null) {
      throw in.single("http-redirect-port").error(
          "redirecting to HTTPS needs --tls-cert and --tls-key");
    }
    List<String> origins = new ArrayList<>();
    Value list = in.single("allowed-origins");
    if (list != null) {
      for (String origin : list.text().split(",")) {
        if (origin.isBlank()) {
          continue;
        }
        try {
          origins.add(WebSecurity.origin(origin));
        } catch (IllegalArgumentException e) {
          throw list.error(e.getMessage());
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
        in.seconds("tls-reload-seconds", d.tlsReloadInterval(), 1),
        redirectPort,
        in.seconds("hsts-max-age-seconds", d.hstsMaxAge(), 0),
        origins);
  }

  static PasswordHashing passwordHashing(ConfigValues in, PasswordHashing d) {
    return new PasswordHashing(
        in.integer("password-hash-concurrency", d.concurrency(), 0,
            PasswordHashing.MAX_CONCURRENCY),
        in.millis("password-hash-wait-millis", d.maxWait(), 0,
            (int) PasswordHashing.MAX_WAIT.toMillis()),
        in.integer("password-hash-queue", d.maxWaiting(), 0, PasswordHashing.MAX_WAITING));
  }

  static ThrottleSettings throttle(ConfigValues in, ThrottleSettings d) {
    Duration base = in.millis("throttle-base-delay-millis", d.baseDelay(), 1, 3_600_000);
    Duration most = in.seconds("throttle-max-delay-seconds", d.maxDelay(), 1);
    if (most.compareTo(base) < 0) {
      throw new IllegalArgumentException(
          "--throttle-max-delay-seconds must not be shorter than --throttle-base-delay-millis");
    }
    String redis = in.text("throttle-redis", d.redisUri());
    if (redis != null && !redis.startsWith("redis://") && !redis.startsWith("rediss://")) {
      throw in.single("throttle-redis").error(
          "a URI starting with redis:// or rediss:// is expected");
    }
    List<String> proxies = in.list("trusted-proxies");
    return new ThrottleSettings(
        in.integer("throttle-account-failures", d.accountFailures(), 1, MAX_COUNT),
        in.integer("throttle-address-failures", d.addressFailures(), 1, MAX_COUNT),
        in.integer("throttle-attempts", d.attemptsPerWindow(), 1, MAX_COUNT),
        base,
        most,
        in.seconds("throttle-window-seconds", d.window(), 1),
        redis,
        in.text("throttle-redis-prefix", d.redisKeyPrefix()),
        proxies.isEmpty() ? d.trustedProxies() : proxies,
        in.seconds("refresh-grace-seconds", d.refreshGrace(), 0),
        in.integer("max-sockets-per-account", d.maxSocketsPerAccount(), 1, MAX_COUNT));
  }

  /** {@code --registration}, {@code --password-min-length}, {@code --public-url} and the TTL. */
  static RegistrationSettings registration(ConfigValues in, RegistrationSettings d) {
    RegistrationSettings settings = new RegistrationSettings(RegistrationSettings.Mode.OPEN,
        List.of(),
        in.integer("password-min-length", d.passwordMinLength(),
            RegistrationSettings.MIN_PASSWORD_LENGTH, RegistrationSettings.MAX_PASSWORD_LENGTH_FLOOR),
        d.publicUrl(),
        Duration.ofHours(in.integer("email-verification-ttl-hours",
            (int) d.verificationTtl().toHours(), 1, 24 * 30)), List.of());
    Value url = in.single("public-url");
    if (url != null) {
      URI uri;
      try {
        uri = RegistrationSettings.publicUrl(url.text());
      } catch (IllegalArgumentException e) {
        throw url.error(e.getMessage() + "; expected e.g. https://convene.example.org");
      }
      settings = new RegistrationSettings(settings.mode(), settings.domains(),
          settings.passwordMinLength(), uri, settings.verificationTtl(), List.of());
    }
    Value mode = in.single("registration");
    if (mode != null) {
      try {
        settings = settings.withRegistration(mode.text());
      } catch (IllegalArgumentException e) {
        throw mode.error(e.getMessage());
      }
    }
    Value admit = in.single("registration-admit");
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
      throw admit.error(e.getMessage());
    }
  }
}
