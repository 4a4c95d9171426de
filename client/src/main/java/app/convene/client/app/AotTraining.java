package app.convene.client.app;

import app.convene.client.storage.SealedFiles;
import app.convene.client.account.SessionStore;
import app.convene.client.api.ApiClient;
import app.convene.protocol.api.AuthSession;
import app.convene.protocol.api.EventRequest;
import app.convene.protocol.api.ServiceKind;
import app.convene.server.ServerConfig;
import app.convene.server.SignalingServer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Hidden {@code --aot-training}, for the installer build's training run of the AOT cache: a
 * throwaway server (on a free loopback port) and a signed-in account with one meeting today, in a
 * temporary folder, so that the run starts the app as a signed-in user does and exits once the
 * calendar shows ({@link StartupProbe}). Everything is deleted on {@link #close()}.
 */
final class AotTraining implements AutoCloseable {
  private final Path root;
  private final SignalingServer server;

  private AotTraining(Path root, SignalingServer server) {
    this.root = root;
    this.server = server;
  }

  static AotTraining start() throws Exception {
    Path root = Files.createTempDirectory("convene-aot-training");
    Clock clock = Clock.systemDefaultZone(); // a run of its own, on the system clock
    SignalingServer server = SignalingServer.start(
        ServerConfig.defaults().withNetwork(n -> n.withPort(0))
            .withStorage(s -> s.withDataDir(root.resolve("server"))), clock);
    AotTraining training = new AotTraining(root, server);
    try {
      URI base = URI.create("http://127.0.0.1:" + server.port());
      EmbeddedServer.healthy(base.resolve("/health")); // as a start that finds a server running
      ApiClient api = new ApiClient(base, null, session -> { }, clock);
      AuthSession session = api.register("training-" + UUID.randomUUID() + "@example.invalid",
          UUID.randomUUID().toString(), "Training");
      ApiClient signedIn = new ApiClient(base, session, s -> { }, clock);
      Instant start = clock.instant().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
      signedIn.schedule(new EventRequest("Training meeting", "", start, start.plus(Duration.ofMinutes(30)),
          clock.getZone().getId(), List.of(), ServiceKind.NATIVE, null));
      // The training folder is thrown away: its key stays in it, not in the keychain.
      new SessionStore(SealedFiles.withKeyFile(training.dataDir())).save(base,
          signedIn.session());
      return training;
    } catch (Exception e) {
      training.close();
      throw e;
    }
  }

  /** The throwaway server's HTTP address. */
  URI server() {
    return URI.create("http://127.0.0.1:" + server.port());
  }

  /** The app's data folder, with the stored session in it. */
  Path dataDir() {
    return root.resolve("client");
  }

  @Override
  public void close() {
    server.close();
    try (Stream<Path> files = Files.walk(root)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // a temporary folder; the system cleans it up
    }
  }
}
