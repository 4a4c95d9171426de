package app.convene.client.google;

import java.util.Objects;

/** Signing in did not work, or the saved sign-in no longer does; {@link #reason()} says which. */
public final class GoogleAuthException extends GoogleException {
  /** Why; the UI offers "Sign in with Google" again for every reason but {@link #BAD_CLIENT}. */
  public enum Reason {
    /** The user pressed "Cancel" (or "Deny") on Google's consent page. */
    CONSENT_DENIED,
    /** The browser came back with a response that this sign-in did not ask for. */
    STATE_MISMATCH,
    /** No answer from the browser in time. */
    TIMED_OUT,
    /** The sign-in was cancelled in the app (its thread was interrupted). */
    CANCELLED,
    /** Google refused the sign-in for another reason (the message has Google's words). */
    SIGN_IN_FAILED,
    /** There is no saved sign-in. */
    NOT_SIGNED_IN,
    /** The saved sign-in was revoked or has expired: sign in again. */
    REVOKED,
    /** Google does not know the configured client ID or secret: the setup needs fixing. */
    BAD_CLIENT
  }

  private final Reason reason;

  public GoogleAuthException(Reason reason, String message) {
    this(reason, message, null);
  }

  public GoogleAuthException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = Objects.requireNonNull(reason, "reason == null");
  }

  public Reason reason() {
    return reason;
  }
}
