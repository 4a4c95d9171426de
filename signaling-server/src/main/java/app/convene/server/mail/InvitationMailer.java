package app.convene.server.mail;

import app.convene.protocol.api.AttendeeView;
import app.convene.protocol.api.EventView;
import app.convene.server.calendar.MeetingChanges;
import app.convene.server.preferences.PreferencesService;
import app.convene.server.rooms.RoomService;
import jakarta.mail.internet.InternetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends invitation e-mail for native meetings: listens to {@link MeetingChanges}, decides who
 * hears what ({@link Delivery}), and sends on its own thread.
 *
 * <p>Threads: the listener methods run on the request's thread and only enqueue. Writing and
 * sending happen in order on one daemon thread, "convene-mail", which also reads the room's
 * invite token and the owner's language from the database. A failed send is logged (WARN, with
 * the meeting id and the number of recipients) and tried again after each of {@link
 * #RETRY_DELAYS}; after the last, it is logged as an ERROR. {@link #close()} lets queued sends
 * finish for a bounded time and logs each one it drops. With mail off ({@link SmtpSettings#OFF})
 * there is no thread and the listener does nothing.
 */
public final class InvitationMailer implements MeetingChanges, AutoCloseable {
  /** The waits before the second, third and fourth attempt. */
  static final List<Duration> RETRY_DELAYS =
      List.of(Duration.ofSeconds(10), Duration.ofMinutes(1), Duration.ofMinutes(5));
  /** How long {@link #close()} waits for queued sends. */
  static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

  private static final Logger log = LoggerFactory.getLogger(InvitationMailer.class);

  /** One try of a delivery; {@code number} counts from 1. Equal only to itself. */
  private static final class Attempt {
    private final Delivery delivery;
    private final int number;

    Attempt(Delivery delivery, int number) {
      this.delivery = delivery;
      this.number = number;
    }

    Delivery delivery() {
      return delivery;
    }

    int number() {
      return number;
    }
  }

  private final SmtpSender sender;
  private final InternetAddress from;
  private final InvitationWriter writer;
  private final Clock clock;
  private final List<Duration> retryDelays;
  private final ScheduledThreadPoolExecutor thread;
  /** Attempts enqueued and not started yet, to name them if {@link #close()} drops them. */
  private final Set<Attempt> waiting = ConcurrentHashMap.newKeySet();

  /** A mailer that sends nothing when {@code settings} are off. */
  public InvitationMailer(SmtpSettings settings, RoomService rooms,
      PreferencesService preferences, Clock clock) {
    this(settings, rooms, preferences, clock, RETRY_DELAYS);
  }

  InvitationMailer(SmtpSettings settings, RoomService rooms, PreferencesService preferences,
      Clock clock, List<Duration> retryDelays) {
    Objects.requireNonNull(settings, "settings == null");
    this.writer = new InvitationWriter(rooms, preferences);
    this.clock = Objects.requireNonNull(clock, "clock == null");
    this.retryDelays = List.copyOf(retryDelays);
    if (settings.enabled()) {
      this.sender = new SmtpSender(settings);
      this.from = settings.fromAddress();
      this.thread = new ScheduledThreadPoolExecutor(1,
          Thread.ofPlatform().name("convene-mail").daemon().factory());
      thread.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
      thread.setRemoveOnCancelPolicy(true);
    } else {
      this.sender = null;
      this.from = null;
      this.thread = null;
    }
  }

  /** Whether mail is on: an SMTP host is configured. */
  public boolean enabled() {
    return thread != null;
  }

  @Override
  public void created(EventView meeting) {
    if (enabled()) {
      Delivery.created(meeting).forEach(d -> enqueue(new Attempt(d, 1), Duration.ZERO));
    }
  }

  @Override
  public void updated(EventView before, EventView after) {
    if (enabled()) {
      Delivery.updated(before, after).forEach(d -> enqueue(new Attempt(d, 1), Duration.ZERO));
    }
  }

  @Override
  public void cancelled(EventView meeting) {
    if (enabled()) {
      Delivery.cancelled(meeting).forEach(d -> enqueue(new Attempt(d, 1), Duration.ZERO));
    }
  }

  private void enqueue(Attempt attempt, Duration delay) {
    waiting.add(attempt);
    try {
      thread.schedule(() -> run(attempt), delay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      waiting.remove(attempt);
      dropped(attempt);
    }
  }

  /** On the mail thread. */
  private void run(Attempt attempt) {
    waiting.remove(attempt);
    Delivery delivery = attempt.delivery();
    List<AttendeeView> failed;
    Exception error;
    try {
      Invitation invitation = writer.write(delivery);
      List<SmtpSender.Outgoing> batch = new ArrayList<>();
      for (AttendeeView recipient : delivery.recipients()) {
        batch.add(new SmtpSender.Outgoing(recipient, InviteMessage.build(sender.session(), from,
            delivery.meeting().owner(), recipient, invitation, clock.instant())));
      }
      SmtpSender.Result result = sender.send(batch);
      if (!result.refused().isEmpty()) {
        log.atWarn().addKeyValue("meeting", delivery.meeting().id())
            .addKeyValue("kind", delivery.kind()).addKeyValue("recipients", result.refused().size())
            .addKeyValue("error", String.valueOf(result.error()))
            .log("invitation e-mail refused by the SMTP server; not retried");
      }
      failed = result.retry();
      error = result.error();
    } catch (Exception e) { // the database or a message that cannot be built: try again
      failed = delivery.recipients();
      error = e;
    }
    if (failed.isEmpty()) {
      log.atDebug().addKeyValue("meeting", delivery.meeting().id())
          .addKeyValue("kind", delivery.kind()).addKeyValue("recipients", delivery.recipients().size())
          .log("invitation e-mail sent");
      return;
    }
    retryOrGiveUp(new Attempt(delivery.to(failed), attempt.number()), error);
  }

  private void retryOrGiveUp(Attempt failed, Exception error) {
    String meeting = failed.delivery().meeting().id();
    int recipients = failed.delivery().recipients().size();
    if (failed.number() > retryDelays.size()) {
      log.atError().addKeyValue("meeting", meeting).addKeyValue("kind", failed.delivery().kind())
          .addKeyValue("recipients", recipients).addKeyValue("attempts", failed.number())
          .addKeyValue("error", String.valueOf(error)).setCause(error)
          .log("invitation e-mail not sent; giving up");
      return;
    }
    Duration delay = retryDelays.get(failed.number() - 1);
    log.atWarn().addKeyValue("meeting", meeting).addKeyValue("kind", failed.delivery().kind())
        .addKeyValue("recipients", recipients).addKeyValue("attempt", failed.number())
        .addKeyValue("retryIn", delay).addKeyValue("error", String.valueOf(error))
        .log("invitation e-mail failed; will try again");
    enqueue(new Attempt(failed.delivery(), failed.number() + 1), delay);
  }

  private static void dropped(Attempt attempt) {
    log.atWarn().addKeyValue("meeting", attempt.delivery().meeting().id())
        .addKeyValue("kind", attempt.delivery().kind())
        .addKeyValue("recipients", attempt.delivery().recipients().size())
        .log("invitation e-mail not sent: the server is stopping");
  }

  /**
   * Stops taking work, lets sends that are due finish for up to {@link #CLOSE_WAIT}, then logs
   * every one left (retries waiting for their time included) as not sent.
   */
  @Override
  public void close() {
    if (thread == null) {
      return;
    }
    thread.shutdown();
    try {
      if (!thread.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
        thread.shutdownNow();
      }
    } catch (InterruptedException e) {
      thread.shutdownNow();
      Thread.currentThread().interrupt();
    }
    for (Attempt attempt : waiting) {
      dropped(attempt);
    }
    waiting.clear();
  }
}
