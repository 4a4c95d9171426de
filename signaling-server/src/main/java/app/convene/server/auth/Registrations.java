package app.convene.server.auth;

import app.convene.server.http.ApiException;
import app.convene.server.http.Caller;
import app.convene.server.store.Database;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may register ({@link RegistrationSettings.Mode}), which passwords are accepted ({@link
 * PasswordPolicy}) and e-mail verification: a new account's address is unverified until its owner
 * follows the signed link mailed to it, and only a verified address counts for the meetings it is
 * invited to. Verification needs mail and a public URL; without them no link is sent and no
 * address becomes verified (invitees then come in through the invite link of the meeting's room).
 *
 * <p>Thread-safe. Methods block on the database; call them on request threads.
 */
public final class Registrations {
  /** The path of the verification link; the token is its {@code token} query parameter. */
  public static final String VERIFY_PATH = "/api/auth/verify-email";

  private static final Logger log = LoggerFactory.getLogger(Registrations.class);

  /** The answer to a followed verification link. */
  public record Verified(boolean verified, String email, String message) {}

  /** Whether the caller's address is verified, and whether this server can verify addresses. */
  public record Status(boolean verified, boolean canVerify) {}

  private final Database database;
  private final Clock clock;
  private final RegistrationSettings settings;
  private final PasswordPolicy passwords;
  private final VerificationTokens tokens;
  private final VerificationSender sender;

  /**
   * @param secret the token secret; verification tokens are signed with a key derived from it
   * @param sender mails verification links, or {@link VerificationSender#NONE} without mail
   */
  public Registrations(Database database, Clock clock, RegistrationSettings settings,
      byte[] secret, VerificationSender sender) {
    this.database = Objects.requireNonNull(database, "database == null");
    this.clock = Objects.requireNonNull(clock, "clock == null");
    this.settings = Objects.requireNonNull(settings, "settings == null");
    this.sender = Objects.requireNonNull(sender, "sender == null");
    this.passwords = new PasswordPolicy(settings.passwordMinLength());
    this.tokens = new VerificationTokens(secret, settings.verificationTtl(), clock);
    if (sender != VerificationSender.NONE && settings.publicUrl() == null) {
      log.atWarn().log("mail is on but --public-url is not set: e-mail addresses cannot be"
          + " verified, so invitations by address admit nobody; invitees use the room's link");
    }
  }

  /** Whether addresses can be verified here: mail is on and the public URL is known. */
  public boolean verifies() {
    return sender != VerificationSender.NONE && settings.publicUrl() != null;
  }

  /** The password if the policy accepts it, else 400 {@code weak_password}. */
  String checkPassword(String password, String email) {
    return passwords.check(password, email);
  }

  /** Nothing if the address may register in this mode, else 403 {@code registration_closed}. */
  void checkMayRegister(String email) {
    switch (settings.mode()) {
      case OPEN -> { }
      case DOMAINS -> {
        if (!settings.domainAllowed(email)) {
          throw closed("this server creates accounts only for addresses at "
              + String.join(", ", settings.domains()));
        }
      }
      case INVITE_ONLY -> {
        if (!settings.admitted().contains(email) && !database.read(c -> Users.isInvited(c, email))) {
          throw closed("this server creates accounts only for addresses invited to a meeting");
        }
      }
    }
  }

  /** Mails a new account its verification link, when addresses can be verified here. */
  void offerVerification(UUID userId, String email, String displayName) {
    if (verifies()) {
      String token = URLEncoder.encode(tokens.issue(userId, email), StandardCharsets.UTF_8);
      sender.send(email, displayName,
          URI.create(settings.publicUrl() + VERIFY_PATH + "?token=" + token));
    }
  }

  /**
   * {@code GET /api/auth/verify-email?token=…}: marks the address of the token verified; 400
   * {@code invalid_verification} for a token that is forged, expired or for an address the account
   * no longer has.
   */
  public Verified verify(String token) {
    VerificationTokens.Claim claim = tokens.verify(Objects.requireNonNull(token, "token == null"))
        .orElseThrow(Registrations::invalidLink);
    boolean marked = database.read(c -> Users.markVerified(c, claim.userId(), claim.email(),
        clock.instant()));
    if (!marked) {
      throw invalidLink();
    }
    log.atInfo().addKeyValue("user", claim.userId()).log("e-mail address verified");
    return new Verified(true, claim.email(), "Your e-mail address is confirmed; you can close this"
        + " page and return to Convene. Адрес подтверждён; эту страницу можно закрыть.");
  }

  /**
   * {@code POST /api/auth/verification}: mails the caller a new link; 409 {@code
   * already_verified}, or 503 {@code verification_unavailable} where addresses cannot be verified.
   */
  public void resend(Caller caller) {
    Objects.requireNonNull(caller, "caller == null");
    if (!verifies()) {
      throw new ApiException(503, "verification_unavailable",
          "this server does not send e-mail, so it cannot confirm addresses");
    }
    if (isVerified(caller)) {
      throw new ApiException(409, "already_verified", "the e-mail address is already confirmed");
    }
    offerVerification(caller.id(), caller.email(), caller.displayName());
  }

  /** Whether the caller's address is verified. */
  public boolean isVerified(Caller caller) {
    return database.read(c -> Users.isVerified(c, caller.id()));
  }

  /** {@code GET /api/auth/verification}. */
  public Status status(Caller caller) {
    return new Status(isVerified(caller), verifies());
  }

  private static ApiException invalidLink() {
    return new ApiException(400, "invalid_verification",
        "the confirmation link is invalid or has expired; ask the app for a new one");
  }

  private static ApiException closed(String message) {
    return new ApiException(403, "registration_closed", message);
  }
}
