package app.convene.client.calendar;

import app.convene.client.google.GoogleEvent;
import app.convene.client.google.MeetingLink;
import app.convene.client.google.Rsvp;
import app.convene.client.google.ui.GoogleModel;
import app.convene.client.i18n.Messages;
import app.convene.client.notify.ReminderOverrides;
import app.convene.protocol.api.OccurrenceView;
import com.calendarfx.view.DateControl;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

/**
 * The context menus of the calendar's entries: join (the room, or the web meeting's link), copy the
 * invite link or the room id, edit, cancel, and "Remind me" for our meetings; join, open in Google
 * Calendar, and cancel (the organiser) or accept, maybe and decline (a guest) for Google's events.
 * FX thread.
 */
final class MeetingMenus {
  /** What the menus' items do that needs the calendar pane (its dialogs and its window). */
  interface Actions {
    void open(OccurrenceView occurrence);

    void edit(OccurrenceView occurrence);

    void cancel(OccurrenceView occurrence);

    /** Asks the user to confirm {@code question}; true for OK. */
    boolean confirmed(String question);
  }

  private final CalendarModel model;
  private final GoogleModel google;
  private final Actions actions;
  private ReminderOverrides reminders;
  private Runnable onRemindersChanged = () -> {};

  MeetingMenus(CalendarModel model, GoogleModel google, Actions actions) {
    this.model = Objects.requireNonNull(model, "model == null");
    this.google = Objects.requireNonNull(google, "google == null");
    this.actions = Objects.requireNonNull(actions, "actions == null");
  }

  /** Offers "Remind me" in our meetings' menus; {@code changed} runs after a choice. */
  void setReminderChoices(ReminderOverrides overrides, Runnable changed) {
    this.reminders = overrides;
    this.onRemindersChanged = changed;
  }

  /** The menu of the entry the user right-clicked, or null for none. */
  ContextMenu forEntry(DateControl.EntryContextMenuParameter param) {
    Object entry = param.getEntry().getUserObject();
    if (entry instanceof GoogleEvent event) {
      return forGoogle(event);
    }
    return entry instanceof OccurrenceView occurrence ? forMeeting(occurrence) : null;
  }

  private ContextMenu forGoogle(GoogleEvent event) {
    ContextMenu menu = new ContextMenu();
    if (JoinTarget.of(event).orElse(null) instanceof JoinTarget.WebLink web) {
      menu.getItems().add(joinItem(web.link()));
    }
    if (event.htmlLink() != null) {
      menu.getItems().add(item("google.openEvent", null,
          () -> google.meetings().openLink(URI.create(event.htmlLink()))));
    }
    if (google.meetings().canCancel(event)) {
      menu.getItems().add(item("calendar.cancel", null, () -> {
        if (actions.confirmed(Messages.format("calendar.cancelConfirm", event.summary()))) {
          google.meetings().cancel(event);
        }
      }));
    } else if (google.meetings().canRespond(event)) {
      menu.getItems().addAll(rsvpItems(event));
    }
    return menu.getItems().isEmpty() ? null : menu;
  }

  /** Accept, Maybe, Decline; the current answer is ticked. */
  private List<MenuItem> rsvpItems(GoogleEvent event) {
    ToggleGroup group = new ToggleGroup();
    Rsvp current = Rsvp.of(event.responseStatus()).orElse(null);
    return java.util.Arrays.stream(Rsvp.values()).<MenuItem>map(answer -> {
      RadioMenuItem item = new RadioMenuItem(Messages.get("google.rsvp." + answer.name()));
      item.setId("google-rsvp-" + answer.responseStatus());
      item.setToggleGroup(group);
      item.setSelected(answer == current);
      item.setOnAction(e -> google.meetings().respond(event, answer));
      return item;
    }).toList();
  }

  private ContextMenu forMeeting(OccurrenceView occurrence) {
    ContextMenu menu = new ContextMenu();
    Optional<JoinTarget> target = JoinTarget.of(occurrence.event());
    boolean nativeRoom = target.orElse(null) instanceof JoinTarget.NativeRoom;
    if (nativeRoom || target.isEmpty()) { // with no way to join, Join says why
      menu.getItems().add(item("calendar.join", null, () -> actions.open(occurrence)));
    }
    JoinTarget.webLink(occurrence.event()).ifPresent(link -> menu.getItems().add(joinItem(link)));
    boolean owner = model.isOwner(occurrence);
    if (nativeRoom) {
      if (owner) {
        menu.getItems().add(item("calendar.copyInvite", "copy-invite",
            () -> model.inviteLink(occurrence)
                .thenAccept(copied -> copied.ifPresent(MeetingMenus::toClipboard))));
      }
      menu.getItems().add(item("calendar.copyRoomId", "copy-room-id", () -> {
        toClipboard(occurrence.event().roomId());
        model.roomIdCopied();
      }));
    }
    if (owner) {
      menu.getItems().addAll(item("calendar.edit", null, () -> actions.edit(occurrence)),
          item("calendar.cancel", null, () -> actions.cancel(occurrence)));
    }
    if (reminders != null) {
      menu.getItems().add(remindMenu(occurrence.event().id()));
    }
    return menu;
  }

  /** "Remind me": the meeting's own lead time, kept on this computer. */
  private Menu remindMenu(String eventId) {
    Menu remind = new Menu(Messages.get("remind.menu"));
    remind.setId("remind-menu");
    ToggleGroup group = new ToggleGroup();
    List<Duration> current = reminders.get(eventId).orElse(null);
    for (List<Duration> choice : ReminderOverrides.CHOICES) {
      RadioMenuItem item = new RadioMenuItem(ReminderOverrides.label(choice));
      item.setToggleGroup(group);
      item.setSelected(Objects.equals(choice, current));
      item.setOnAction(e -> {
        reminders.set(eventId, choice);
        onRemindersChanged.run();
      });
      remind.getItems().add(item);
    }
    return remind;
  }

  private MenuItem joinItem(MeetingLink link) {
    MenuItem join = new MenuItem(Messages.format("calendar.joinWith", link.kind().displayName()));
    join.getStyleClass().add("join-link-item");
    join.setOnAction(e -> google.meetings().openLink(link.uri()));
    return join;
  }

  private static MenuItem item(String key, String id, Runnable action) {
    MenuItem item = new MenuItem(Messages.get(key));
    if (id != null) {
      item.setId(id);
    }
    item.setOnAction(e -> action.run());
    return item;
  }

  private static void toClipboard(String text) {
    ClipboardContent content = new ClipboardContent();
    content.putString(text);
    Clipboard.getSystemClipboard().setContent(content);
  }
}
