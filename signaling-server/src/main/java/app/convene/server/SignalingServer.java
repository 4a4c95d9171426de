package app.convene.server;

import app.convene.protocol.api.ApiError;
import app.convene.server.auth.SignedIn;
import app.convene.server.http.ApiHandler;
import app.convene.server.jobs.JobSettings;
import app.convene.server.http.ClientAddresses;
import app.convene.server.http.Json;
import app.convene.server.rooms.LiveCalls;
import app.convene.server.signaling.ConnectedUsers;
import app.convene.server.signaling.SignalingEndpoint;
import app.convene.server.signaling.SignalingService;
import app.convene.server.signaling.SignalingSettings;
import app.convene.server.throttle.ThrottledGate;
import app.convene.server.web.CorsHandler;
import app.convene.server.web.TlsConnectors;
import java.net.URI;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.http.pathmap.PathSpec;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.server.handler.PathMappingsHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.server.ServerWebSocketContainer;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Convene server: embedded Jetty with the WebSocket signaling endpoint at {@code /signal}, the
 * REST API under {@code /api/} (docs/api.md) and a health check at {@code /health}, over the
 * database and the background jobs. Start one with {@link #start}; {@link #close()} shuts it down
 * gracefully. Thread-safe.
 */
public final class SignalingServer implements AutoCloseable {
  /**
   * Jetty's own limit on a message and a frame, as a multiple of {@link
   * SignalingSettings#maxMessageBytes()}. A message between the two limits gets a typed {@code
   * MESSAGE_TOO_LARGE} error and the socket stays open; beyond this one, Jetty closes the socket
   * with status 1009 without reading the message into memory.
   */
  public static final int HARD_LIMIT_FACTOR = 16;

  /** A guard on Jetty's outgoing frame queue; our own queue keeps at most one text in flight. */
  private static final int MAX_OUTGOING_FRAMES = 64;

  private static final Logger log = LoggerFactory.getLogger(SignalingServer.class);

  private final ServerConfig config;
  private final Backend backend;
  private final Server server;
  private final TlsConnectors connectors;
  private final SignalingService signaling;
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile int port;

  private SignalingServer(ServerConfig config, Clock clock, Backend backend,
      ConnectedUsers connected) {
    this.config = config;
    this.backend = backend;
    QueuedThreadPool threads = new QueuedThreadPool();
    threads.setName("convene-signaling");
    server = new Server(threads);
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    connectors = new TlsConnectors(server, http, config.network().host(),
        config.network().port(), config.network().acceptQueueSize(), config.web());
    signaling = new SignalingService(config.signaling(), config.ice(), threads, clock,
        ThrottledGate.wrap(backend.rooms()::admit, backend.throttle()),
        backend.jobs(), connected, backend.notices(), backend.resumeTokens());

    PathMappingsHandler routes = new PathMappingsHandler();
    routes.addMapping(PathSpec.from("/health"), new HealthHandler(this::status));
    routes.addMapping(PathSpec.from("/api/*"), new CorsHandler(config.web(),
        new ApiHandler(backend.router(), backend.auth(),
            new ClientAddresses(config.throttle().trustedProxies()))));
    ContextHandler context = new ContextHandler("/");
    WebSocketUpgradeHandler upgrades =
        WebSocketUpgradeHandler.from(server, context, this::configureWebSockets);
    upgrades.setHandler(routes);
    context.setHandler(upgrades);
    server.setHandler(connectors.wrap(context));
  }

  /** Starts a server on the system clock; with port 0 it listens on a free port. */
  public static SignalingServer start(ServerConfig config) throws Exception {
    return start(config, Clock.systemUTC());
  }

  /**
   * Starts a server: creates the data folder, opens and migrates the database, then listens (on a
   * free port with port 0). Tokens, meeting status changes and the idle-room job take the time
   * from {@code clock}.
   */
  public static SignalingServer start(ServerConfig config, Clock clock) throws Exception {
    Objects.requireNonNull(config, "config == null");
    Objects.requireNonNull(clock, "clock == null");
    // The idle-room job asks the signaling service, which is built after the backend.
    AtomicReference<SignalingService> rooms = new AtomicReference<>();
    ConnectedUsers connected = new ConnectedUsers(config.throttle().maxSocketsPerAccount());
    Backend backend = Backend.open(config, clock,
        roomId -> rooms.get() != null && rooms.get().isOccupied(roomId), connected,
        LiveCalls.later(rooms::get));
    SignalingServer started;
    try {
      started = new SignalingServer(config, clock, backend, connected);
      rooms.set(started.signaling);
    } catch (RuntimeException e) {
      backend.close();
      throw e;
    }
    try {
      started.server.start();
      started.connectors.started();
      started.port = started.connectors.port();
    } catch (Exception e) {
      started.signaling.close();
      try {
        started.server.stop();
      } catch (Exception stopFailure) {
        e.addSuppressed(stopFailure);
      }
      backend.close();
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

  /** Where clients connect: {@code ws://host:port/signal}, {@code wss://} with TLS. */
  public URI signalingUri() {
    String scheme = config.web().tls() ? "wss" : "ws";
    return URI.create(scheme + "://" + uriHost() + ":" + port() + "/signal");
  }

  /** The health check: {@code http://host:port/health}, {@code https://} with TLS. */
  public URI healthUri() {
    return URI.create(connectors.httpScheme() + "://" + uriHost() + ":" + port() + "/health");
  }

  /**
   * The REST API's base: {@code http://host:port/api/} ({@code https://} with TLS); resolve paths
   * such as {@code events}.
   */
  public URI apiUri() {
    return URI.create(connectors.httpScheme() + "://" + uriHost() + ":" + port() + "/api/");
  }

  /** The plain-HTTP port that redirects to HTTPS, or 0 when there is none. */
  public int redirectPort() {
    return connectors.redirectPort();
  }

  /**
   * Runs the idle-room job now, after the status updates already queued, and waits for it. The
   * server also runs it every {@link JobSettings#roomIdleCheckInterval()}; this is for tests and
   * operators.
   *
   * @return how many rooms it deactivated
   */
  public int runIdleRoomJob() {
    return backend.jobs().runIdleRoomJob();
  }

  /**
   * Waits until the room and meeting updates queued so far (by joins and leaves) are written and
   * the notices they cause are queued on the sockets. For tests.
   */
  public void awaitJobs() {
    backend.jobs().awaitQueued();
    backend.notices().awaitQueued();
  }

  /**
   * Runs the "starts in N minutes" check now, by the server's clock, and waits for it. The server
   * also runs it every minute; this is for tests and operators.
   *
   * @return how many users were told something
   */
  public int runReminderJob() {
    return backend.notices().runStartingSoon();
  }

  /**
   * Shuts down gracefully: stops taking connections (the health check turns 503), sends every
   * connected client an error {@code SERVER_SHUTTING_DOWN} and closes its socket with status 1001,
   * waits at most {@link SignalingSettings#shutdownGrace()} for them to close, then stops Jetty.
   * Blocks; does nothing when called again.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    log.atInfo().addKeyValue("connections", signaling.connectionCount()).log("shutting down");
    boolean clean = signaling.shutdown(config.signaling().shutdownGrace());
    try {
      server.stop();
    } catch (Exception e) {
      log.atWarn().setCause(e).log("Jetty did not stop cleanly");
    } finally {
      signaling.close();
      backend.close();
    }
    log.atInfo().addKeyValue("clean", clean).log("signaling server stopped");
  }

  /** Blocks until the server has stopped. */
  void join() throws InterruptedException {
    server.join();
  }

  private void configureWebSockets(ServerWebSocketContainer container) {
    long hardLimit = (long) HARD_LIMIT_FACTOR * config.signaling().maxMessageBytes();
    container.setIdleTimeout(config.signaling().idleTimeout());
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
          String origin = request.getHeaders().get(HttpHeader.ORIGIN);
          if (!config.web().allows(origin)) {
            // A browser page of a foreign origin (cross-site WebSocket hijacking): no upgrade.
            response.setStatus(HttpStatus.FORBIDDEN_403);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
            Content.Sink.write(response, true, Json.write(CorsHandler.refusal(origin)), callback);
            return null;
          }
          Optional<SignedIn> caller =
              accessToken(request).flatMap(backend.auth()::resolveSignedIn);
          if (caller.isEmpty()) {
            response.setStatus(HttpStatus.UNAUTHORIZED_401);
            response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer realm=\"convene\"");
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
            Content.Sink.write(response, true, Json.write(new ApiError(401, "unauthorized",
                "sign in: send a valid access token as 'Authorization: Bearer <token>' or as"
                    + " the query parameter access_token")), callback);
            return null;
          }
          return new SignalingEndpoint(signaling, caller.get().caller(), caller.get().session());
        });
  }

  /** The upgrade's access token: the Bearer header, else the {@code access_token} parameter. */
  private static Optional<String> accessToken(Request request) {
    return ApiHandler.bearerToken(request.getHeaders().get(HttpHeader.AUTHORIZATION))
        .or(() -> Optional.ofNullable(
                Request.extractQueryParameters(request).getValue("access_token"))
            .filter(t -> !t.isBlank()));
  }

  private HealthHandler.Status status() {
    return new HealthHandler.Status(
        !signaling.accepting(), signaling.roomCount(), signaling.peerCount());
  }

  private String uriHost() {
    String host = config.network().host();
    if (host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]")) {
      return "127.0.0.1";
    }
    return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
  }
}
