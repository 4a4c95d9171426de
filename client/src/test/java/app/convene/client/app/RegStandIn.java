package app.convene.client.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * A process that stands in for reg.exe in {@link WindowsUrlSchemeTest}: it appends its argv to
 * {@code calls} in the folder named by {@code -Dstandin.dir} and answers as reg.exe does:
 * {@code export KEY FILE /y} copies {@code export.reg} to FILE (the key exists: exit 0; else exit
 * 1), {@code add} fails with the exit code in {@code add.rc} if that file exists. On Windows its
 * argv is what a C program gets from the JDK's real command line.
 */
public final class RegStandIn {
  private RegStandIn() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(System.getProperty("standin.dir"));
    StringBuilder record = new StringBuilder();
    for (String arg : args) {
      record.append(arg).append('\u001f');
    }
    Files.writeString(dir.resolve("calls"), record.append("\u001e\n"), StandardCharsets.UTF_8,
        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    String verb = args.length > 0 ? args[0] : "";
    if (verb.equals("export") && args.length == 4) {
      Path answer = dir.resolve("export.reg");
      if (Files.exists(answer)) {
        Files.copy(answer, Path.of(args[2]), StandardCopyOption.REPLACE_EXISTING);
        System.out.println("The operation completed successfully.");
        System.exit(0);
      }
      System.out.println("ERROR: The system was unable to find the specified registry key or value.");
      System.exit(1);
    }
    if (verb.equals("add")) {
      Path rc = dir.resolve("add.rc");
      if (Files.exists(rc)) {
        System.out.println("ERROR: Access is denied.");
        System.exit(Integer.parseInt(Files.readString(rc).strip()));
      }
      System.out.println("The operation completed successfully.");
      System.exit(0);
    }
    System.exit(9);
  }
}
