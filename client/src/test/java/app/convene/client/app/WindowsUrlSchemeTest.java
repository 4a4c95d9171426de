package app.convene.client.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.convene.client.app.WindowsUrlScheme.Outcome;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The registration runs against a real process standing in for reg.exe ({@link RegStandIn}, which
 * records its argv and answers {@code query} as told); {@link WindowsCommandLine} then turns each
 * recorded argument list into the command line the JDK would build on Windows and into the argv
 * reg.exe's C runtime would parse from it. On Windows the stand-in's argv has made that trip for
 * real, and the same assertions check it.
 */
class WindowsUrlSchemeTest {
  private static final String REG = "C:\\Windows\\System32\\reg.exe";
  private static final List<String> AWKWARD_EXES = List.of(
      "C:\\Users\\anna\\AppData\\Local\\Programs\\Convene\\Convene.exe",
      "C:\\Users\\Anna Maria\\AppData\\Local\\Programs\\Convene\\Convene.exe",
      "C:\\Program Files (x86)\\R&D %USERNAME% Tools\\Convene.exe",
      "D:\\Пользователи\\Анна\\Программы\\Convene\\Convene.exe",
      "\\\\server\\share\\a b\\Convene.exe");

  @TempDir Path dir;
  private Path calls;
  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

  @BeforeEach
  void attachLog() {
    calls = dir.resolve("calls");
    logged.start();
    ((Logger) LoggerFactory.getLogger(WindowsUrlScheme.class)).addAppender(logged);
  }

  @AfterEach
  void detachLog() {
    ((Logger) LoggerFactory.getLogger(WindowsUrlScheme.class)).detachAppender(logged);
  }

