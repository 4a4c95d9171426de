package app.convene.client.google;

import app.convene.client.i18n.Messages;
import com.google.api.client.auth.oauth2.TokenResponseException;
import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.http.HttpResponseException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;

/** Turns what the Google libraries throw into {@link GoogleException}s with readable messages. */
final class GoogleErrors {
  static final String KEPT = "Your events saved on this computer are kept.";

  private GoogleErrors() {}

  /**
   * @param action what was being done, completing "Google Calendar could not ...", e.g. "list your
   *     calendars"
   */
  static GoogleException map(IOException e, String action) {
    if (e instanceof TokenResponseException token) {
      return token(token);
    }
    if (e instanceof HttpResponseException http) {
      int code = http.getStatusCode();
      if (code == 401) {
        return revoked(e);
      }
      if (Retry.quotaExceeded(http)) {
        return new GoogleUnavailableException(
            GoogleUnavailableException.Reason.QUOTA,
            Messages.format("google.quotaExceeded", detail(http)),
            e);
      }
      if (Retry.isRetryable(http)) {
        return new GoogleUnavailableException(
            GoogleUnavailableException.Reason.BUSY,
            "Google is busy or over its request limit (HTTP "
                + code
                + ") and did not recover while Convene retried. Try again in a few minutes. "
                + KEPT,
            e);
      }
      return new GoogleException(
          "Google Calendar could not " + action + " (HTTP " + code + ": " + detail(http) + ").", e);
    }
    if (e instanceof InterruptedIOException && !(e instanceof SocketTimeoutException)) {
      return new GoogleException("Cancelled while waiting to retry.", e);
    }
    return new GoogleUnavailableException(
        GoogleUnavailableException.Reason.OFFLINE,
        "Can't reach Google ("
            + e.getClass().getSimpleName()
            + (e.getMessage() == null ? "" : ": " + e.getMessage())
            + "). Check your internet connection; Convene will try again. "
            + KEPT,
        e);
  }

  /**
   * The refresh token no longer works: Google refused it (invalid_grant), or answered 401 after
   * the library's refresh failed. Google says only "expired or revoked"; an app in the "Testing"
   * publishing state gets refresh tokens that die after 7 days, the likeliest cause when it
   * happens week after week, so the message names it.
   */
  static GoogleAuthException revoked(Throwable cause) {
    return new GoogleAuthException(
        GoogleAuthException.Reason.REVOKED, Messages.get("google.expired"), cause);
  }

  /**
   * The code of a sign-in that just finished was refused (used twice, too old, or the verifier
   * does not match): the sign-in failed, nothing was revoked.
   */
  static GoogleAuthException codeRefused(TokenResponseException e) {
    String error = e.getDetails() == null ? null : e.getDetails().getError();
    if (!"invalid_grant".equals(error)) {
      return null;
    }
    String description = e.getDetails().getErrorDescription();
    return new GoogleAuthException(
        GoogleAuthException.Reason.SIGN_IN_FAILED,
        Messages.format("google.codeRefused", description == null ? error : description),
        e);
  }

  private static GoogleException token(TokenResponseException e) {
    String error = e.getDetails() == null ? null : e.getDetails().getError();
    if ("invalid_grant".equals(error)) {
      return revoked(e);
    }
    if ("invalid_client".equals(error) || "unauthorized_client".equals(error)) {
      return new GoogleAuthException(
          GoogleAuthException.Reason.BAD_CLIENT,
          "Google does not accept this app's client ID or secret ("
              + error
              + "). Check google-oauth.properties or the CONVENE_GOOGLE_CLIENT_ID and"
              + " CONVENE_GOOGLE_CLIENT_SECRET variables (see docs/google.md).",
          e);
    }
    if (Retry.isRetryable(e)) {
      return new GoogleUnavailableException(
          GoogleUnavailableException.Reason.BUSY,
          "Google's sign-in service is busy (HTTP " + e.getStatusCode() + "). Try again later.",
          e);
    }
    return new GoogleAuthException(
        GoogleAuthException.Reason.SIGN_IN_FAILED,
        "Google refused the sign-in: " + (error == null ? "HTTP " + e.getStatusCode() : error),
        e);
  }

  private static String detail(HttpResponseException e) {
    if (e instanceof GoogleJsonResponseException json
        && json.getDetails() != null
        && json.getDetails().getMessage() != null) {
      return json.getDetails().getMessage();
    }
    return e.getStatusMessage() == null ? "no details" : e.getStatusMessage();
  }
}
