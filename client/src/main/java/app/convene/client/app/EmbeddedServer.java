package app.convene.client.app;

import app.convene.server.ServerConfig;
import app.convene.server.SignalingServer;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The zero-setup default: a signaling server inside the app on 127.0.0.1:8787. When another
 * instance on this machine already runs one there, this instance uses it instead, so two app
 * windows on one machine meet in the same rooms.
 */
final class EmbeddedServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(EmbeddedServer.class);
  static final int DEFAULT_PORT = 8787;

  private final SignalingServer server;
  private final URI baseUri;

  private EmbeddedServer(SignalingServer server, URI baseUri) {
    this.server = server;
    this.baseUri = baseUri;
  }

  /**
   * Uses the Convene server already answering on {@code port} (another instance of the app on
   * this machine: the embedded database can be open in one process only), or starts one there.
   *
   * @param dataDir the server's folder (database, token secret): {@code server} in the app's data
   *     folder, so that {@code --data-dir} keeps the server's data there too
   */
  static EmbeddedServer startOrReuse(int port, Path dataDir) throws Exception {
    URI base = uri(port);
    // A plain connect first: nothing listening (the usual case) is known at once, without
    // starting an HTTP client, which would delay the server by some 0.4 s.
    if (listening(port) && healthy(base.resolve("/health"))) {
      log.info("using the server already running on {}", base);
      return new EmbeddedServer(null, base);
    }
    try {
      SignalingServer server = SignalingServer.start(
          ServerConfig.defaults().withNetwork(n -> n.withPort(port))
              .withStorage(s -> s.withDataDir(dataDir)));
      log.info("embedded server on {}", base);
      return new EmbeddedServer(server, base);
    } catch (IOException e) {
      if (e instanceof BindException || e.getCause() instanceof BindException) {
        throw new IOException("port " + port + " is taken by something that is not a Convene "
            + "server; start with --server=URL", e);
      }
      throw e;
    }
  }

  /** The HTTP address of the embedded server on {@code port}. */
  static URI uri(int port) {
    return URI.create("http://127.0.0.1:" + port);
  }

  /** The server's HTTP address, e.g. {@code http://127.0.0.1:8787}. */
  URI baseUri() {
    return baseUri;
  }

  static boolean listening(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2_000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  static boolean healthy(URI health) {
    try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
      HttpResponse<String> response =
          http.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).build(),
              HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 && response.body().contains("\"status\"");
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Override
  public void close() {
    if (server != null) {
      server.close();
    }
  }
}