  /** The stand-in for reg.exe: {@link RegStandIn} in a JVM of its own. */
  private WindowsUrlScheme scheme(boolean ambiguousCommandsAllowed) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new WindowsUrlScheme(List.of(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1",
        "-cp", System.getProperty("java.class.path"), "-Dstandin.dir=" + dir,
        RegStandIn.class.getName()), ambiguousCommandsAllowed);
  }

  /** Each reg.exe call's arguments as the Java side passed them. */
  private List<List<String>> recordedCalls() throws IOException {
    if (!Files.exists(calls)) {
      return List.of();
    }
    List<List<String>> result = new ArrayList<>();
    for (String record : Files.readString(calls, StandardCharsets.UTF_8).split("\036\n")) {
      result.add(Arrays.asList(record.split("\037")));
    }
    return result;
  }

  /**
   * What reg.exe's argv is on Windows for one recorded call (program name dropped): on Windows
   * the stand-in received it through the real JDK and C runtime; elsewhere the model makes it.
   */
  private static List<String> argvOnWindows(List<String> javaArguments) {
    if (System.getProperty("os.name").startsWith("Windows")) {
      return javaArguments;
    }
    List<String> command = new ArrayList<>(List.of(REG));
    command.addAll(javaArguments);
    String line = WindowsCommandLine.fromJdk(command, true);
    List<String> argv = WindowsCommandLine.split(line);
    assertThat(argv.get(0)).isEqualTo(REG);
    return argv.subList(1, argv.size());
  }

  private List<String> logLines() {
    return logged.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
  }

  @Test
  void regExeReceivesExactlyTheQuotedCommandForAwkwardPaths() throws IOException {
    for (String exe : AWKWARD_EXES) {
      Files.deleteIfExists(calls);

      assertThat(scheme(true).register(exe)).as(exe).isEqualTo(Outcome.REGISTERED);

      List<List<String>> onWindows = recordedCalls().stream().map(WindowsUrlSchemeTest::argvOnWindows).toList();
      List<String> export = onWindows.getFirst();
      assertThat(export).hasSize(4);
      assertThat(List.of(export.get(0), export.get(1), export.get(3))).containsExactly(
          "export", "HKCU\\Software\\Classes\\convene\\shell\\open\\command", "/y");
      assertThat(export.get(2)).endsWith(".reg");
      assertThat(onWindows.subList(1, onWindows.size())).as(exe).containsExactly(
          List.of("add", "HKCU\\Software\\Classes\\convene", "/ve", "/d", "URL:Convene invite link", "/f"),
          List.of("add", "HKCU\\Software\\Classes\\convene", "/v", "URL Protocol", "/d", "", "/f"),
          List.of("add", "HKCU\\Software\\Classes\\convene\\DefaultIcon", "/ve", "/d", "\"" + exe + "\",0", "/f"),
          List.of("add", "HKCU\\Software\\Classes\\convene\\shell\\open\\command", "/ve", "/d",
              "\"" + exe + "\" \"%1\"", "/f"));
    }
    assertThat(logLines()).contains("convene:// links now open " + AWKWARD_EXES.getLast());
  }

  @Test
  void theCommandLineOfTheLastWriteIsTheDocumentedForm() {
    String exe = "C:\\Users\\Anna Maria\\Convene.exe";
    List<String> last = List.of(REG, "add", WindowsUrlScheme.COMMAND_KEY, "/ve", "/d",
        WindowsUrlScheme.argument(WindowsUrlScheme.command(exe)), "/f");

    assertThat(WindowsCommandLine.fromJdk(last, true)).isEqualTo(REG + " add "
        + "HKCU\\Software\\Classes\\convene\\shell\\open\\command /ve /d "
        + "\"\\\"C:\\Users\\Anna Maria\\Convene.exe\\\" \\\"%1\\\"\" /f");
  }

  @Test
  void argumentRoundTripsThroughTheJdkAndTheCRuntime() {
    List<String> values = List.of("", "plain", "two words", "\"quoted\"", "trailing\\",
        "C:\\dir with space\\", "\\\\server\\share\\", "a\\\"b", "a\\\\\"b\\\\", "\"C:\\a b\\x.exe\" \"%1\"",
        "100% & (that) | ^caret <in> 'single'", "Конвин\tтаб", "\"\"", "\\");
    for (String value : values) {
      String line = WindowsCommandLine.fromJdk(List.of(REG, "/d", WindowsUrlScheme.argument(value), "/f"), true);
      assertThat(WindowsCommandLine.split(line)).as("%s -> %s", value, line)
          .containsExactly(REG, "/d", value, "/f");
    }
  }

  @Test
  void theOldSingleArgumentLostTheQuotesAndSplitInTwo() {
    // The bug this replaces: "exe" "%1" passed as it is reaches reg.exe as two arguments.
    String exe = "C:\\Users\\Anna Maria\\Convene.exe";
    String line = WindowsCommandLine.fromJdk(List.of(REG, "/d", WindowsUrlScheme.command(exe), "/f"), true);
    assertThat(WindowsCommandLine.split(line)).containsExactly(REG, "/d", exe, "%1", "/f");
  }

  /** A .reg file as {@code reg export} writes it: UTF-16LE with a byte order mark. */
  private void exportWillAnswer(String value) throws IOException {
    String escaped = value.replace("\\", "\\\\").replace("\"", "\\\"");
    Files.write(dir.resolve("export.reg"), ("\uFEFFWindows Registry Editor Version 5.00\r\n\r\n"
        + "[HKEY_CURRENT_USER\\Software\\Classes\\convene\\shell\\open\\command]\r\n"
        + "@=\"" + escaped + "\"\r\n\r\n").getBytes(StandardCharsets.UTF_16LE));
  }

  @Test
  void nothingIsWrittenWhenTheValueIsAlreadyRight() throws IOException {
    // A user name in Cyrillic: reg query would print it in the OEM code page; the export is UTF-16.
    String exe = "C:\\Users\\Анна Иванова\\AppData\\Local\\Programs\\Convene\\Convene.exe";
    scheme(true).register(exe);
    // What reg.exe would now export, from the value it was given.
    exportWillAnswer(argvOnWindows(recordedCalls().getLast()).get(4));
    Files.delete(calls);

    assertThat(scheme(true).register(exe)).isEqualTo(Outcome.ALREADY_REGISTERED);
    List<List<String>> calledNow = recordedCalls();
    assertThat(calledNow).hasSize(1);
    assertThat(calledNow.getFirst().getFirst()).isEqualTo("export");
    assertThat(Path.of(calledNow.getFirst().get(2))).as("the exported file is deleted").doesNotExist();

    Files.delete(calls);
    assertThat(scheme(true).register("C:\\Moved\\Convene.exe")).isEqualTo(Outcome.REGISTERED);
    assertThat(recordedCalls()).hasSize(5);
  }

  @Test
  void aFailedWriteStopsAndIsNotLoggedAsSuccess() throws IOException {
    Files.writeString(dir.resolve("add.rc"), "1");

    assertThat(scheme(true).register("C:\\Convene\\Convene.exe")).isEqualTo(Outcome.FAILED);

    assertThat(recordedCalls()).hasSize(2);
    assertThat(logLines()).noneMatch(line -> line.contains("now open"))
        .anyMatch(line -> line.startsWith("cannot register convene:// links: reg add "
            + "HKCU\\Software\\Classes\\convene exited with 1: ERROR: Access is denied."));
  }

  @Test
  void aMissingRegExeIsAFailure() {
    WindowsUrlScheme missing = new WindowsUrlScheme(List.of(dir.resolve("no-such-reg").toString()), true);

    assertThat(missing.register("C:\\Convene\\Convene.exe")).isEqualTo(Outcome.FAILED);
    assertThat(logLines()).anyMatch(line -> line.startsWith("cannot register convene:// links: reg.exe did not run"));
  }

  @Test
  void theStrictJdkModeCannotPassTheValueSoNothingIsWritten() throws IOException {
    String command = WindowsUrlScheme.command("C:\\a b\\Convene.exe");
    assertThatThrownBy(() -> WindowsCommandLine.fromJdk(List.of(REG, "/d", command), false))
        .hasMessageContaining("embedded quote");
    assertThatThrownBy(() -> WindowsCommandLine.fromJdk(List.of(REG, "/d", WindowsUrlScheme.argument(command)), false))
        .hasMessageContaining("embedded quote");

    assertThat(scheme(false).register("C:\\a b\\Convene.exe")).isEqualTo(Outcome.CANNOT_QUOTE);
    assertThat(recordedCalls()).hasSize(1);
    assertThat(logLines()).anyMatch(line -> line.contains("allowAmbiguousCommands=false"));
  }

  @Test
  void theExportedValueIsReadExactly() {
    String header = "Windows Registry Editor Version 5.00\r\n\r\n[HKEY_CURRENT_USER\\x]\r\n";
    assertThat(WindowsUrlScheme.defaultValue(header
        + "@=\"\\\"C:\\\\Users\\\\Анна\\\\c.exe\\\" \\\"%1\\\"\"\r\n"))
        .isEqualTo("\"C:\\Users\\Анна\\c.exe\" \"%1\"");
    assertThat(WindowsUrlScheme.defaultValue(header + "\"URL Protocol\"=\"\"\r\n")).as("no default value").isNull();
  }
}
