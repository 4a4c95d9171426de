package app.convene.client.app;

import java.util.ArrayList;
import java.util.List;

/**
 * A model, for tests on Linux, of the two halves of starting a program on Windows:
 *
 * <ul>
 *   <li>{@link #fromJdk}: how the JDK's Windows {@code ProcessImpl} joins a {@link ProcessBuilder}
 *       argument list into one command line (JDK 25, {@code createCommandLine},
 *       {@code needsEscaping}, {@code unQuote}; the legacy mode of the default
 *       {@code jdk.lang.Process.allowAmbiguousCommands}, and the strict mode with a .exe);
 *   <li>{@link #split}: how the C runtime of the started program (and {@code CommandLineToArgvW})
 *       splits it into argv, per Microsoft's "Parsing C command-line arguments".
 * </ul>
 *
 * Written from the documented rules and the JDK's source, not copied.
 */
final class WindowsCommandLine {
  private WindowsCommandLine() {}

  /** The command line CreateProcess receives for {@code command} (program first). */
  static String fromJdk(List<String> command, boolean ambiguousCommandsAllowed) {
    StringBuilder line = new StringBuilder();
    String program = command.get(0);
    if (ambiguousCommandsAllowed) {
      line.append(needsQuotes(program, true) ? "\"" + program + "\"" : program);
    } else {
      if (unquote(program).contains("\"")) {
        throw new IllegalArgumentException("Executable name has embedded quote");
      }
      line.append('"').append(unquote(program)).append('"');
    }
    for (String arg : command.subList(1, command.size())) {
      line.append(' ');
      boolean quoted = !arg.equals(unquote(arg));
      if (!ambiguousCommandsAllowed && quoted && unquote(arg).contains("\"")) {
        throw new IllegalArgumentException("Malformed argument has embedded quote: " + arg);
      }
      if (needsQuotes(arg, ambiguousCommandsAllowed)) {
        line.append('"');
        if (ambiguousCommandsAllowed) {
          line.append(arg); // legacy: inserted as it is
        } else {
          for (int i = 0; i < arg.length(); i++) {
            if (arg.charAt(i) == '"') {
              line.repeat('\\', trailingBackslashes(arg, i) + 1);
            }
            line.append(arg.charAt(i));
          }
        }
        line.repeat('\\', trailingBackslashes(arg, arg.length())).append('"');
      } else if (!ambiguousCommandsAllowed && quoted && arg.length() > 2) {
        line.append(arg, 0, arg.length() - 1)
            .repeat('\\', trailingBackslashes(arg, arg.length() - 1)).append('"');
      } else {
        line.append(arg);
      }
    }
    return line.toString();
  }

  private static boolean needsQuotes(String arg, boolean legacy) {
    if (arg.isEmpty()) {
      return true;
    }
    if (!arg.equals(unquote(arg))) {
      return false;
    }
    for (char c : arg.toCharArray()) {
      if (!Character.isLetterOrDigit(c) && (Character.isSpaceChar(c) || Character.isWhitespace(c)
          || (!legacy && "\"<>".indexOf(c) >= 0))) {
        return true;
      }
    }
    return false;
  }

  private static String unquote(String s) {
    return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
  }

  private static int trailingBackslashes(CharSequence s, int end) {
    int i = end;
    while (i > 0 && s.charAt(i - 1) == '\\') {
      i--;
    }
    return end - i;
  }

  /** The argv a C program gets from {@code commandLine}; argv[0] by the program-name rule. */
  static List<String> split(String commandLine) {
    List<String> argv = new ArrayList<>();
    int i = 0;
    int n = commandLine.length();
    // argv[0]: up to the closing quote if it starts with one, else up to white space; no escapes.
    StringBuilder program = new StringBuilder();
    if (n > 0 && commandLine.charAt(0) == '"') {
      i = 1;
      while (i < n && commandLine.charAt(i) != '"') {
        program.append(commandLine.charAt(i++));
      }
      i++;
    } else {
      while (i < n && !blank(commandLine.charAt(i))) {
        program.append(commandLine.charAt(i++));
      }
    }
    argv.add(program.toString());
    while (true) {
      while (i < n && blank(commandLine.charAt(i))) {
        i++;
      }
      if (i >= n) {
        return argv;
      }
      StringBuilder arg = new StringBuilder();
      boolean inQuotes = false;
      while (i < n && (inQuotes || !blank(commandLine.charAt(i)))) {
        int backslashes = 0;
        while (i < n && commandLine.charAt(i) == '\\') {
          backslashes++;
          i++;
        }
        if (i < n && commandLine.charAt(i) == '"') {
          arg.repeat('\\', backslashes / 2);
          if (backslashes % 2 == 1) {
            arg.append('"');
          } else if (inQuotes && i + 1 < n && commandLine.charAt(i + 1) == '"') {
            arg.append('"'); // "" inside quotes: a literal quote (C runtime since 2008)
            i++;
          } else {
            inQuotes = !inQuotes;
          }
          i++;
        } else {
          arg.repeat('\\', backslashes);
          if (i < n && (inQuotes || !blank(commandLine.charAt(i)))) {
            arg.append(commandLine.charAt(i++));
          }
        }
      }
      argv.add(arg.toString());
    }
  }

  private static boolean blank(char c) {
    return c == ' ' || c == '\t';
  }
}
