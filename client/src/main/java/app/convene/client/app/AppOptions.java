package app.convene.client.app;

import java.net.URI;
import java.util.Locale;

/**
 * The desktop app's command line; see {@link #USAGE}.
 *
 * @param server the signaling server, or {@code null} for the embedded default
 * @param locale the language, or {@code null} to follow the operating system
 * @param room a room to prefill
 * @param name a display name to prefill
 * @param syntheticMedia send the test pattern and a tone even when devices exist
 */
record AppOptions(URI server, Locale locale, String room, String name, boolean syntheticMedia) {
  static final String USAGE =
      """
      Usage: convene [options]            the desktop app
             convene --headless --room=NAME [options]   a participant without a window
      Desktop app options:
        --server=URL        signaling server, e.g. ws://meet.example.com:8787/signal
                            (default: start one on 127.0.0.1:8787, or reuse the one running there)
        --lang=en|ru        language (default: the operating system's)
        --room=NAME         prefill the room
        --name=NAME         prefill your name
        --synthetic-media   send a test pattern and a tone instead of camera and microphone
      """;

  static AppOptions parse(String[] args) {
    URI server = null;
    Locale locale = null;
    String room = "";
    String name = System.getProperty("user.name", "");
    boolean synthetic = false;
    for (String arg : args) {
      if (arg.equals("--synthetic-media")) {
        synthetic = true;
        continue;
      }
      int eq = arg.indexOf('=');
      if (!arg.startsWith("--") || eq < 0) {
        throw new IllegalArgumentException("unknown argument '" + arg + "'");
      }
      String value = arg.substring(eq + 1);
      switch (arg.substring(2, eq)) {
        case "server" -> server = URI.create(value);
        case "lang" -> locale = Locale.forLanguageTag(value);
        case "room" -> room = value;
        case "name" -> name = value;
        default -> throw new IllegalArgumentException("unknown flag " + arg.substring(0, eq));
      }
    }
    return new AppOptions(server, locale, room, name, synthetic);
  }
}
