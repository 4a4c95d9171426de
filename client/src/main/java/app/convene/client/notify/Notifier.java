package app.convene.client.notify;

import app.convene.client.i18n.Messages;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import javafx.application.Platform;

/**
 * Reminders and notifications for the signed-in user: the reminder timer, the tray icon and its
 * menu, the pop-ups, and the notification centre's history. The app feeds it meetings ({@link
 * #addSource}, {@link #offer}) and notices ({@link #notice}); it calls the app back to open the
 * window or quit.
 *
 * <p>Threads: construct and call on the FX thread, except {@link #addSource} and {@link #offer},
 * which any thread may call.
 */
public final class Notifier implements AutoCloseable {
  /** Snooze puts a reminder off by this much. */
  static final Duration SNOOZE = Duration.ofMinutes(5);
  /** Notices other than reminders close by themselves after this long. */
  static final javafx.util.Duration NOTICE_SHOWN = javafx.util.Duration.seconds(12);

  /** How reminders are timed; tests pass a clock they move. */
  public record Timing(Clock clock, Duration tick, Duration refreshEvery, List<Duration> defaultLeads) {
    /**
     * Five minutes before and at the start, checked every ten seconds, meetings fetched each
     * minute, by the app's clock (times shown in its zone).
     */
    public static Timing standard(Clock clock) {
      return new Timing(clock, Duration.ofSeconds(10), Duration.ofMinutes(1),
          List.of(Duration.ofMinutes(5), Duration.ZERO));
    }
  }

  /** What the app does for the tray menu; FX thread. */
  public interface App {
    void openWindow();

    void quit();

    /**
     * Whether the user is in this meeting's call now (FX thread): its reminders and notices then
     * go to the notification centre only, not in a pop-up over the call.
     */
    default boolean inMeeting(String meetingKey) {
      return false;
    }
  }

