package app.convene.client.google;

import java.util.Objects;

/**
 * Google could not be reached, or stayed busy after the app backed off and retried. Try again
 * later; the events saved on this computer are unchanged and still shown.
 */
public final class GoogleUnavailableException extends GoogleException {
  /** What went wrong. */
  public enum Reason {
    /** No connection: network down, DNS failure, refused connection, time-out. */
    OFFLINE,
    /** Google answered 429, 5xx or a rate-limit 403 on every try. */
    BUSY,
    /**
     * The Google project's quota is used up (403 {@code quotaExceeded}, {@code
     * dailyLimitExceeded}); not retried: the administrator has to look at the quotas.
     */
    QUOTA
  }

  private final Reason reason;

  public GoogleUnavailableException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = Objects.requireNonNull(reason, "reason == null");
  }

  public Reason reason() {
    return reason;
  }
}
