package app.convene.packaging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Which native libraries of a JavaFX platform jar go into its jmod (and so into the runtime).
 *
 * <p>JavaFX's Windows jar carries the Microsoft C/C++ runtime it was built with
 * ({@code vcruntime140.dll}, {@code msvcp140*.dll}, {@code ucrtbase.dll}, the
 * {@code api-ms-win-*.dll} set), which {@code java.base} ships in {@code bin/} too; jlink refuses
 * two modules with the same file ("Duplicate resources"). OpenJFX's own jmods leave them out, and
 * so does this filter: a library is kept only if it is not part of that runtime and no library of
 * the same name is in the JDK that links the image ({@code lib/} on Linux and macOS, {@code bin/}
 * on Windows), so JavaFX loads the JDK's copy, as with OpenJFX's jmods.
 */
final class JavaFxNatives {
  /** The Microsoft Visual C++ and Universal C runtime, in any case (Windows names are not). */
  static final Pattern MSVC_RUNTIME = Pattern.compile(
      "(vcruntime|msvcp|concrt|vccorlib|ucrtbase|api-ms-win-).*\\.dll",
      Pattern.CASE_INSENSITIVE);

  private final Set<String> jdkLibraries;

  /** @param jdkLibraries file names of the native libraries of the JDK that runs jlink */
  JavaFxNatives(Set<String> jdkLibraries) {
    Objects.requireNonNull(jdkLibraries, "jdkLibraries == null");
    this.jdkLibraries = jdkLibraries.stream().map(JavaFxNatives::key)
        .collect(Collectors.toUnmodifiableSet());
  }

  /** The filter for the JDK at {@code javaHome}: its libraries in {@code lib/} and {@code bin/}. */
  static JavaFxNatives of(Path javaHome) {
    try (Stream<Path> lib = list(javaHome.resolve("lib"));
        Stream<Path> bin = list(javaHome.resolve("bin"))) {
      return new JavaFxNatives(Stream.concat(lib, bin).map(p -> p.getFileName().toString())
          .filter(JavaFxNatives::isNative).collect(Collectors.toSet()));
    }
  }

  /** The filter for the JDK that runs this program. */
  static JavaFxNatives ofRunningJdk() {
    return of(Path.of(System.getProperty("java.home")));
  }

  static boolean isNative(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.endsWith(".so") || lower.endsWith(".dll") || lower.endsWith(".dylib");
  }

  /** Whether a jar's top-level entry {@code name} goes into the jmod as a native library. */
  boolean keep(String name) {
    return isNative(name) && !MSVC_RUNTIME.matcher(name).matches()
        && !jdkLibraries.contains(key(name));
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  private static Stream<Path> list(Path dir) {
    if (!Files.isDirectory(dir)) {
      return Stream.empty();
    }
    try {
      return Files.list(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
