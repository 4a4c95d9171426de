package app.convene.server.auth;

import app.convene.protocol.api.AuthSession;
import app.convene.protocol.api.Credentials;
import app.convene.protocol.api.PasswordChange;
import app.convene.protocol.api.RefreshRequest;
import app.convene.protocol.api.Registration;
import app.convene.server.http.ApiException;
import app.convene.server.http.Caller;
import app.convene.server.http.CallerResolver;
import app.convene.server.http.InputRules;
import app.convene.server.store.Database;
import app.convene.server.store.StoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accounts and sessions: registration, sign-in, refresh with rotation, sign-out, and finding the
 * user behind an access token.
 *
 * <p>Thread-safe. Every method blocks on the database, and registration and sign-in on an Argon2id
 * hash (tens of milliseconds), or up to the {@link PasswordHashing#maxWait()} for a turn to hash
 * before they answer 503 {@code server_busy}; call them on request threads.
 */
public final class AuthService implements CallerResolver {
  /** How long a refresh token is valid. */
  public static final Duration REFRESH_TOKEN_TTL = Duration.ofDays(30);

  private static final Logger log = LoggerFactory.getLogger(AuthService.class);
  /** Security events, as {@code Throttle.SECURITY_LOGGER}; never with a password or token. */
  private static final Logger security = LoggerFactory.getLogger("convene.security");

  static final int MAX_PASSWORD = PasswordPolicy.MAX_LENGTH;
  static final int MAX_DISPLAY_NAME = 64;

  private final Database database;
  private final Clock clock;
  private final AccessTokens accessTokens;
  private final RefreshTokens refreshTokens = new RefreshTokens();
  private final PasswordHasher hasher = new PasswordHasher();
  private final HashingGate gate;
  private final Duration refreshGrace;
  private final SessionEnds sessionEnds;
  private final Registrations registrations;
  /** Verified against when the address is unknown, so that both failures take as long. */
  private final String dummyHash;

  /**
   * @param secret the HS256 key for access tokens (see {@link TokenSecret})
   * @param accessTokenTtl how long an access token is valid
   */
  public AuthService(Database database, Clock clock, byte[] secret, Duration accessTokenTtl) {
    this(database, clock, secret, accessTokenTtl, PasswordHashing.DEFAULT);
  }

  /**
   * @param hashing how many password hashes run at once, sized from this JVM's heap when
   *     automatic (see {@link HashingGate})
   */
  public AuthService(Database database, Clock clock, byte[] secret, Duration accessTokenTtl,
      PasswordHashing hashing) {
    this(database, clock, secret, accessTokenTtl, hashing, new Registrations(database, clock,
        RegistrationSettings.DEFAULT, secret, VerificationSender.NONE), Duration.ZERO,
        SessionEnds.NONE);
  }

  /**
   * @param registrations who may register, the password policy and e-mail verification
   * @param refreshGrace how long after a refresh its spent token may be presented once more (for a
   *     lost response); zero for never
   * @param sessionEnds hears of sign-outs, password changes and revoked sessions, to close sockets
   */
  public AuthService(Database database, Clock clock, byte[] secret, Duration accessTokenTtl,
      PasswordHashing hashing, Registrations registrations, Duration refreshGrace,
      SessionEnds sessionEnds) {
    this.registrations = Objects.requireNonNull(registrations, "registrations == null");
    this.refreshGrace = Objects.requireNonNull(refreshGrace, "refreshGrace == null");
    this.sessionEnds = Objects.requireNonNull(sessionEnds, "sessionEnds == null");
    this.database = Objects.requireNonNull(database, "database == null");
    this.clock = Objects.requireNonNull(clock, "clock == null");
    this.accessTokens = new AccessTokens(secret, accessTokenTtl, clock);
    Runtime runtime = Runtime.getRuntime();
    this.gate = new HashingGate(hashing, runtime.maxMemory(), runtime.availableProcessors());
    this.dummyHash = hasher.hash(UUID.randomUUID().toString());
    log.atInfo().addKeyValue("concurrency", gate.concurrency())
        .addKeyValue("maxWaiting", gate.maxWaiting())
        .addKeyValue("maxWaitMillis", gate.maxWait().toMillis())
        .addKeyValue("heapMiB", runtime.maxMemory() >> 20)
        .log("password hashing bounded");
  }

  /**
   * Creates an account and signs it in; 409 {@code email_taken} when the address has one, 403
   * {@code registration_closed} when this server's mode does not let the address register, 400
   * {@code weak_password} for a password the policy refuses. The new address is unverified; a
   * link to verify it is mailed where that is possible (see {@link Registrations}).
   */
  public AuthSession register(Registration registration) {
    Objects.requireNonNull(registration, "registration == null");
    String email = EmailAddresses.normalize(registration.email(), "email");
    String password = registrations.checkPassword(registration.password(), email);
    String name = InputRules.line(registration.displayName(), "displayName", MAX_DISPLAY_NAME);
    registrations.checkMayRegister(email);
    Users.User user = new Users.User(UUID.randomUUID(), email, name,
        gate.run(() -> hasher.hash(password)), false);
    try {
      AuthSession session = database.inTransaction(c -> {
        if (Users.byEmail(c, email).isPresent()) {
          throw emailTaken();
        }
        Users.insert(c, user, clock.instant());
        return session(c, user);
      });
      registrations.offerVerification(user.id(), email, name);
      return session;
    } catch (StoreException e) {
      if (e.isUniqueViolation()) {
        throw emailTaken(); // registered by a concurrent request
      }
      throw e;
    }
  }

  /** Signs in; 401 {@code bad_credentials} for an unknown address and a wrong password alike. */
  public AuthSession login(Credentials credentials) {
    Objects.requireNonNull(credentials, "credentials == null");
    Optional<String> email = EmailAddresses.parse(credentials.email());
    String password = credentials.password() == null ? "" : credentials.password();
    Optional<Users.User> user = email.isEmpty() || password.length() > MAX_PASSWORD
        ? Optional.empty()
        : database.read(c -> Users.byEmail(c, email.get()));
    String stored = user.map(Users.User::passwordHash).orElse(dummyHash);
    boolean matches = gate.run(() -> hasher.verify(password, stored));
    if (user.isEmpty() || !matches) {
      throw new ApiException(401, "bad_credentials", "the e-mail address or password is wrong");
    }
    return database.inTransaction(c -> session(c, user.get()));
  }

  /**
   * Spends the refresh token and returns a new session of the same sign-in; 401 {@code
   * invalid_refresh_token}. A spent token presented again revokes its whole sign-in session (the
   * token that replaced it stops working) and closes its sockets, unless it comes once within the
   * refresh grace: then the token that replaced it is revoked instead and a new one issued.
   */
  public AuthSession refresh(RefreshRequest request) {
    String token = refreshToken(request);
    RefreshOutcome outcome = database.inTransaction(c -> {
      RefreshTokens.Spent spent = refreshTokens.spend(c, token, clock.instant(), refreshGrace);
      return switch (spent) {
        case RefreshTokens.Spent.Fresh f -> renewed(c, f.userId(), f.family(), spent);
        case RefreshTokens.Spent.Retried r -> renewed(c, r.userId(), r.family(), spent);
        case RefreshTokens.Spent.Reused _, RefreshTokens.Spent.Unknown _ ->
            new RefreshOutcome(spent, null);
      };
    });
    if (outcome.spent() instanceof RefreshTokens.Spent.Reused reused) {
      security.atWarn().addKeyValue("user", reused.userId())
          .log("spent refresh token reused; its sign-in session is revoked");
      sessionEnds.ended(reused.userId(), reused.family(), "signed out: the session was revoked");
    }
    if (outcome.session() == null) {
      throw new ApiException(401, "invalid_refresh_token",
          "the refresh token is unknown, used or expired; sign in again");
    }
    return outcome.session();
  }

  private record RefreshOutcome(RefreshTokens.Spent spent, AuthSession session) {}

  private RefreshOutcome renewed(Connection c, UUID userId, String family,
      RefreshTokens.Spent spent) throws SQLException {
    Optional<Users.User> user = Users.byId(c, userId);
    return new RefreshOutcome(spent, user.isEmpty() ? null : session(c, user.get(), family));
  }

  /** Ends the sign-in session of the refresh token and closes its sockets; 204 if unknown too. */
  public void logout(RefreshRequest request) {
    String token = refreshToken(request);
    database.inTransaction(c -> refreshTokens.revoke(c, token)).ifPresent(ended ->
        sessionEnds.ended(ended.userId(), ended.family(), "signed out"));
  }

  /**
   * Changes the caller's password: 401 {@code bad_credentials} when the current one is wrong;
   * the new one must pass the registration rules. Ends every sign-in session of the account and
   * closes all its sockets, then returns a new session for the caller.
   */
  public AuthSession changePassword(Caller caller, PasswordChange change) {
    Objects.requireNonNull(caller, "caller == null");
    if (change == null || change.currentPassword() == null) {
      throw ApiException.invalid("'currentPassword' is required");
    }
    String current = change.currentPassword();
    Users.User user = database.read(c -> Users.byId(c, caller.id()))
        .orElseThrow(() -> ApiException.unauthorized("the account no longer exists"));
    String next = registrations.checkPassword(change.newPassword(), user.email());
    if (current.length() > MAX_PASSWORD
        || !gate.run(() -> hasher.verify(current, user.passwordHash()))) {
      throw new ApiException(401, "bad_credentials", "the current password is wrong");
    }
    String hash = gate.run(() -> hasher.hash(next));
    AuthSession session = database.inTransaction(c -> {
      Users.updatePassword(c, user.id(), hash);
      refreshTokens.revokeAll(c, user.id());
      return session(c, user);
    });
    security.atInfo().addKeyValue("user", user.id())
        .log("password changed; every sign-in session revoked");
    sessionEnds.ended(user.id(), null, "signed out: the password was changed");
    return session;
  }

  /**
   * The user and sign-in session behind an access token, for opening a socket: empty when the
   * token is invalid or its session was signed out or revoked since it was issued.
   */
  public Optional<SignedIn> resolveSignedIn(String accessToken) {
    Objects.requireNonNull(accessToken, "accessToken == null");
    return accessTokens.verifySession(accessToken).flatMap(v -> database.read(c -> {
      if (v.session() != null && !refreshTokens.isLive(c, v.session(), clock.instant())) {
        return Optional.<SignedIn>empty();
      }
      return Users.byId(c, v.userId()).map(u -> new SignedIn(u.toCaller(), v.session()));
    }));
  }

  /** Deletes expired refresh tokens; returns how many. Called by the hourly job. */
  public int deleteExpiredRefreshTokens() {
    return database.read(c -> refreshTokens.deleteExpired(c, clock.instant()));
  }

  @Override
  public Optional<Caller> resolve(String accessToken) {
    Objects.requireNonNull(accessToken, "accessToken == null");
    return accessTokens.verify(accessToken)
        .flatMap(id -> database.read(c -> Users.byId(c, id)))
        .map(Users.User::toCaller);
  }

  private AuthSession session(Connection c, Users.User user) throws SQLException {
    return session(c, user, refreshTokens.newFamily());
  }

  /** A new access token and the next refresh token of the sign-in session {@code family}. */
  private AuthSession session(Connection c, Users.User user, String family) throws SQLException {
    Instant now = clock.instant();
    String refresh = refreshTokens.create(c, user.id(), family, now, now.plus(REFRESH_TOKEN_TTL));
    AccessTokens.Issued access = accessTokens.issue(user.id(), family);
    return new AuthSession(user.toCaller().toView(), access.token(), access.expiresAt(), refresh);
  }

  private static String refreshToken(RefreshRequest request) {
    if (request == null || request.refreshToken() == null || request.refreshToken().isBlank()) {
      throw ApiException.invalid("'refreshToken' is required");
    }
    if (request.refreshToken().length() > 200) {
      throw new ApiException(401, "invalid_refresh_token", "the refresh token is malformed");
    }
    return request.refreshToken().strip();
  }

  private static ApiException emailTaken() {
    return new ApiException(409, "email_taken", "an account with this e-mail address exists");
  }
}
