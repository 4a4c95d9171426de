package app.convene.client.notify;

import app.convene.client.tls.ServerTrust;
import app.convene.client.signaling.SignalingClient;
import app.convene.client.signaling.SignalingListener;
import app.convene.protocol.Notice;
import app.convene.protocol.SignalMessage;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a signaling socket open while the user is signed in, only to hear the server's {@link
 * Notice}s ("starts in 5 minutes", "Boris joined your room", invitations and changes), and hands
 * each to a {@link NoticeListener}. It never joins a room.
 *
 * <p>When the socket cannot be opened or ends (server restart, network loss, refused token), the
 * feed opens a new one after a delay that starts at {@code firstDelay} (1 s), doubles up to {@code
 * maxDelay} (30 s), varies by ±20% so that clients do not return all at once, and starts over once
 * a socket opened. Each attempt asks the token source anew, so a source that refreshes expired
 * tokens (e.g. {@code apiClient::accessToken}) lets the feed outlive them.
 *
 * <p>Threads: connecting, including the call to the token source (which may block on a refresh),
 * runs on the feed's own daemon thread; listener calls run on the {@code delivery} executor given
 * to the constructor (the FX thread's {@code Platform::runLater} in the app, {@code Runnable::run}
 * in tests), in the order the server sent them. Thread-safe.
 */
public final class NoticeFeed implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(NoticeFeed.class);

  private final URI server;
  private final ServerTrust trust;
  private final Callable<String> accessToken;
  private final NoticeListener listener;
  private final Executor delivery;
  private final Duration firstDelay;
  private final Duration maxDelay;
  private final ScheduledThreadPoolExecutor thread;
  private volatile boolean closed;
  private Connection current; // feed thread only
  private Duration delay; // feed thread only

  /**
   * Waits 1 s before the first reconnection, at most 30 s between later ones.
   *
   * @param server the signaling address, {@code ws://host:port/signal}
   * @param accessToken called before every connection attempt, on the feed's thread
   */
  public NoticeFeed(URI server, Callable<String> accessToken, NoticeListener listener,
      Executor delivery) {
    this(server, accessToken, listener, delivery, Duration.ofSeconds(1), Duration.ofSeconds(30));
  }

  /** Like the other constructor, trusting these certificate authorities for {@code wss://}. */
  public NoticeFeed(URI server, Callable<String> accessToken, NoticeListener listener,
      Executor delivery, ServerTrust trust) {
    this(server, accessToken, listener, delivery, Duration.ofSeconds(1), Duration.ofSeconds(30),
        trust);
  }

  /** Like the other constructor, with these reconnection delays. */
  public NoticeFeed(URI server, Callable<String> accessToken, NoticeListener listener,
      Executor delivery, Duration firstDelay, Duration maxDelay) {
    this(server, accessToken, listener, delivery, firstDelay, maxDelay, ServerTrust.system());
  }

  private NoticeFeed(URI server, Callable<String> accessToken, NoticeListener listener,
      Executor delivery, Duration firstDelay, Duration maxDelay, ServerTrust trust) {
    this.trust = Objects.requireNonNull(trust, "trust == null");
    this.server = Objects.requireNonNull(server, "server == null");
    this.accessToken = Objects.requireNonNull(accessToken, "accessToken == null");
    this.listener = Objects.requireNonNull(listener, "listener == null");
    this.delivery = Objects.requireNonNull(delivery, "delivery == null");
    this.firstDelay = Objects.requireNonNull(firstDelay, "firstDelay == null");
    this.maxDelay = Objects.requireNonNull(maxDelay, "maxDelay == null");
    if (firstDelay.isNegative() || firstDelay.isZero() || maxDelay.compareTo(firstDelay) < 0) {
      throw new IllegalArgumentException("need 0 < firstDelay <= maxDelay");
    }
    this.delay = firstDelay;
    thread = new ScheduledThreadPoolExecutor(1,
        Thread.ofPlatform().name("convene-notice-feed").daemon().factory());
    thread.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
  }

  /** Opens the socket in the background; call once. Returns at once. */
  public void start() {
    run(this::connect);
  }

  /**
   * Closes the socket (status 1000) and stops reconnecting; returns at once. No listener call
   * starts after this returns. Does nothing when called again.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    run(() -> {
      if (current != null && current.client != null) {
        current.client.close();
      }
      current = null;
    });
    thread.shutdown();
  }

  /** On the feed thread. */
  private void connect() {
    if (closed) {
      return;
    }
    String token;
    try {
      token = Objects.requireNonNull(accessToken.call(), "the token source returned null");
    } catch (Exception e) {
      retryLater("no access token: " + e.getMessage());
      return;
    }
    Connection connection = new Connection();
    current = connection;
    SignalingClient.connect(server, token, connection, this::run, trust)
        .whenComplete((client, failure) -> {
          if (!run(() -> opened(connection, client, failure)) && client != null) {
            client.close(); // the feed closed while the socket was opening
          }
        });
  }

  /** On the feed thread: the attempt's upgrade succeeded or failed. */
  private void opened(Connection connection, SignalingClient client, Throwable failure) {
    if (failure != null) {
      if (connection == current) {
        retryLater(failure.getMessage());
      }
      return;
    }
    if (closed || connection != current || connection.ended) {
      client.close(); // an ended one already planned its successor
      return;
    }
    connection.client = client;
    delay = firstDelay;
    log.atDebug().addKeyValue("server", server).log("notice feed connected");
    deliver(() -> listener.onConnectionChanged(true, server.toString()));
  }

  /** On the feed thread. */
  private void retryLater(String reason) {
    if (closed) {
      return;
    }
    long millis = (long) (delay.toMillis() * ThreadLocalRandom.current().nextDouble(0.8, 1.2));
    log.atInfo().addKeyValue("reason", reason).addKeyValue("retryMillis", millis)
        .log("notice feed disconnected");
    deliver(() -> listener.onConnectionChanged(false, reason));
    Duration doubled = delay.multipliedBy(2);
    delay = doubled.compareTo(maxDelay) > 0 ? maxDelay : doubled;
    try {
      thread.schedule(this::connect, millis, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      // closed meanwhile
    }
  }

  private void deliver(Runnable call) {
    delivery.execute(() -> {
      if (!closed) {
        call.run();
      }
    });
  }

  /** Runs the task on the feed thread; false, doing nothing, once the feed is closed. */
  private boolean run(Runnable task) {
    try {
      thread.execute(task);
      return true;
    } catch (RejectedExecutionException e) {
      log.atDebug().log("notice feed closed; event dropped");
      return false;
    }
  }

  /** One socket's life; its callbacks arrive on the feed thread. */
  private final class Connection implements SignalingListener {
    SignalingClient client; // feed thread only; set once the upgrade succeeded
    boolean ended; // feed thread only

    @Override
    public void onMessage(SignalMessage message) {
      if (message instanceof Notice notice && !closed && this == current) {
        deliver(() -> listener.onNotice(notice));
      }
    }

    @Override
    public void onClosed(String reason) {
      ended = true;
      if (this == current) {
        current.client = null;
        retryLater(reason);
      }
    }
  }
}
