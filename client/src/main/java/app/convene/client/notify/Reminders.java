package app.convene.client.notify;

import app.convene.client.api.ApiException;
import app.convene.client.calendar.CalendarPane;
import app.convene.client.google.ui.GoogleModel;
import app.convene.client.google.GoogleEvent;
import app.convene.client.calendar.CalendarService;
import app.convene.protocol.api.EventStatus;
import app.convene.protocol.api.OccurrenceView;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Wires the {@link Notifier} into the app for a signed-in user: our server's meetings as the
 * reminder source (with the user's "Remind me" choices; Join does what a double-click on the
 * calendar entry does), and the main window that opens from the tray.
 */
public final class Reminders {
  /** How far ahead (and back, for meetings under way) the tray and the reminders look. */
  private static final Duration AHEAD = Duration.ofHours(36);
  private static final Duration BEHIND = Duration.ofHours(4);

  private Reminders() {}

  /** Builds and starts the notifier; FX thread. */
  public static Notifier start(String userId, java.nio.file.Path dataDir,
      Notifier.Timing timing, CalendarService service, CalendarPane calendar, String stylesheet,
      Runnable showWindow, Runnable quit, Predicate<String> inCallOfRoom) {
    // The rooms of the meetings the source last listed, by meeting key: a reminder or notice of a
    // meeting whose room's call the user is in stays out of the call's way.
    Map<String, String> rooms = new ConcurrentHashMap<>();
    Notifier notifier = new Notifier(dataDir, userId, timing, stylesheet, new Notifier.App() {
      @Override
      public void openWindow() {
        showWindow.run();
      }

      @Override
      public void quit() {
        quit.run();
      }

      @Override
      public boolean inMeeting(String meetingKey) {
        String room = rooms.get(meetingKey);
        return room != null && inCallOfRoom.test(room);
      }
    });
    notifier.addSource("server",
        () -> upcoming(timing, service, notifier.overrides(), calendar::open, rooms));
    calendar.setReminderChoices(notifier.overrides(), notifier::refresh);
    notifier.start();
    return notifier;
  }

  /**
   * Google's events of the chosen calendars, with Google's own reminder settings, as they sync;
   * Join opens the event's meeting link as a double-click does. FX thread.
   */
  public static void follow(Notifier notifier, GoogleModel google, Consumer<GoogleEvent> join) {
    Runnable offer = () -> notifier.offer("google", google.events().stream()
        .flatMap(event -> GoogleReminders.meeting(event).stream()
            .map(m -> new UpcomingMeeting(m.key(), m.title(), m.start(),
                event.end() == null ? m.start() : event.end(), m.leads(), () -> join.accept(event))))
        .toList());
    google.events().addListener((javafx.collections.ListChangeListener<GoogleEvent>) c -> offer.run());
    offer.run();
  }

  /** Reminder thread: our server's meetings around now; what a double-click does is Join. */
  private static List<UpcomingMeeting> upcoming(Notifier.Timing timing, CalendarService service,
      ReminderOverrides overrides, Consumer<OccurrenceView> join, Map<String, String> rooms) {
    Instant now = timing.clock().instant();
    try {
      List<OccurrenceView> around = service.peek(now.minus(BEHIND), now.plus(AHEAD)).occurrences();
      Map<String, String> listed = new HashMap<>();
      for (OccurrenceView o : around) {
        if (o.event().roomId() != null) {
          listed.put(UpcomingMeeting.key(o.event().id(), o.start()), o.event().roomId());
        }
      }
      rooms.keySet().retainAll(listed.keySet());
      rooms.putAll(listed);
      return around.stream()
          .filter(o -> o.event().status() != EventStatus.CANCELLED)
          .map(o -> new UpcomingMeeting(UpcomingMeeting.key(o.event().id(), o.start()),
              o.event().title(), o.start(), o.end(), overrides.get(o.event().id()).orElse(null),
              () -> join.accept(o)))
          .toList();
    } catch (ApiException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }
}
