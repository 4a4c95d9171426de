package app.convene.client.i18n;

import app.convene.client.api.ApiException;
import java.util.regex.Pattern;

/**
 * A failure in words for the status line or a dialog: the server's own words where the server
 * answered (an {@link ApiException} anywhere in the chain), otherwise the root cause's message,
 * never a Java class name ("java.net.ConnectException: Connection refused" reads "Connection
 * refused"), and "no details" rather than nothing.
 */
public final class Failures {
  /** A qualified Java class name at the start of a message, with its colon. */
  private static final Pattern CLASS_NAME =
      Pattern.compile("^(?:[a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*(?::\\s*|$)");

  private Failures() {}

  public static String rootMessage(Throwable failure) {
    Throwable root = failure;
    for (Throwable t = failure; t != null; t = t.getCause()) {
      root = t;
      if (t instanceof ApiException) {
        break;
      }
    }
    String message = root.getMessage() == null ? "" : root.getMessage();
    message = CLASS_NAME.matcher(message.strip()).replaceFirst("").strip();
    return message.isEmpty() ? Messages.get("error.noDetails") : message;
  }
}
