package app.convene.client.bench;

import app.convene.client.storage.KeyVault;
import app.convene.client.storage.SealedFiles;
import app.convene.client.media.OsFamily;
import app.convene.client.testing.TestKeyring;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What keeping the files' key in the keychain costs at start: the first read of the sealed
 * session by a new {@link SealedFiles} (which loads the key), with the key in the Secret Service
 * (GNOME Keyring through secret-tool, {@link TestKeyring}) and with it in {@code file-key},
 * interleaved, after a warm-up. The app does this once per start, on its session-load thread
 * beside JavaFX's start.
 *
 * <p>Usage: {@code FilesKeyBenchmark [rounds]}, e.g. {@code 30}.
 */
public final class FilesKeyBenchmark {
  private FilesKeyBenchmark() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
    Path root = Files.createTempDirectory("convene-files-key-bench");
    try (TestKeyring keyring = TestKeyring.start(root.resolve("home"))) {
      Path inKeychain = Files.createDirectories(root.resolve("keychain"));
      Path withFile = Files.createDirectories(root.resolve("file"));
      byte[] session = "{\"server\":\"https://meet.example.com\"}".getBytes(StandardCharsets.UTF_8);
      keychain(inKeychain, keyring).write(inKeychain.resolve("session.json"), session);
      SealedFiles.withKeyFile(withFile).write(withFile.resolve("session.json"), session);
      List<Long> keychainNanos = new ArrayList<>();
      List<Long> fileNanos = new ArrayList<>();
      for (int round = -5; round < rounds; round++) { // 5 rounds of warm-up
        long keychain = firstRead(keychain(inKeychain, keyring), inKeychain);
        long file = firstRead(SealedFiles.withKeyFile(withFile), withFile);
        if (round >= 0) {
          keychainNanos.add(keychain);
          fileNanos.add(file);
        }
      }
      System.out.println("| key in | first read of session.json, median | p90 |");
      System.out.println("| --- | --- | --- |");
      System.out.println(row("the Secret Service (secret-tool)", keychainNanos));
      System.out.println(row("file-key in the data folder", fileNanos));
      System.out.printf(Locale.ROOT, "ratio of medians: %.1f×, %d rounds%n",
          (double) median(keychainNanos) / median(fileNanos), rounds);
    }
  }

  private static SealedFiles keychain(Path dir, TestKeyring keyring) {
    return SealedFiles.inKeychain(dir, KeyVault.forFolder(OsFamily.LINUX, dir,
        keyring.environment()));
  }

  private static long firstRead(SealedFiles files, Path dir) throws Exception {
    long start = System.nanoTime();
    files.read(dir.resolve("session.json"));
    return System.nanoTime() - start;
  }

  private static String row(String name, List<Long> nanos) {
    long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
    return String.format(Locale.ROOT, "| %s | %.1f ms | %.1f ms |", name, median(nanos) / 1e6,
        sorted[(int) Math.ceil(sorted.length * 0.9) - 1] / 1e6);
  }

  private static long median(List<Long> nanos) {
    long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
    return sorted[sorted.length / 2];
  }
}
