package app.convene.packaging;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Signs the macOS app for notarization: every Mach-O file with the hardened runtime and a secure
 * time stamp, inside out (libraries, then executables with the entitlements, then the runtime
 * bundle, then the app bundle), as Apple asks instead of {@code codesign --deep}. Runs on macOS
 * only, with the identity from {@link Signing}.
 */
final class MacSigner {
  private MacSigner() {
  }

  /**
   * Signs the dylibs inside the jars of {@code libDir} (webrtc-java's native library, which it
   * copies to the temporary folder and loads from there) and puts them back into their jars:
   * notarization looks inside jars and refuses unsigned Mach-O code there too.
   */
  static void signJarDylibs(Signing signing, Path libDir, Path work) throws Exception {
    BuildInstallers.deleteTree(work);
    Files.createDirectories(work);
    try (Stream<Path> jars = Files.list(libDir)) {
      for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
        try (FileSystem zip = FileSystems.newFileSystem(URI.create("jar:" + jar.toUri()),
            Map.of())) {
          List<Path> dylibs;
          try (Stream<Path> entries = Files.walk(zip.getPath("/"))) {
            dylibs = entries.filter(p -> p.toString().endsWith(".dylib")).toList();
          }
          for (Path entry : dylibs) {
            Path copy = work.resolve(jar.getFileName() + "-" + entry.getFileName());
            Files.copy(entry, copy, StandardCopyOption.REPLACE_EXISTING);
            BuildInstallers.exec(signing.codesign(copy.toString(), null));
            Files.copy(copy, entry, StandardCopyOption.REPLACE_EXISTING);
            System.out.println("[sign] " + jar.getFileName() + "!" + entry + ": signed");
          }
        }
      }
    }
  }

  /** Signs {@code app} (the .app bundle) and everything in it. */
  static void signApp(Signing signing, Path app, Path entitlements) throws Exception {
    List<Path> libraries = new ArrayList<>();
    List<Path> executables = new ArrayList<>();
    try (Stream<Path> files = Files.walk(app)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        if (isMachO(file)) {
          (Files.isExecutable(file) && !file.toString().endsWith(".dylib")
              ? executables : libraries).add(file);
        }
      }
    }
    // Deepest first, so that an enclosing item is signed after what it contains.
    Comparator<Path> deepestFirst = Comparator.comparingInt(Path::getNameCount).reversed();
    for (Path library : libraries.stream().sorted(deepestFirst).toList()) {
      BuildInstallers.exec(signing.codesign(library.toString(), null));
    }
    for (Path executable : executables.stream().sorted(deepestFirst).toList()) {
      BuildInstallers.exec(signing.codesign(executable.toString(), entitlements.toString()));
    }
    Path runtime = app.resolve("Contents/runtime");
    if (Files.isDirectory(runtime)) {
      BuildInstallers.exec(signing.codesign(runtime.toString(), null));
    }
    BuildInstallers.exec(signing.codesign(app.toString(), entitlements.toString()));
    BuildInstallers.exec(List.of("codesign", "--verify", "--strict", "--verbose=2",
        app.toString()));
  }

  /** Whether {@code file} starts with a Mach-O magic number (thin 32/64 bit, or universal). */
  static boolean isMachO(Path file) throws IOException {
    byte[] head = new byte[4];
    try (InputStream in = Files.newInputStream(file)) {
      if (in.readNBytes(head, 0, 4) < 4) {
        return false;
      }
    }
    int magic = ((head[0] & 0xff) << 24) | ((head[1] & 0xff) << 16) | ((head[2] & 0xff) << 8)
        | (head[3] & 0xff);
    return magic == 0xfeedface || magic == 0xfeedfacf || magic == 0xcefaedfe
        || magic == 0xcffaedfe || (magic == 0xcafebabe && !file.toString().endsWith(".class"));
  }
}
