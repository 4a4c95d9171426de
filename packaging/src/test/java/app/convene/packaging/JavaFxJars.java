package app.convene.packaging;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** The real JavaFX platform jars from Maven Central on the test class path (packaging/pom.xml). */
final class JavaFxJars {
  private JavaFxJars() {
  }

  /** {@code javafx-MODULE-VERSION-CLASSIFIER.jar} from the test class path. */
  static Path jar(String module, String classifier) {
    String prefix = "javafx-" + module + "-";
    String suffix = "-" + classifier + ".jar";
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      String name = Path.of(entry).getFileName().toString();
      if (name.startsWith(prefix) && name.endsWith(suffix)
          && !name.substring(prefix.length(), name.length() - suffix.length()).contains("-")) {
        return Path.of(entry);
      }
    }
    throw new IllegalStateException(prefix + "*" + suffix + " is not on the test class path");
  }

  /** The top-level native libraries of a jar, as BuildRuntime sees them. */
  static List<String> natives(Path jar) throws IOException {
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      return zip.stream().map(ZipEntry::getName)
          .filter(n -> !n.contains("/") && JavaFxNatives.isNative(n)).sorted().toList();
    }
  }
}
