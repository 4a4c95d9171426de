package app.convene.server.notify;

import app.convene.server.calendar.MeetingChanges;
import app.convene.server.calendar.UpcomingMeetings;
import app.convene.server.http.Caller;
import app.convene.server.signaling.Arrivals;
import app.convene.server.signaling.ConnectedUsers;
import app.convene.server.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live notices to the signed-in users' open signaling sockets ({@code notice} in
 * docs/protocol.md): "starts in N minutes" every {@link #CHECK_INTERVAL}, "participant joined"
 * when someone joins a room ({@link Arrivals}), and invited / changed / cancelled when a meeting's
 * owner changes it ({@link #meetingChanges()}). Users without an open socket get nothing.
 *
 * <p>Threads: one daemon thread, "convene-notices", runs the minute check and the database
 * look-ups of arrivals, in the order asked; meeting changes are pushed on the request's thread
 * (memory only). Times come from the injected clock. Thread-safe.
 */
public final class Notices implements Arrivals, AutoCloseable {
  /** How often the "starts in N minutes" check runs. */
  public static final Duration CHECK_INTERVAL = Duration.ofMinutes(1);

  private static final Logger log = LoggerFactory.getLogger(Notices.class);
  private static final Duration WAIT = Duration.ofSeconds(30);

  private final StartingSoon startingSoon;
  private final ArrivalNotices arrivals;
  private final MeetingNotices meetingChanges;
  private final ScheduledExecutorService thread =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().name("convene-notices").daemon().factory());

  /**
   * @param connected the open sockets by user, where notices go
   * @param lead how long before an occurrence starts its users are told; zero for never
   */
  public Notices(Database database, Clock clock, ConnectedUsers connected, Duration lead) {
    Objects.requireNonNull(database, "database == null");
    Objects.requireNonNull(clock, "clock == null");
    Objects.requireNonNull(connected, "connected == null");
    Objects.requireNonNull(lead, "lead == null");
    if (lead.isNegative()) {
      throw new IllegalArgumentException("lead is negative: " + lead);
    }
    startingSoon = new StartingSoon(new UpcomingMeetings(database), connected, clock, lead);
    arrivals = new ArrivalNotices(database, connected, clock);
    meetingChanges = new MeetingNotices(connected, clock);
    if (!lead.isZero()) {
      long period = CHECK_INTERVAL.toMillis();
      thread.scheduleAtFixedRate(() -> logged("starting soon", startingSoon::run), period, period,
          TimeUnit.MILLISECONDS);
    }
  }

  /** The listener that pushes meeting changes to attendees; add it to the event service's. */
  public MeetingChanges meetingChanges() {
    return meetingChanges;
  }

  /** Queues the look-up of who to tell; returns at once. */
  @Override
  public void arrived(Caller who, String roomId, String peerId, String name) {
    Objects.requireNonNull(who, "who == null");
    Objects.requireNonNull(roomId, "roomId == null");
    Objects.requireNonNull(name, "name == null");
    try {
      thread.execute(() -> logged("arrival", () -> arrivals.arrived(who, roomId, peerId, name)));
    } catch (RejectedExecutionException e) {
      log.atDebug().log("notices stopped; arrival not told");
    }
  }

  /**
   * Runs the "starts in N minutes" check now, after the work queued before it, and waits: for
   * tests and operators. Does nothing when the lead is zero.
   *
   * @return how many users were told something
   */
  public int runStartingSoon() {
    return await(startingSoon::run);
  }

  /** Waits until the work queued so far (e.g. arrivals) is done. Blocks the caller. */
  public void awaitQueued() {
    await(() -> 0);
  }

  /** Stops the thread; queued work is dropped (the sockets are closing anyway). */
  @Override
  public void close() {
    thread.shutdownNow();
  }

  private int await(Callable<Integer> work) {
    try {
      return thread.submit(work).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the notices thread", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("the notices thread failed or is stuck", e);
    }
  }

  private static void logged(String what, Callable<Integer> work) {
    try {
      int told = work.call();
      if (told > 0) {
        log.atDebug().addKeyValue("notice", what).addKeyValue("users", told).log("notices sent");
      }
    } catch (Exception e) {
      log.atError().setCause(e).addKeyValue("notice", what).log("notice failed");
    }
  }
}
