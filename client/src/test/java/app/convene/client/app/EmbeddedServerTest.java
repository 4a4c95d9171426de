package app.convene.client.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded server keeps its data where the app's {@code --data-dir} says. */
class EmbeddedServerTest {
  @TempDir Path dataDir;

  @Test
  void theServersDatabaseAndSecretGoInTheAppsDataFolder() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    Path serverDir = dataDir.resolve("server");

    try (EmbeddedServer server = EmbeddedServer.startOrReuse(port, serverDir)) {
      assertThat(EmbeddedServer.healthy(server.baseUri().resolve("/health"))).isTrue();
    }

    try (Stream<Path> files = Files.list(serverDir)) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .anyMatch(name -> name.endsWith(".mv.db"));
    }
  }
}
