package app.convene.client.media;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Native device queries with a deadline. On Linux without a running sound server, listing audio
 * devices blocks inside the native library for minutes; we give each query three seconds on a
 * daemon thread and carry on without devices of that kind. A kind whose query is still stuck is
 * not asked again until it returns.
 */
final class DeviceQuery {
  private static final Logger log = LoggerFactory.getLogger(DeviceQuery.class);
  private static final long DEADLINE_MS = 3_000;
  private static final ExecutorService THREADS =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "device-query");
            t.setDaemon(true);
            return t;
          });
  private static final Map<String, Future<?>> stuck = new ConcurrentHashMap<>();

  private DeviceQuery() {}

  static <T> List<T> list(String kind, Supplier<List<T>> query) {
    Future<?> previous = stuck.get(kind);
    if (previous != null && !previous.isDone()) {
      return List.of();
    }
    stuck.remove(kind);
    Future<List<T>> future = THREADS.submit(query::get);
    try {
      return future.get(DEADLINE_MS, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      stuck.put(kind, future);
      log.warn("listing {} did not answer within {} ms; continuing without them", kind, DEADLINE_MS);
      return List.of();
    } catch (ExecutionException e) {
      log.warn("cannot list {}: {}", kind, e.getCause().toString());
      return List.of();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return List.of();
    }
  }

  /**
   * Whether a sound server can be reached. On Linux the native audio layer talks to PulseAudio
   * (or PipeWire's PulseAudio server); without one, listing devices blocks for minutes and holds
   * native locks that also stall the creation of new peer connection factories. Both servers
   * create their socket at a known place, so its absence is a reliable, instant answer.
   */
  static boolean soundServerReachable() {
    if (!System.getProperty("os.name", "").toLowerCase().contains("linux")) {
      return true;
    }
    if (System.getenv("PULSE_SERVER") != null) {
      return true;
    }
    String runtime = System.getenv("XDG_RUNTIME_DIR");
    List<Path> sockets = new ArrayList<>();
    if (runtime != null) {
      sockets.add(Path.of(runtime, "pulse", "native"));
    }
    sockets.add(Path.of("/run/user", String.valueOf(uid()), "pulse", "native"));
    sockets.add(Path.of("/var/run/pulse/native"));
    return sockets.stream().anyMatch(Files::exists);
  }

  private static long uid() {
    try {
      return (Integer) Files.getAttribute(Path.of(System.getProperty("user.home")), "unix:uid");
    } catch (Exception e) {
      return -1;
    }
  }

  /** A daemon thread for work that may wait on device queries; never the FX thread. */
  static ExecutorService background() {
    return THREADS;
  }
}
