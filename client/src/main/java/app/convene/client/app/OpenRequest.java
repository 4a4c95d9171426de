package app.convene.client.app;

import app.convene.client.call.InviteLink;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What the app was asked to open: an invite link ({@code convene://join/<room>?invite=<token>}),
 * an .ics invitation that holds one, or nothing (a second start: bring the window forward). Built
 * from a command-line argument by {@link #parse}; bad input becomes {@link Invalid}, never an
 * exception.
 */
sealed interface OpenRequest {
  /** The largest calendar file read; invitations are a few kilobytes. */
  long MAX_FILE_BYTES = 1024 * 1024;

  /** Bring the running app to the front; nothing else to do. */
  record Activate() implements OpenRequest {}

  /** Join this room, as "Join with link…" does. */
  record Join(InviteLink link) implements OpenRequest {
    public Join {
      Objects.requireNonNull(link, "link == null");
    }
  }

  /**
   * The argument cannot be opened; {@code messageKey} is a message in {@code messages.properties}
   * that takes {@code detail} as its {0}.
   */
  record Invalid(String messageKey, String detail) implements OpenRequest {
    public Invalid {
      Objects.requireNonNull(messageKey, "messageKey == null");
      Objects.requireNonNull(detail, "detail == null");
    }
  }

  /** A URI scheme such as {@code convene:} or {@code file:}, but not a Windows drive ({@code C:}). */
  Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]+:.*", Pattern.DOTALL);

  /**
   * Reads one command-line argument: a {@code convene://} link, a {@code file:} URI or a path of a
   * calendar file, or empty for {@link Activate}. Reads the file; call it off the FX thread.
   */
  static OpenRequest parse(String argument) {
    String text = argument == null ? "" : argument.strip();
    if (text.isEmpty()) {
      return new Activate();
    }
    if (SCHEME.matcher(text).matches()) {
      String scheme = text.substring(0, text.indexOf(':')).toLowerCase(Locale.ROOT);
      if (scheme.equals("convene")) {
        return InviteLink.parse(text).<OpenRequest>map(Join::new)
            .orElseGet(() -> new Invalid("open.badLink", text));
      }
      if (scheme.equals("file")) {
        try {
          return calendarFile(Path.of(new URI(text)), text);
        } catch (URISyntaxException | IllegalArgumentException e) {
          return new Invalid("open.noFile", text);
        }
      }
      return new Invalid("open.unsupported", text);
    }
    try {
      return calendarFile(Path.of(text), text);
    } catch (InvalidPathException e) {
      return new Invalid("open.unsupported", text);
    }
  }

  /**
   * The argument as another process should see it: a relative file path made absolute (the other
   * process has another working directory); anything else unchanged.
   */
  static String absolute(String argument) {
    String text = argument == null ? "" : argument.strip();
    if (text.isEmpty() || SCHEME.matcher(text).matches()) {
      return text;
    }
    try {
      return Path.of(text).toAbsolutePath().toString();
    } catch (InvalidPathException e) {
      return text;
    }
  }

  private static OpenRequest calendarFile(Path file, String shown) {
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      return new Invalid("open.noFile", shown);
    }
    String text;
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes((int) MAX_FILE_BYTES + 1);
      if (bytes.length > MAX_FILE_BYTES) {
        return new Invalid("open.tooLarge", shown);
      }
      text = new String(bytes, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return new Invalid("open.noFile", shown);
    }
    if (!IcsInvite.isCalendar(text)) {
      return new Invalid("open.notCalendar", shown);
    }
    return IcsInvite.find(text).<OpenRequest>map(Join::new)
        .orElseGet(() -> new Invalid("open.noLink", shown));
  }
}
