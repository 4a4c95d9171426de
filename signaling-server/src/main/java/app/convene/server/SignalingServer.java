package app.convene.server;

import app.convene.server.signaling.SignalingEndpoint;
import app.convene.server.signaling.SignalingService;
import java.net.URI;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.pathmap.PathSpec;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.server.handler.PathMappingsHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.server.ServerWebSocketContainer;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The signaling server: embedded Jetty with the WebSocket endpoint at {@code /signal} and a health
 * check at {@code /health}. Start one with {@link #start}; {@link #close()} shuts it down
 * gracefully. Thread-safe.
 */
public final class SignalingServer implements AutoCloseable {
  /**
   * Jetty's own limit on a message and a frame, as a multiple of {@link
   * ServerConfig#maxMessageBytes()}. A message between the two limits gets a typed {@code
   * MESSAGE_TOO_LARGE} error and the socket stays open; beyond this one, Jetty closes the socket
   * with status 1009 without reading the message into memory.
   */
  public static final int HARD_LIMIT_FACTOR = 16;

  /** A guard on Jetty's outgoing frame queue; our own queue keeps at most one text in flight. */
  private static final int MAX_OUTGOING_FRAMES = 64;

  private static final Logger log = LoggerFactory.getLogger(SignalingServer.class);

  private final ServerConfig config;
  private final Server server;
  private final ServerConnector connector;
  private final SignalingService signaling;
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile int port;

  private SignalingServer(ServerConfig config) {
    this.config = config;
    QueuedThreadPool threads = new QueuedThreadPool();
    threads.setName("convene-signaling");
    server = new Server(threads);
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    connector = new ServerConnector(server, new HttpConnectionFactory(http));
    connector.setHost(config.host());
    connector.setPort(config.port());
    server.addConnector(connector);
    signaling = new SignalingService(config, threads);

    PathMappingsHandler routes = new PathMappingsHandler();
    routes.addMapping(PathSpec.from("/health"), new HealthHandler(this::status));
    ContextHandler context = new ContextHandler("/");
    WebSocketUpgradeHandler upgrades =
        WebSocketUpgradeHandler.from(server, context, this::configureWebSockets);
    upgrades.setHandler(routes);
    context.setHandler(upgrades);
    server.setHandler(context);
  }

  /** Starts a server; with port 0 it listens on a free port. */
  public static SignalingServer start(ServerConfig config) throws Exception {
    Objects.requireNonNull(config, "config == null");
    SignalingServer started = new SignalingServer(config);
    try {
      started.server.start();
      started.port = started.connector.getLocalPort();
    } catch (Exception e) {
      started.signaling.close();
      try {
        started.server.stop();
      } catch (Exception stopFailure) {
        e.addSuppressed(stopFailure);
      }
      throw e;
    }
    log.atInfo()
        .addKeyValue("url", started.signalingUri())
        .addKeyValue("config", config)
        .log("signaling server started");
    return started;
  }

  /** The port the server listens (or listened) on. */
  public int port() {
    return port;
  }

  /** Where clients connect: {@code ws://host:port/signal}. */
  public URI signalingUri() {
    return URI.create("ws://" + uriHost() + ":" + port() + "/signal");
  }

  /** The health check: {@code http://host:port/health}. */
  public URI healthUri() {
    return URI.create("http://" + uriHost() + ":" + port() + "/health");
  }

  /**
   * Shuts down gracefully: stops taking connections (the health check turns 503), sends every
   * connected client an error {@code SERVER_SHUTTING_DOWN} and closes its socket with status 1001,
   * waits at most {@link ServerConfig#shutdownGrace()} for them to close, then stops Jetty. Blocks;
   * does nothing when called again.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    log.atInfo().addKeyValue("connections", signaling.connectionCount()).log("shutting down");
    boolean clean = signaling.shutdown(config.shutdownGrace());
    try {
      server.stop();
    } catch (Exception e) {
      log.atWarn().setCause(e).log("Jetty did not stop cleanly");
    } finally {
      signaling.close();
    }
    log.atInfo().addKeyValue("clean", clean).log("signaling server stopped");
  }

  /** Blocks until the server has stopped. */
  void join() throws InterruptedException {
    server.join();
  }

  private void configureWebSockets(ServerWebSocketContainer container) {
    long hardLimit = (long) HARD_LIMIT_FACTOR * config.maxMessageBytes();
    container.setIdleTimeout(config.idleTimeout());
    container.setMaxTextMessageSize(hardLimit);
    container.setMaxBinaryMessageSize(hardLimit);
    container.setMaxFrameSize(hardLimit);
    container.setMaxOutgoingFrames(MAX_OUTGOING_FRAMES);
    container.addMapping(
        "/signal",
        (request, response, callback) -> {
          if (!signaling.accepting()) {
            Response.writeError(
                request, response, callback, HttpStatus.SERVICE_UNAVAILABLE_503,
                "the server is shutting down");
            return null;
          }
          return new SignalingEndpoint(signaling);
        });
  }

  private HealthHandler.Status status() {
    return new HealthHandler.Status(
        !signaling.accepting(), signaling.roomCount(), signaling.peerCount());
  }

  private String uriHost() {
    String host = config.host();
    if (host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]")) {
      return "127.0.0.1";
    }
    return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
  }
}
