package app.convene.client.google;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Runs {@link GoogleCalendarSync#sync} every {@code interval} and on {@link #refreshNow()}, on one
 * daemon thread of its own ("google-sync"), so syncs never overlap and never run on the FX thread.
 * Results and errors go to the {@link Listener} on the {@code delivery} executor ({@code
 * Platform::runLater} in the app, {@code Runnable::run} in tests).
 */
public final class PeriodicSync implements AutoCloseable {
  /** Receives each outcome on the delivery executor. */
  public interface Listener {
    /** A sync finished; {@code events} are all cached events of the chosen calendars. */
    void synced(SyncResult result, List<GoogleEvent> events);

    /** A sync failed; the cache is unchanged and the next sync runs as planned. */
    void failed(GoogleException error);
  }

  private final GoogleCalendarSync sync;
  private final Supplier<Set<String>> calendars;
  private final Listener listener;
  private final Executor delivery;
  private final ScheduledExecutorService thread =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "google-sync");
            t.setDaemon(true);
            return t;
          });

  /**
   * Starts at once: the first sync runs now, then every {@code interval}.
   *
   * @param calendars the chosen calendar ids, read before every sync (any thread may change them)
   */
  public PeriodicSync(
      GoogleCalendarSync sync,
      Supplier<Set<String>> calendars,
      Duration interval,
      Listener listener,
      Executor delivery) {
    this.sync = Objects.requireNonNull(sync, "sync == null");
    this.calendars = Objects.requireNonNull(calendars, "calendars == null");
    this.listener = Objects.requireNonNull(listener, "listener == null");
    this.delivery = Objects.requireNonNull(delivery, "delivery == null");
    long millis = Objects.requireNonNull(interval, "interval == null").toMillis();
    if (millis <= 0) {
      throw new IllegalArgumentException("interval must be positive: " + interval);
    }
    thread.scheduleWithFixedDelay(this::runOnce, 0, millis, TimeUnit.MILLISECONDS);
  }

  /** Queues a sync now (the "Refresh" button); returns at once. Any thread. */
  public void refreshNow() {
    if (!thread.isShutdown()) {
      thread.execute(this::runOnce);
    }
  }

  /** Stops; a sync already running finishes, nothing more is delivered after it. */
  @Override
  public void close() {
    thread.shutdownNow();
  }

  private void runOnce() {
    Set<String> ids = Set.copyOf(calendars.get());
    try {
      SyncResult result = sync.sync(ids);
      List<GoogleEvent> events = sync.cachedEvents(ids);
      deliver(() -> listener.synced(result, events));
    } catch (GoogleException e) {
      deliver(() -> listener.failed(e));
    } catch (RuntimeException e) {
      deliver(
          () -> listener.failed(new GoogleException("Google sync failed: " + e.getMessage(), e)));
    }
  }

  private void deliver(Runnable call) {
    if (!thread.isShutdown()) {
      delivery.execute(call);
    }
  }
}