  private final Timing timing;
  private final App app;
  private final NotificationsModel model;
  private final PopupStack popups;
  private final ReminderScheduler scheduler;
  private final ReminderOverrides overrides;
  private final ExecutorService io = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "notifications-io");
    t.setDaemon(true);
    return t;
  });
  private Optional<TrayHost> tray = Optional.empty();
  private List<UpcomingMeeting> lastUpcoming = List.of();
  private boolean toldInTray;
  private boolean closed;
  private final List<AutoCloseable> closeWith = new ArrayList<>();

  /**
   * @param dataDir where the history and the shown reminders are kept, per user
   * @param stylesheet the app's style sheet, for the pop-ups
   */
  public Notifier(Path dataDir, String userId, Timing timing, String stylesheet, App app) {
    this.timing = Objects.requireNonNull(timing, "timing == null");
    this.app = Objects.requireNonNull(app, "app == null");
    Objects.requireNonNull(userId, "userId == null");
    this.model = new NotificationsModel(dataDir.resolve("notifications-" + userId + ".json"), io,
        Platform::runLater);
    this.popups = new PopupStack(stylesheet);
    this.overrides = new ReminderOverrides(dataDir.resolve("reminder-choices-" + userId + ".json"), io);
    ReminderEngine engine = new ReminderEngine(timing.clock(), timing.defaultLeads(),
        dataDir.resolve("reminders-" + userId + ".txt"));
    this.scheduler = new ReminderScheduler(timing.clock(), engine, timing.refreshEvery(),
        new ReminderScheduler.Listener() {
          @Override
          public void due(UpcomingMeeting meeting, Reminder reminder) {
            remind(meeting, reminder);
          }

          @Override
          public void upcoming(List<UpcomingMeeting> next) {
            tray.ifPresent(t -> t.showMeetings(next));
            lastUpcoming = next;
          }
        }, Platform::runLater);
  }

  /** Puts the icon in the tray and starts the reminder timer. */
  public void start() {
    scheduler.start(timing.tick());
    TrayHost.install(new TrayHost.Actions() {
      @Override
      public void open() {
        app.openWindow();
      }

      @Override
      public void join(UpcomingMeeting meeting) {
        meeting.join().run();
      }

      @Override
      public void quit() {
        app.quit();
      }
    }, Platform::runLater, timing.clock().getZone()).thenAccept(host -> Platform.runLater(() -> {
      if (closed) {
        host.ifPresent(TrayHost::close);
        return;
      }
      tray = host;
      host.ifPresentOrElse(t -> t.showMeetings(lastUpcoming), () -> info("no-tray",
          "notify.noTrayTitle", "notify.noTray"));
    }));
  }

  public NotificationsModel model() {
    return model;
  }

  /** The user's own reminder choice per meeting. */
  public ReminderOverrides overrides() {
    return overrides;
  }

  /** The tray icon, once installed; empty before and where the desktop has none. */
  public Optional<TrayHost> tray() {
    return tray;
  }

  /** Whether the app keeps running in the tray when its window closes. */
  public boolean keepsRunningInTray() {
    return tray.isPresent();
  }

  /** A source of meetings asked now and then on the reminder thread (it may block). */
  public void addSource(String name, Supplier<List<UpcomingMeeting>> source) {
    scheduler.addSource(name, source);
  }

  /** The meetings of a source that pushes them. Any thread. */
  public void offer(String name, List<UpcomingMeeting> upcoming) {
    scheduler.offer(name, upcoming);
  }

  /** Meetings changed (e.g. the user edited one): fetch them again now. */
  public void refresh() {
    scheduler.refresh();
  }

  /** The window was closed while the tray keeps the app: say so the first time. */
  public void windowClosedToTray() {
    if (!toldInTray) {
      toldInTray = true;
      popups.show("in-tray", Messages.get("app.title"), Messages.get("notify.inTrayTitle"),
          Messages.get("notify.inTray"), List.of(new PopupStack.Action("popup-ok",
              Messages.get("notify.ok"), () -> {}, false)), NOTICE_SHOWN);
    }
  }

  /**
   * A notice from elsewhere (the server): into the centre and as a pop-up, once per id.
   *
   * @param join what its Join button does, or {@code null} for no Join button
   */
  public void notice(NotificationEntry entry, Runnable join) {
    if (!model.add(entry)) {
      return;
    }
    if (entry.meetingKey() != null && app.inMeeting(entry.meetingKey())) {
      return;
    }
    List<PopupStack.Action> actions = new ArrayList<>();
    if (join != null) {
      actions.add(new PopupStack.Action("notice-join", Messages.get("notify.join"), join, true));
    }
    actions.add(new PopupStack.Action("notice-dismiss", Messages.get("notify.dismiss"), () -> {}, false));
    popups.show(entry.id(), Messages.get("notify.kind." + entry.kind().name().toLowerCase(java.util.Locale.ROOT)),
        entry.title(), entry.text(), actions, NOTICE_SHOWN);
  }

  /**
   * Takes the server's "starts soon" as the meeting's reminder for now, so the local one does
   * not repeat it; completes on the reminder thread with whether to show it.
   */
  public java.util.concurrent.CompletableFuture<Boolean> claimReminder(String meetingKey, Instant start) {
    return scheduler.claim(meetingKey, start);
  }

  /** The keys of the pop-ups on screen (for tests and support). */
  public List<String> popupKeys() {
    return popups.keys();
  }

  private void remind(UpcomingMeeting meeting, Reminder reminder) {
    if (closed) {
      return;
    }
    ZoneId zone = timing.clock().getZone();
    NotificationEntry entry = NotificationEntry.of("reminder:" + reminder.meetingKey() + "/"
            + reminder.lead().toSeconds() + "@" + timing.clock().millis(),
        NotificationEntry.Kind.REMINDER, Phrase.literal(meeting.title()),
        reminderPhrase(meeting.start(), timing.clock()), timing.clock().instant(), meeting.key(),
        zone);
    model.add(entry);
    if (app.inMeeting(meeting.key())) {
      return; // in its call already: the centre has it, a pop-up would cover the call
    }
    popups.show("reminder:" + meeting.key(), Messages.get("notify.kind.reminder"), meeting.title(),
        entry.text(),
        List.of(
            new PopupStack.Action("reminder-join", Messages.get("notify.join"), meeting.join(), true),
            new PopupStack.Action("reminder-snooze", Messages.get("notify.snooze"),
                () -> scheduler.snooze(meeting.key(), SNOOZE), false),
            new PopupStack.Action("reminder-dismiss", Messages.get("notify.dismiss"), () -> {}, false)),
        null);
  }

  /** "Starts at 10:00 (in 5 min)" or "Starting now", by {@code clock} and in its zone. */
  public static String reminderText(Instant start, Clock clock) {
    return reminderPhrase(start, clock).render(clock.getZone());
  }

  /** {@link #reminderText} as a phrase: the minutes are those left when it was said. */
  public static Phrase reminderPhrase(Instant start, Clock clock) {
    long minutes = (Duration.between(clock.instant(), start).toSeconds() + 59) / 60;
    return minutes <= 0 ? Phrase.of("notify.startingNow")
        : Phrase.of("notify.startsAt", new Phrase.Arg.Time(start), new Phrase.Arg.Count(minutes));
  }

  private void info(String id, String titleKey, String textKey) {
    model.add(NotificationEntry.of(id, NotificationEntry.Kind.INFO, Phrase.of(titleKey),
        Phrase.of(textKey), timing.clock().instant(), null, timing.clock().getZone()));
  }

  /** Closes {@code resource} (e.g. the server's notice feed) when this closes. */
  public void closeWith(AutoCloseable resource) {
    closeWith.add(Objects.requireNonNull(resource, "resource == null"));
  }

  /** Stops the timer, closes the pop-ups and takes the icon out of the tray. */
  @Override
  public void close() {
    closed = true;
    for (AutoCloseable resource : closeWith) {
      try {
        resource.close();
      } catch (Exception e) {
        org.slf4j.LoggerFactory.getLogger(Notifier.class).warn("cannot close {}: {}", resource, e.toString());
      }
    }
    closeWith.clear();
    scheduler.close();
    popups.closeAll();
    tray.ifPresent(TrayHost::close);
    tray = Optional.empty();
    io.shutdown();
  }
}
