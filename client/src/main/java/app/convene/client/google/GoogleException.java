package app.convene.client.google;

/**
 * A Google operation failed. The message is written for the user and can be shown as it is; the
 * cause, when there is one, is for the log. Nothing stored on this computer is lost when one is
 * thrown.
 */
public sealed class GoogleException extends Exception
    permits GoogleAuthException, GoogleUnavailableException {
  public GoogleException(String message) {
    super(message);
  }

  public GoogleException(String message, Throwable cause) {
    super(message, cause);
  }
}
