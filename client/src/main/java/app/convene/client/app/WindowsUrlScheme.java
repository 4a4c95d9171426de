package app.convene.client.app;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Windows: makes {@code convene://} links open the installed app, for the current user
 * ({@code HKCU\Software\Classes\convene}, no administrator needed). The .msi may register the
 * scheme too; this is the repair for a moved or updated app, so it must be right on its own.
 * It writes only when the command differs, so a normal start runs one {@code reg export}. Elsewhere
 * the .desktop file (Linux) and Info.plist (macOS) do it.
 *
 * <p>The command stored is exactly {@code "<exe>" "%1"}. It goes to {@code reg.exe} as one
 * argument of a {@link ProcessBuilder}; on Windows the JDK joins the arguments into one command
 * line and reg.exe's C runtime splits it again. In the JDK's default mode
 * ({@code jdk.lang.Process.allowAmbiguousCommands} not {@code false}) an argument that starts and
 * ends with a quote is passed as it is, so {@link #argument} hands over the value already quoted
 * and escaped by the C runtime's rules; in the strict mode the JDK refuses any argument that is
 * quoted and holds a quote, so the app cannot register and says so (the .msi's entry stays).
 * Chosen over {@code reg import} of a generated .reg file: that moves the quoting into the .reg
 * format, which only Windows can check, while this command line can be checked on Linux (see the
 * tests). Only the check whether anything must be written reads a .reg file, see
 * {@link #registered}.
 *
 * <p>Threads: {@link #register} blocks on reg.exe; the app calls it on its own daemon thread.
 */
final class WindowsUrlScheme {
  private static final Logger log = LoggerFactory.getLogger(WindowsUrlScheme.class);
  static final String KEY = "HKCU\\Software\\Classes\\convene";
  static final String COMMAND_KEY = KEY + "\\shell\\open\\command";
  private static final long TIMEOUT_SECONDS = 30;

  /** What {@link #register} did. */
  enum Outcome {
    /** The command was already {@code "<exe>" "%1"}: nothing written. */
    ALREADY_REGISTERED,
    /** The keys were written and every reg.exe call succeeded. */
    REGISTERED,
    /** reg.exe failed, timed out or could not start; logged. */
    FAILED,
    /** The JDK runs in its strict quoting mode, which cannot pass the value; logged. */
    CANNOT_QUOTE
  }

  private final List<String> reg;
  private final boolean ambiguousCommandsAllowed;

  /**
   * @param reg the command that runs reg.exe (a stand-in in tests)
   * @param ambiguousCommandsAllowed the JDK's {@code jdk.lang.Process.allowAmbiguousCommands}
   *     mode: anything but {@code "false"} (its default) is true
   */
  WindowsUrlScheme(List<String> reg, boolean ambiguousCommandsAllowed) {
    this.reg = List.copyOf(Objects.requireNonNull(reg, "reg == null"));
    this.ambiguousCommandsAllowed = ambiguousCommandsAllowed;
  }

  /** On the installed Windows app only: registers on a daemon thread. */
  static void registerInBackground() {
    String exe = System.getProperty("jpackage.app-path"); // set by jpackage's launcher only
    if (exe == null
        || !System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
      return;
    }
    String root = System.getenv("SystemRoot");
    String regExe = root != null ? Path.of(root, "System32", "reg.exe").toString() : "reg.exe";
    boolean ambiguous = !"false".equalsIgnoreCase(
        System.getProperty("jdk.lang.Process.allowAmbiguousCommands", "true"));
    WindowsUrlScheme scheme = new WindowsUrlScheme(List.of(regExe), ambiguous);
    Thread.ofPlatform().daemon().name("url-scheme").start(() -> scheme.register(exe));
  }

  /** The command Windows runs for a link: {@code "<exe>" "%1"}. */
  static String command(String exe) {
    return "\"" + exe + "\" \"%1\"";
  }

  /** Points {@code convene://} at {@code exe} unless it already does. Blocks on reg.exe. */
  Outcome register(String exe) {
    String command = command(exe);
    try {
      if (command.equals(registered())) {
        log.debug("convene:// links already open {}", exe);
        return Outcome.ALREADY_REGISTERED;
      }
      if (!ambiguousCommandsAllowed) {
        log.warn("cannot register convene:// links: with jdk.lang.Process.allowAmbiguousCommands"
            + "=false the JDK cannot pass the quoted command {} to reg.exe", command);
        return Outcome.CANNOT_QUOTE;
      }
      List<List<String>> writes = List.of(
          List.of("add", KEY, "/ve", "/d", argument("URL:Convene invite link"), "/f"),
          List.of("add", KEY, "/v", argument("URL Protocol"), "/d", argument(""), "/f"),
          List.of("add", KEY + "\\DefaultIcon", "/ve", "/d", argument("\"" + exe + "\",0"), "/f"),
          List.of("add", COMMAND_KEY, "/ve", "/d", argument(command), "/f"));
      for (List<String> write : writes) {
        Result result = run(write);
        if (result.exitCode() != 0) {
          log.warn("cannot register convene:// links: reg {} {} exited with {}: {}", write.get(0),
              write.get(1), result.exitCode(), result.output().strip());
          return Outcome.FAILED;
        }
      }
      log.info("convene:// links now open {}", exe);
      return Outcome.REGISTERED;
    } catch (IOException e) {
      log.warn("cannot register convene:// links: reg.exe did not run or its answer was unreadable: {}",
          e.toString());
      return Outcome.FAILED;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Outcome.FAILED;
    }
  }

  /**
   * The {@link ProcessBuilder} argument that reaches reg.exe as exactly {@code value} when the
   * JDK allows ambiguous commands: the value in quotes, each quote as {@code \"}, and the
   * backslashes before a quote (or before the closing one) doubled, the C runtime's rules. The
   * JDK passes an argument that starts and ends with a quote unchanged.
   */
  static String argument(String value) {
    StringBuilder out = new StringBuilder(value.length() + 8).append('"');
    int backslashes = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\') {
        backslashes++;
        continue;
      }
      out.repeat('\\', c == '"' ? 2 * backslashes + 1 : backslashes);
      backslashes = 0;
      out.append(c);
    }
    return out.repeat('\\', 2 * backslashes).append('"').toString();
  }

  /**
   * The command registered now, or null. Read with {@code reg export}, whose .reg file is UTF-16
   * whatever the console's code page: {@code reg query} prints in the OEM code page, in which a
   * path with a user name in Cyrillic would never compare equal.
   */
  private String registered() throws IOException, InterruptedException {
    Path file = Files.createTempFile("convene-url-scheme", ".reg");
    try {
      Result export = run(List.of("export", COMMAND_KEY, file.toString(), "/y"));
      return export.exitCode() == 0
          ? defaultValue(Files.readString(file, StandardCharsets.UTF_16)) : null;
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /** The default value ({@code @="..."}) in the text of a .reg file, unescaped; or null. */
  static String defaultValue(String regFile) {
    for (String line : regFile.lines().toList()) {
      if (line.startsWith("@=\"") && line.endsWith("\"") && line.length() >= 4) {
        String quoted = line.substring(3, line.length() - 1);
        StringBuilder value = new StringBuilder(quoted.length());
        for (int i = 0; i < quoted.length(); i++) {
          char c = quoted.charAt(i);
          if (c == '\\' && i + 1 < quoted.length()) {
            c = quoted.charAt(++i);
          }
          value.append(c);
        }
        return value.toString();
      }
    }
    return null;
  }

  private record Result(int exitCode, String output) {}

  private Result run(List<String> arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(reg);
    command.addAll(arguments);
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    process.getOutputStream().close();
    // Error messages only (values are read from an exported file): the console's code page.
    String output = new String(process.getInputStream().readAllBytes(), consoleCharset());
    if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IOException("reg.exe did not finish within " + TIMEOUT_SECONDS + " s");
    }
    return new Result(process.exitValue(), output);
  }

  private static Charset consoleCharset() {
    try {
      return Charset.forName(System.getProperty("stdout.encoding", Charset.defaultCharset().name()));
    } catch (RuntimeException e) {
      return Charset.defaultCharset();
    }
  }
}
