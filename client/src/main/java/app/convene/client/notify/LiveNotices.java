package app.convene.client.notify;

import app.convene.client.api.ApiClient;
import app.convene.client.call.JoinTicket;
import app.convene.client.notify.NotificationEntry.Kind;
import app.convene.client.i18n.Messages;
import app.convene.protocol.Notice;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.function.BiConsumer;
import javafx.application.Platform;

/**
 * The server's notices for the signed-in user, from a {@link NoticeFeed}, into the notifier: a
 * pop-up and an entry in the notification centre each, once per notice id. "Starts soon" stands
 * in for the app's own reminder of that occurrence (never both); invitations, changes and
 * cancellations also reload the calendar.
 *
 * <p>Threads: notices arrive on the FX thread.
 */
public final class LiveNotices implements NoticeListener {
  private final Notifier notifier;
  private final Clock clock;
  private final BiConsumer<String, String> joinRoom;
  private final Runnable meetingsChanged;

  /**
   * @param joinRoom joins a native meeting's room: (title, roomId)
   * @param meetingsChanged reloads the calendar and the reminders
   */
  private LiveNotices(Notifier notifier, Clock clock, BiConsumer<String, String> joinRoom,
      Runnable meetingsChanged) {
    this.notifier = notifier;
    this.clock = clock;
    this.joinRoom = joinRoom;
    this.meetingsChanged = meetingsChanged;
  }

  /** Opens the feed; the notifier closes it with itself. FX thread. */
  public static void start(Notifier notifier, Clock clock, ApiClient api,
      BiConsumer<String, String> joinRoom, Runnable meetingsChanged) {
    NoticeFeed feed = new NoticeFeed(JoinTicket.signalingUri(api.serverUri()), api::accessToken,
        new LiveNotices(notifier, clock, joinRoom, meetingsChanged), Platform::runLater,
        api.trust());
    notifier.closeWith(feed);
    feed.start();
  }

  @Override
  public void onNotice(Notice notice) {
    switch (notice.kind()) {
      case STARTING_SOON -> startingSoon(notice);
      case PARTICIPANT_JOINED -> show(notice, Kind.JOINED,
          Messages.format("notice.joined", actor(notice), notice.title()));
      case INVITED -> changed(notice, Kind.INVITED, "notice.invited");
      case CHANGED -> changed(notice, Kind.CHANGED, "notice.changed");
      case CANCELLED -> changed(notice, Kind.CANCELLED, "notice.cancelled");
    }
  }

  private void startingSoon(Notice notice) {
    String key = notice.occurrenceKey();
    if (key == null || notifier.model().contains(notice.id())) {
      return;
    }
    notifier.claimReminder(key, notice.occurrenceStart()).thenAccept(show -> {
      if (show) {
        Platform.runLater(() -> show(notice, Kind.REMINDER,
            Notifier.reminderText(notice.occurrenceStart(), clock)));
      }
    });
  }

  private void changed(Notice notice, Kind kind, String textKey) {
    String when = notice.occurrenceStart() == null ? ""
        : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
            .withLocale(Messages.locale()).withZone(clock.getZone())
            .format(notice.occurrenceStart());
    show(notice, kind, Messages.format(textKey, actor(notice), when));
    meetingsChanged.run();
  }

  private void show(Notice notice, Kind kind, String text) {
    String title = notice.title() == null ? Messages.get("notice.untitled") : notice.title();
    Runnable join = notice.roomId() == null || kind == Kind.CANCELLED ? null
        : () -> joinRoom.accept(title, notice.roomId());
    notifier.notice(new NotificationEntry(notice.id(), kind, title, text, clock.instant(),
        notice.occurrenceKey(), false), join);
  }

  private static String actor(Notice notice) {
    return notice.actor() == null || notice.actor().isBlank()
        ? Messages.get("notice.someone") : notice.actor();
  }
}
