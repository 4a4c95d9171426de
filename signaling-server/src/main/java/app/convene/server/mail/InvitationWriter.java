package app.convene.server.mail;

import app.convene.protocol.api.EventView;
import app.convene.protocol.api.UserView;
import app.convene.server.http.Caller;
import app.convene.server.preferences.PreferencesService;
import app.convene.server.rooms.RoomService;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Writes the {@link Invitation} of a {@link Delivery}: reads the room's invite token for the join
 * link ({@code convene://join/<roomId>?invite=<token>}, the app's invite link) and the owner's
 * language (the {@code language} preference setting; English without one), then words the
 * subject and text and builds the iCalendar object.
 *
 * <p>Used on the mailer's thread only; blocks on the database.
 */
final class InvitationWriter {
  private final RoomService rooms;
  private final PreferencesService preferences;
  private final InviteCalendar calendars = new InviteCalendar();

  InvitationWriter(RoomService rooms, PreferencesService preferences) {
    this.rooms = Objects.requireNonNull(rooms, "rooms == null");
    this.preferences = Objects.requireNonNull(preferences, "preferences == null");
  }

  Invitation write(Delivery delivery) {
    EventView meeting = delivery.meeting();
    InviteKind kind = delivery.kind();
    MailText words = MailText.in(language(meeting.owner()));
    String title = SafeText.oneLine(meeting.title());
    String when = words.when(meeting);
    String joinLink = kind.isRequest() ? joinLink(meeting.roomId()) : null;

    List<String> join = joinLink == null ? List.of()
        : List.of(words.get("line.join", joinLink), words.get("join.hint"));
    String description = SafeText.lines(meeting.description());
    List<String> text = new ArrayList<>();
    text.add(words.get("intro." + kind.name(), name(meeting.owner())));
    text.add("");
    text.add(words.get("line.title", title));
    text.add(words.get("line.when", when));
    if (meeting.recurrence() != null) {
      text.add(words.get("line.repeats", words.repeats(meeting.recurrence())));
    }
    text.add(words.get("line.organizer",
        name(meeting.owner()) + " <" + SafeText.oneLine(meeting.owner().email()) + ">"));
    text.addAll(join);
    if (!description.isEmpty()) {
      text.add("");
      text.add(description);
    }

    String calendarDescription = description.isEmpty() ? String.join("\n", join)
        : join.isEmpty() ? description : description + "\n\n" + String.join("\n", join);
    String calendar = calendars.write(kind, meeting, delivery.listed(), calendarDescription,
        joinLink);
    return new Invitation(words.get("subject." + kind.name(), title, when),
        String.join("\n", text) + "\n", calendar, kind.method());
  }

  /** The app's invite link of the room; a bare room link if the room has gone. */
  private String joinLink(String roomId) {
    UUID id = UUID.fromString(roomId);
    return "convene://join/" + id
        + rooms.inviteToken(id).map(token -> "?invite=" + token).orElse("");
  }

  private String language(UserView owner) {
    // Preferences are read by the account's id; the other fields do not matter here.
    Caller caller = new Caller(UUID.fromString(owner.id()), owner.email(),
        Objects.requireNonNullElse(owner.displayName(), ""), false);
    return preferences.get(caller).settings().get(MailText.LANGUAGE_SETTING);
  }

  private static String name(UserView user) {
    String name = SafeText.oneLine(user.displayName());
    return name.isEmpty() ? SafeText.oneLine(user.email()) : name;
  }
}
