package app.convene.client.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A Secret Service of a test's own: a D-Bus session bus and GNOME Keyring on it, with the
 * keyrings in a temporary folder, so the developer's keyring is never touched. The processes of
 * {@code secret-tool} get {@link #environment()}.
 */
public final class TestKeyring implements AutoCloseable {
  /** The programs it needs, with their Debian packages. */
  public static final List<String> TOOLS = List.of("dbus-daemon", "gnome-keyring-daemon",
      "secret-tool");

  private final Process bus;
  private final Process keyring;
  private final Map<String, String> environment;

  private TestKeyring(Process bus, Process keyring, Map<String, String> environment) {
    this.bus = bus;
    this.keyring = keyring;
    this.environment = Map.copyOf(environment);
  }

  /** What is missing to start one (Debian: dbus-daemon, gnome-keyring, libsecret-tools). */
  public static Optional<String> missingTool() {
    return TOOLS.stream().filter(tool -> !onPath(tool)).findFirst();
  }

  /** Starts the bus and an unlocked keyring with a "login" collection; waits until it answers. */
  public static TestKeyring start(Path home) throws IOException, InterruptedException {
    Path runtime = Files.createDirectories(home.resolve("run"));
    Files.setPosixFilePermissions(runtime, PosixFilePermissions.fromString("rwx------"));
    Map<String, String> environment = new HashMap<>();
    environment.put("PATH", System.getenv("PATH"));
    environment.put("HOME", home.toString());
    environment.put("XDG_DATA_HOME", home.resolve("data").toString());
    environment.put("XDG_RUNTIME_DIR", runtime.toString());
    Process bus = start(environment, "dbus-daemon", "--session", "--nofork",
        "--print-address=1");
    String address = new BufferedReader(new InputStreamReader(bus.getInputStream(),
        StandardCharsets.UTF_8)).readLine();
    if (address == null || !address.startsWith("unix:")) {
      bus.destroy();
      throw new IOException("dbus-daemon gave no session address: " + address);
    }
    environment.put("DBUS_SESSION_BUS_ADDRESS", address);
    Process keyring = start(environment, "gnome-keyring-daemon", "--foreground", "--unlock",
        "--components=secrets");
    TestKeyring started = new TestKeyring(bus, keyring, environment);
    try (OutputStream stdin = keyring.getOutputStream()) {
      stdin.write("login keyring password".getBytes(StandardCharsets.UTF_8)); // makes "login"
    }
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!started.answers()) {
      if (System.nanoTime() > until) {
        started.close();
        throw new IOException("GNOME Keyring did not come up within 20 s");
      }
      Thread.sleep(100);
    }
    return started;
  }

  /** The environment in which secret-tool finds this keyring. */
  public Map<String, String> environment() {
    return environment;
  }

  /** Runs {@code secret-tool} with these arguments and input; its standard output, stripped. */
  public String secretTool(String input, String... arguments)
      throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>(List.of("secret-tool"));
    command.addAll(List.of(arguments));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().clear();
    builder.environment().putAll(environment);
    Process process = builder.redirectError(ProcessBuilder.Redirect.INHERIT).start();
    try (OutputStream stdin = process.getOutputStream()) {
      stdin.write(input.getBytes(StandardCharsets.UTF_8));
    }
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    process.waitFor(30, TimeUnit.SECONDS);
    return out.strip();
  }

  @Override
  public void close() {
    keyring.destroy();
    bus.destroy();
  }

  /**
   * Whether the keyring stores a secret: its "login" collection exists (a lookup alone answers
   * before the daemon has made it, and the first store then fails, seen on a loaded machine).
   */
  private boolean answers() throws IOException, InterruptedException {
    if (run("probe", "store", "--label=probe", "probe", "ready") != 0) {
      return false;
    }
    run("", "clear", "probe", "ready");
    return true;
  }

  /** Runs secret-tool; its exit value, or -1 when it wrote an error. */
  private int run(String input, String... arguments) throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>(List.of("secret-tool"));
    command.addAll(List.of(arguments));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().clear();
    builder.environment().putAll(environment);
    Process process = builder.start();
    try (OutputStream stdin = process.getOutputStream()) {
      stdin.write(input.getBytes(StandardCharsets.UTF_8));
    }
    process.getInputStream().readAllBytes();
    byte[] err = process.getErrorStream().readAllBytes();
    process.waitFor(30, TimeUnit.SECONDS);
    return err.length == 0 ? process.exitValue() : -1;
  }

  private static Process start(Map<String, String> environment, String... command)
      throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().clear();
    builder.environment().putAll(environment);
    return builder.redirectError(ProcessBuilder.Redirect.DISCARD).start();
  }

  private static boolean onPath(String tool) {
    for (String entry : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (!entry.isEmpty() && Files.isExecutable(Path.of(entry, tool))) {
        return true;
      }
    }
    return false;
  }
}
