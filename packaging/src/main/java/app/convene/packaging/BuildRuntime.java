package app.convene.packaging;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Builds the client's trimmed Java runtime:
 * {@code java -cp packaging/target/classes app.convene.packaging.BuildRuntime CLIENT_TARGET OUT}
 * (what {@code jlink/pom.xml} runs).
 *
 * <ol>
 *   <li>Computes the JDK modules the app needs with {@code jdeps --print-module-deps} over
 *       {@code convene.jar} and every jar in {@code lib/} (JavaFX on the module path), and adds
 *       the few that jdeps cannot see ({@link #NOT_SEEN_BY_JDEPS}).
 *   <li>Turns the JavaFX platform jars from Maven into jmods whose native libraries are real
 *       native libraries ({@code jmod --libs}), so that jlink puts them in the image's
 *       {@code lib/} (Windows: {@code bin/}) where JavaFX loads them directly, instead of copying
 *       them out of the jar into {@code ~/.openjfx/cache} on every start.
 *   <li>Links {@code OUT/runtime} with those modules, English and Russian locale data, no debug
 *       attributes, headers or man pages, and a default CDS archive.
 *   <li>Cuts the image's list of security providers to those it has ({@link SecurityProviders}).
 * </ol>
 *
 * The module list is written to {@code OUT/runtime-modules.txt}. Runs on Linux, Windows and macOS
 * with the JDK that runs it (JDK 25: no jmods folder needed, jlink links from the JDK itself).
 */
public final class BuildRuntime {
  /**
   * Modules the app uses that no class file names, so jdeps cannot find them:
   * jdk.localedata holds the Russian (and every non-English) locale data: month and day names in
   * the calendar, number and date formats (java.base has English only); jdk.zipfs is the "jar:"
   * and zip file system provider, which Jetty 12's resource factory and ServiceLoader-discovered
   * code open by URI scheme. Not added: jdk.crypto.ec (since JDK 22 an empty module; elliptic
   * curves for TLS live in java.base), jdk.charsets (the app reads and writes UTF-8 only).
   */
  static final List<String> NOT_SEEN_BY_JDEPS = List.of("jdk.localedata", "jdk.zipfs");

  /**
   * The SunMSCAPI provider, through which the client reads Windows' own trusted certificates
   * ({@code Windows-ROOT}, {@code app.convene.client.tls.ServerTrust}); only Windows JDKs have it,
   * and no class file names it. Added when the JDK that builds the runtime has it.
   */
  static final String WINDOWS_TRUST_MODULE = "jdk.crypto.mscapi";

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: BuildRuntime CLIENT_TARGET OUT");
    }
    Path client = Path.of(args[0]).toAbsolutePath();
    Path out = Path.of(args[1]).toAbsolutePath();
    Path appJar = client.resolve("convene.jar");
    if (!Files.isRegularFile(appJar)) {
      throw new IllegalStateException(appJar + " is missing: build the client first"
          + " (mvn -Pinstallers -DskipTests package builds everything in order)");
    }
    List<Path> javafx = new ArrayList<>();
    List<Path> classPath = new ArrayList<>();
    try (Stream<Path> jars = Files.list(client.resolve("lib"))) {
      for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
        if (jar.getFileName().toString().startsWith("javafx-")) {
          if (isModular(jar)) {
            javafx.add(jar); // the platform jar; the one without classifier is empty
          }
        } else {
          classPath.add(jar);
        }
      }
    }
    if (javafx.isEmpty()) {
      throw new IllegalStateException("no JavaFX platform jars in " + client.resolve("lib"));
    }

    Set<String> modules = new LinkedHashSet<>(jdeps(appJar, javafx, classPath));
    modules.addAll(NOT_SEEN_BY_JDEPS);
    if (java.lang.module.ModuleFinder.ofSystem().find(WINDOWS_TRUST_MODULE).isPresent()) {
      modules.add(WINDOWS_TRUST_MODULE);
    }
    System.out.println("[runtime] modules: " + String.join(",", modules));
    Files.createDirectories(out);
    Files.writeString(out.resolve("runtime-modules.txt"), String.join("\n", modules) + "\n");

    Path jmods = out.resolve("javafx-jmods");
    BuildInstallers.deleteTree(jmods);
    Files.createDirectories(jmods);
    JavaFxNatives filter = JavaFxNatives.ofRunningJdk();
    for (Path jar : javafx) {
      String name = jar.getFileName().toString().replace(".jar", "");
      Path natives = out.resolve("javafx-natives").resolve(name);
      toJmod(jar, jmods.resolve(moduleName(jar) + ".jmod"), natives, filter);
    }

    Path runtime = out.resolve("runtime");
    BuildInstallers.deleteTree(runtime);
    run("jlink", "--module-path", jmods.toString(),
        "--add-modules", String.join(",", modules),
        "--include-locales=en,ru",
        "--strip-debug", "--no-header-files", "--no-man-pages",
        "--generate-cds-archive",
        "--output", runtime.toString());
    SecurityProviders.rewrite(runtime);
    System.out.println("[runtime] " + runtime + ": " + size(runtime) / (1024 * 1024) + " MiB");
  }

  /** The JDK and JavaFX modules the app's jars need, as jdeps prints them. */
  private static List<String> jdeps(Path appJar, List<Path> javafx, List<Path> classPath) {
    String separator = java.io.File.pathSeparator;
    List<String> args = new ArrayList<>(List.of("--print-module-deps", "--ignore-missing-deps",
        "--multi-release", String.valueOf(Runtime.version().feature()),
        "--module-path", join(javafx, separator),
        "--class-path", join(classPath, separator),
        appJar.toString()));
    String printed = run("jdeps", args.toArray(String[]::new)).strip();
    String last = printed.lines().reduce((a, b) -> b).orElse("");
    if (!last.matches("[a-z0-9.]+(,[a-z0-9.]+)*")) {
      throw new IllegalStateException("jdeps printed no module list:\n" + printed);
    }
    return List.of(last.split(","));
  }

  /**
   * Makes {@code jmod} from a JavaFX platform jar: its classes and resources, and as native
   * libraries ({@code jmod --libs}) those of its top-level libraries that {@code filter} keeps;
   * the rest, the jar's own copies of the natives and javafx-swt.jar (SWT interop) stay out.
   *
   * @return the names of the libraries left out, as the build log shows them
   */
  static List<String> toJmod(Path jar, Path jmod, Path natives, JavaFxNatives filter)
      throws IOException {
    BuildInstallers.deleteTree(natives);
    Files.createDirectories(natives);
    List<String> dropped = new ArrayList<>();
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      for (ZipEntry entry : zip.stream().toList()) {
        String name = entry.getName();
        if (entry.isDirectory() || name.contains("/") || !JavaFxNatives.isNative(name)) {
          continue;
        }
        if (!filter.keep(name)) {
          dropped.add(name);
          continue;
        }
        try (InputStream in = zip.getInputStream(entry)) {
          Files.copy(in, natives.resolve(name));
        }
      }
    }
    if (!dropped.isEmpty()) {
      System.out.println("[runtime] " + jar.getFileName() + ": left out, the JDK has them: "
          + String.join(" ", dropped.stream().sorted().toList()));
    }
    Files.deleteIfExists(jmod);
    Files.createDirectories(jmod.getParent());
    run("jmod", "create", "--class-path", jar.toString(), "--libs", natives.toString(),
        "--exclude", "glob:*.so,glob:*.dll,glob:*.dylib,glob:*.jar",
        jmod.toString());
    return dropped;
  }

  private static boolean isModular(Path jar) throws IOException {
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      return zip.getEntry("module-info.class") != null;
    }
  }

  static String moduleName(Path jar) {
    return java.lang.module.ModuleFinder.of(jar).findAll().iterator().next().descriptor().name();
  }

  /** Runs a JDK tool in this JVM; its output is echoed and returned; a failure stops the build. */
  static String run(String tool, String... args) {
    ToolProvider provider = ToolProvider.findFirst(tool)
        .orElseThrow(() -> new IllegalStateException(tool + " is not in this JDK"));
    StringWriter text = new StringWriter();
    PrintWriter writer = new PrintWriter(text, true);
    int status = provider.run(writer, writer, args);
    String output = text.toString();
    if (status != 0) {
      throw new IllegalStateException(tool + " failed (" + status + "):\n" + output);
    }
    if (!output.isBlank()) {
      System.out.print(output.lines().map(line -> "[" + tool + "] " + line + "\n")
          .reduce("", String::concat));
    }
    return output;
  }

  private static String join(List<Path> paths, String separator) {
    return String.join(separator, paths.stream().map(Path::toString).toList());
  }

  static long size(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> {
        try {
          return Files.size(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }).sum();
    }
  }
}
