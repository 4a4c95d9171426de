package app.convene.client.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Windows: makes {@code convene://} links open the installed app, for the current user
 * ({@code HKCU\Software\Classes\convene}, no administrator needed). jpackage's .msi registers the
 * .ics association but has no option for a URL scheme, so the installed app registers itself on
 * start, and again when it was moved or updated. Elsewhere the .desktop file (Linux) and
 * Info.plist (macOS) do it. Runs on a daemon thread; failures are logged only.
 */
final class WindowsUrlScheme {
  private static final Logger log = LoggerFactory.getLogger(WindowsUrlScheme.class);
  private static final String KEY = "HKCU\\Software\\Classes\\convene";

  private WindowsUrlScheme() {}

  static void registerInBackground() {
    String exe = System.getProperty("jpackage.app-path"); // set by jpackage's launcher only
    if (exe == null
        || !System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
      return;
    }
    Thread.ofPlatform().daemon().name("url-scheme").start(() -> register(exe));
  }

  private static void register(String exe) {
    String command = "\"" + exe + "\" \"%1\"";
    try {
      if (reg("query", KEY + "\\shell\\open\\command", "/ve").contains(command)) {
        return;
      }
      reg("add", KEY, "/ve", "/d", "URL:Convene invite link", "/f");
      reg("add", KEY, "/v", "URL Protocol", "/d", "", "/f");
      reg("add", KEY + "\\DefaultIcon", "/ve", "/d", "\"" + exe + "\",0", "/f");
      reg("add", KEY + "\\shell\\open\\command", "/ve", "/d", command, "/f");
      log.info("convene:// links now open {}", exe);
    } catch (IOException e) {
      log.warn("cannot register convene:// links: {}", e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String reg(String... args) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(
        java.util.stream.Stream.concat(List.of("reg").stream(), List.of(args).stream()).toList())
        .redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    process.waitFor();
    return output;
  }
}
