package app.convene.packaging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The runtime image's list of security providers ({@code conf/security/java.security}), cut to
 * the providers whose modules are in the image.
 *
 * <p>jlink copies the JDK's list as it is, with providers whose modules the image leaves out
 * (XMLDSig, SunPCSC, JdkSASL, SunPKCS11). The first time anything asks for the whole list (OkHttp
 * does, at its first request), the JDK looks for each missing one among the providers on the class
 * path: it makes every one it finds, Bouncy Castle's two (the embedded server's jars) among them,
 * to compare their names, and throws them away. That made some 2,900 provider services and loaded
 * Bouncy Castle's classes and its jars' manifests in every client, in the Java heap for the whole
 * session (docs/benchmarks.md, "What the heap kept"). A provider the table does not know is
 * kept.
 */
final class SecurityProviders {
  /** The module of each of the JDK's own providers (Linux, Windows and macOS lists). */
  static final Map<String, String> MODULES = Map.ofEntries(
      Map.entry("SUN", "java.base"),
      Map.entry("SunRsaSign", "java.base"),
      Map.entry("SunEC", "java.base"),
      Map.entry("SunJSSE", "java.base"),
      Map.entry("SunJCE", "java.base"),
      Map.entry("Apple", "java.base"),
      Map.entry("SunJGSS", "java.security.jgss"),
      Map.entry("SunSASL", "java.security.sasl"),
      Map.entry("XMLDSig", "java.xml.crypto"),
      Map.entry("SunPCSC", "java.smartcardio"),
      Map.entry("JdkLDAP", "java.naming"),
      Map.entry("JdkSASL", "jdk.security.jgss"),
      Map.entry("SunPKCS11", "jdk.crypto.cryptoki"),
      Map.entry("SunMSCAPI", "jdk.crypto.mscapi"));

  private static final Pattern ENTRY =
      Pattern.compile("(?m)^security\\.provider\\.(\\d+)=[ \\t]*(\\S+)[ \\t]*$");

  private SecurityProviders() {}

  /**
   * {@code javaSecurity} with the {@code security.provider.N} entries whose module is not in
   * {@code modules} taken out and the rest numbered again from 1, in their order.
   */
  static String keepPresent(String javaSecurity, Set<String> modules) {
    Matcher entry = ENTRY.matcher(javaSecurity);
    StringBuilder out = new StringBuilder();
    int next = 1;
    int copied = 0;
    while (entry.find()) {
      String module = MODULES.get(entry.group(2));
      out.append(javaSecurity, copied, entry.start());
      copied = entry.end();
      if (module == null || modules.contains(module)) {
        out.append("security.provider.").append(next++).append('=').append(entry.group(2));
      } else if (copied < javaSecurity.length() && javaSecurity.charAt(copied) == '\n') {
        copied++; // the line goes with its end
      }
    }
    return out.append(javaSecurity, copied, javaSecurity.length()).toString();
  }

  /** Rewrites {@code runtime}'s list for the modules its {@code release} file names. */
  static void rewrite(Path runtime) throws IOException {
    Set<String> modules = modules(Files.readString(runtime.resolve("release")));
    Path file = runtime.resolve("conf").resolve("security").resolve("java.security");
    String before = Files.readString(file);
    String after = keepPresent(before, modules);
    Files.writeString(file, after);
    System.out.println("[runtime] security providers: " + names(after));
  }

  /** The modules of a runtime's {@code release} file ({@code MODULES="java.base ..."}). */
  static Set<String> modules(String release) {
    Matcher line = Pattern.compile("(?m)^MODULES=\"([^\"]*)\"").matcher(release);
    if (!line.find()) {
      throw new IllegalStateException("the runtime's release file names no modules");
    }
    return Set.of(line.group(1).trim().split("\\s+"));
  }

  /** The providers a list names, in order, e.g. "SUN SunRsaSign ...". */
  static String names(String javaSecurity) {
    Matcher entry = ENTRY.matcher(javaSecurity);
    StringBuilder names = new StringBuilder();
    while (entry.find()) {
      names.append(names.isEmpty() ? "" : " ").append(entry.group(2));
    }
    return names.toString();
  }
}
