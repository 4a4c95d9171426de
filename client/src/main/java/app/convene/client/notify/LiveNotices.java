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
          Phrase.of("notice.joined", actor(notice), notice.title() == null
              ? new Phrase.Arg.Word("notice.untitled") : new Phrase.Arg.Text(notice.title())));
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
            Notifier.reminderPhrase(notice.occurrenceStart(), clock)));
      }
    });
  }

  private void changed(Notice notice, Kind kind, String textKey) {
    Phrase.Arg when = notice.occurrenceStart() == null ? new Phrase.Arg.Text("")
        : new Phrase.Arg.DateTime(notice.occurrenceStart());
    show(notice, kind, Phrase.of(textKey, actor(notice), when));
    meetingsChanged.run();
  }

  private void show(Notice notice, Kind kind, Phrase text) {
    Phrase title = notice.title() == null ? Phrase.of("notice.untitled")
        : Phrase.literal(notice.title());
    NotificationEntry entry = NotificationEntry.of(notice.id(), kind, title, text,
        clock.instant(), notice.occurrenceKey(), clock.getZone());
    Runnable join = notice.roomId() == null || kind == Kind.CANCELLED ? null
        : () -> joinRoom.accept(entry.title(), notice.roomId());
    notifier.notice(entry, join);
  }

  private static Phrase.Arg actor(Notice notice) {
    return notice.actor() == null || notice.actor().isBlank()
        ? new Phrase.Arg.Word("notice.someone") : new Phrase.Arg.Text(notice.actor());
  }
}
