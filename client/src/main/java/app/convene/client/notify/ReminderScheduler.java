package app.convene.client.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link ReminderEngine} on a timer: fetches the next meetings from their sources now
 * and then, asks the engine what is due on every tick, brings snoozed reminders back, and tells
 * its {@link Listener} about reminders and about the meetings the tray should list.
 *
 * <p>Threads: the engine, the sources' {@link Supplier#get} and all state live on one thread of
 * its own ("reminders"); the public methods may be called from any thread and hand their work to
 * it. Listener methods run on the executor given to the constructor (the FX thread in the app).
 */
public final class ReminderScheduler implements AutoCloseable {
  /** How many meetings the tray lists. */
  static final int LISTED = 5;

  private static final Logger log = LoggerFactory.getLogger(ReminderScheduler.class);

  /** Told what is due and what comes next; see the class comment for the thread. */
  public interface Listener {
    /** A reminder is due now. */
    void due(UpcomingMeeting meeting, Reminder reminder);

    /** The next meetings (ongoing ones first), after they changed. */
    void upcoming(List<UpcomingMeeting> next);
  }

  private final Clock clock;
  private final ReminderEngine engine;
  private final Duration refreshEvery;
  private final Listener listener;
  private final Executor listenerExecutor;
  private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "reminders");
    t.setDaemon(true);
    return t;
  });
  private final Map<String, Supplier<List<UpcomingMeeting>>> fetched = new LinkedHashMap<>();
  private final Map<String, List<UpcomingMeeting>> latest = new HashMap<>();
  private final Map<String, Instant> snoozed = new HashMap<>();
  private Map<String, UpcomingMeeting> meetings = Map.of();
  private List<UpcomingMeeting> listed = List.of();
  private Instant lastFetch = Instant.MIN;
  private boolean fetchNow = true;

  /**
   * @param refreshEvery how often the fetched sources are asked again
   * @param listenerExecutor where the listener is called, in order
   */
  public ReminderScheduler(Clock clock, ReminderEngine engine, Duration refreshEvery,
      Listener listener, Executor listenerExecutor) {
    this.clock = Objects.requireNonNull(clock, "clock == null");
    this.engine = Objects.requireNonNull(engine, "engine == null");
    this.refreshEvery = Objects.requireNonNull(refreshEvery, "refreshEvery == null");
    this.listener = Objects.requireNonNull(listener, "listener == null");
    this.listenerExecutor = Objects.requireNonNull(listenerExecutor, "listenerExecutor == null");
  }

  /**
   * A source asked on the reminder thread every {@code refreshEvery} (it may block, e.g. on the
   * REST API; one that throws keeps its last answer).
   */
  public void addSource(String name, Supplier<List<UpcomingMeeting>> source) {
    later(() -> fetched.put(name, source));
  }

  /** Replaces the meetings of a source that pushes them (e.g. Google's synced events). */
  public void offer(String name, List<UpcomingMeeting> upcoming) {
    List<UpcomingMeeting> copy = List.copyOf(upcoming);
    later(() -> {
      latest.put(name, copy);
      merge();
    });
  }

  /** Starts ticking every {@code tick}, the first tick right away. */
  public void start(Duration tick) {
    thread.scheduleWithFixedDelay(this::tick, 0, tick.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Asks the fetched sources again on the next tick, which comes now. */
  public void refresh() {
    later(() -> {
      fetchNow = true;
      tick();
    });
  }

  /** Shows this meeting's reminder again after {@code delay} (or at its start, if sooner). */
  public void snooze(String meetingKey, Duration delay) {
    Instant pressed = clock.instant();
    later(() -> {
      UpcomingMeeting meeting = meetings.get(meetingKey);
      if (meeting != null) {
        Instant again = pressed.plus(delay);
        snoozed.put(meetingKey, again.isAfter(meeting.start()) && pressed.isBefore(meeting.start())
            ? meeting.start() : again);
      }
    });
  }

  /**
   * Takes an announcement from elsewhere (the server) as the meeting's reminder for now; see
   * {@link ReminderEngine#claim}.
   *
   * @return completes on the reminder thread: whether to show it
   */
  public java.util.concurrent.CompletableFuture<Boolean> claim(String meetingKey, Instant start) {
    try {
      return java.util.concurrent.CompletableFuture.supplyAsync(
          () -> engine.claim(meetingKey, start), thread);
    } catch (java.util.concurrent.RejectedExecutionException closed) {
      return java.util.concurrent.CompletableFuture.completedFuture(false);
    }
  }

  private void tick() {
    try {
      Instant now = clock.instant();
      if (fetchNow || !now.isBefore(lastFetch.plus(refreshEvery))) {
        fetchNow = false;
        lastFetch = now;
        fetched.forEach((name, source) -> {
          try {
            latest.put(name, List.copyOf(source.get()));
          } catch (RuntimeException e) {
            log.warn("cannot fetch upcoming meetings from {}: {}", name, e.getMessage());
          }
        });
        merge();
      }
      for (Reminder reminder : engine.due()) {
        deliver(reminder);
      }
      List<String> back = new ArrayList<>();
      snoozed.forEach((key, at) -> {
        if (!now.isBefore(at)) {
          back.add(key);
        }
      });
      for (String key : back) {
        snoozed.remove(key);
        UpcomingMeeting meeting = meetings.get(key);
        if (meeting != null && now.isBefore(meeting.end())) {
          Duration left = Duration.between(now, meeting.start());
          deliver(new Reminder(key, meeting.title(), meeting.start(), left.isNegative() ? Duration.ZERO : left));
        }
      }
    } catch (RuntimeException e) {
      log.warn("reminder tick failed", e);
    }
  }

  private void deliver(Reminder reminder) {
    UpcomingMeeting meeting = meetings.get(reminder.meetingKey());
    if (meeting != null) {
      listenerExecutor.execute(() -> listener.due(meeting, reminder));
    }
  }

  /** The union of all sources to the engine, and the next few to the tray when they changed. */
  private void merge() {
    Instant now = clock.instant();
    Map<String, UpcomingMeeting> all = new LinkedHashMap<>();
    latest.values().forEach(list -> list.forEach(m -> all.putIfAbsent(m.key(), m)));
    meetings = all;
    snoozed.keySet().retainAll(all.keySet());
    engine.update(all.values().stream().map(UpcomingMeeting::asEngineMeeting).toList());
    List<UpcomingMeeting> next = all.values().stream()
        .filter(m -> m.end().isAfter(now))
        .sorted(Comparator.comparing(UpcomingMeeting::start)
            .thenComparing(m -> m.key()))
        .limit(LISTED)
        .toList();
    if (!sameList(next, listed)) {
      listed = next;
      listenerExecutor.execute(() -> listener.upcoming(next));
    }
  }

  private static boolean sameList(List<UpcomingMeeting> a, List<UpcomingMeeting> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!a.get(i).sameAs(b.get(i))) {
        return false;
      }
    }
    return true;
  }

  /** Runs on the reminder thread; after {@link #close} nothing runs. */
  private void later(Runnable task) {
    try {
      thread.execute(task);
    } catch (java.util.concurrent.RejectedExecutionException closed) {
      // closed: the user signed out or quit
    }
  }

  /** Stops the timer; a tick under way finishes. */
  @Override
  public void close() {
    thread.shutdownNow();
  }
}
