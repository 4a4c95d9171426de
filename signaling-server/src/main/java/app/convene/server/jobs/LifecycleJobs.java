package app.convene.server.jobs;

import app.convene.server.rooms.Occupancy;
import app.convene.server.store.Database;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's background work, on one daemon thread ("convene-jobs") so that it happens in the
 * order it was asked for: a room's joins and leaves (as its {@link Occupancy}) update the room's
 * last use and the status of its meetings (see {@link EventLifecycle}); every {@code
 * idleCheckInterval} the idle-room job deactivates rooms unused for {@code idleTimeout} and
 * expired refresh tokens are deleted. Times come from the injected clock.
 *
 * <p>Thread-safe. The {@link Occupancy} methods only enqueue, so the registry may call them while
 * it holds a room.
 */
public final class LifecycleJobs implements Occupancy, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(LifecycleJobs.class);
  private static final Duration WAIT = Duration.ofSeconds(30);

  private final Database database;
  private final Clock clock;
  private final Duration idleTimeout;
  private final Predicate<String> occupied;
  private final Runnable housekeeping;
  private final ScheduledExecutorService thread =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().name("convene-jobs").daemon().factory());

  /**
   * @param occupied whether a room (by id) has participants now
   * @param housekeeping further hourly work, e.g. deleting expired refresh tokens
   */
  public LifecycleJobs(Database database, Clock clock, Duration idleTimeout,
      Duration idleCheckInterval, Predicate<String> occupied, Runnable housekeeping) {
    this.database = Objects.requireNonNull(database, "database == null");
    this.clock = Objects.requireNonNull(clock, "clock == null");
    this.idleTimeout = Objects.requireNonNull(idleTimeout, "idleTimeout == null");
    this.occupied = Objects.requireNonNull(occupied, "occupied == null");
    this.housekeeping = Objects.requireNonNull(housekeeping, "housekeeping == null");
    long period = idleCheckInterval.toMillis();
    thread.scheduleAtFixedRate(() -> logged("idle rooms", this::hourly), period, period,
        TimeUnit.MILLISECONDS);
  }

  @Override
  public void joined(String roomId, boolean first) {
    used("room joined", roomId, first, EventLifecycle::occupied, "started", "room occupied");
  }

  @Override
  public void left(String roomId, boolean empty) {
    used("room left", roomId, empty, EventLifecycle::emptied, "completed", "room emptied");
  }

  /**
   * Runs the idle-room job now, after all work queued before it, and waits for it: for tests and
   * operators. Blocks the caller.
   *
   * @return how many rooms it deactivated
   */
  public int runIdleRoomJob() {
    try {
      return thread.submit(this::deactivateIdleRooms).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the idle-room job", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("the idle-room job failed", e);
    }
  }

  /** Waits until the work queued so far is done. Blocks the caller. */
  public void awaitQueued() {
    try {
      thread.submit(() -> {}).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("the jobs thread is stuck", e);
    }
  }

  /** Finishes the queued work (waiting at most 30 s), then stops the thread. */
  @Override
  public void close() {
    thread.shutdown();
    try {
      if (!thread.awaitTermination(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
        log.atWarn().log("jobs still running at shutdown");
        thread.shutdownNow();
      }
    } catch (InterruptedException e) {
      thread.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  private void hourly() {
    int deactivated = deactivateIdleRooms();
    housekeeping.run();
    log.atInfo().addKeyValue("deactivated", deactivated).log("idle-room job ran");
  }

  private int deactivateIdleRooms() {
    Instant cutoff = clock.instant().minus(idleTimeout);
    return database.inTransaction(c -> IdleRooms.deactivate(c, cutoff, occupied));
  }

  /**
   * Queues the update of a join or leave: the room's last use is now, and when the room has just
   * turned occupied or empty ({@code turned}), {@code meetings} moves its meetings' status and the
   * number moved is logged under {@code counted}.
   */
  private void used(String job, String roomId, boolean turned, MeetingStatus meetings,
      String counted, String message) {
    enqueue(job, () -> database.inTransaction(c -> {
      Instant now = clock.instant();
      UUID id = UUID.fromString(roomId);
      EventLifecycle.touch(c, id, now);
      if (turned) {
        int moved = meetings.update(c, id, now);
        log.atDebug().addKeyValue("roomId", roomId).addKeyValue(counted, moved).log(message);
      }
      return null;
    }));
  }

  /** {@link EventLifecycle#occupied} or {@link EventLifecycle#emptied}. */
  @FunctionalInterface
  private interface MeetingStatus {
    int update(Connection c, UUID roomId, Instant now) throws SQLException;
  }

  private void enqueue(String what, Runnable work) {
    try {
      thread.execute(() -> logged(what, work));
    } catch (RejectedExecutionException e) {
      log.atWarn().addKeyValue("job", what).log("jobs stopped; update dropped");
    }
  }

  private static void logged(String what, Runnable work) {
    try {
      work.run();
    } catch (RuntimeException e) {
      log.atError().setCause(e).addKeyValue("job", what).log("job failed");
    }
  }
}
