package app.convene.client.calendar;

import app.convene.client.i18n.Messages;
import app.convene.protocol.api.EventRequest;
import app.convene.protocol.api.EventView;
import app.convene.protocol.api.Recurrence;
import app.convene.protocol.api.ServiceKind;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The scheduling dialog's form: a new meeting or an edit of one, with the same checks the server
 * makes, so most mistakes are caught before anything is sent. FX thread only.
 */
public final class ScheduleModel {
  /** How the meeting repeats, as the form offers it. */
  public enum Repeat {
    NONE,
    DAILY,
    WEEKLY
  }

  /** The longest meeting that an end before the start makes, by running past midnight. */
  static final Duration OVERNIGHT_MAX = Duration.ofHours(12);

  static final Pattern EMAIL =
      Pattern.compile("^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
          + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$");

  private final javafx.beans.property.BooleanProperty googleSignedIn =
      new javafx.beans.property.SimpleBooleanProperty(this, "googleSignedIn");
  private final StringProperty title = new SimpleStringProperty(this, "title", "");
  private final StringProperty description = new SimpleStringProperty(this, "description", "");
  private final ObjectProperty<LocalDate> date = new SimpleObjectProperty<>(this, "date");
  private final StringProperty startTime = new SimpleStringProperty(this, "startTime", "09:00");
  private final StringProperty endTime = new SimpleStringProperty(this, "endTime", "09:30");
  private final ObjectProperty<ZoneId> timeZone = new SimpleObjectProperty<>(this, "timeZone");
  private final StringProperty attendees = new SimpleStringProperty(this, "attendees", "");
  private final ObjectProperty<ServiceKind> service = new SimpleObjectProperty<>(this, "service");
  private final ObjectProperty<Repeat> repeat = new SimpleObjectProperty<>(this, "repeat", Repeat.NONE);
  private final ObjectProperty<LocalDate> until = new SimpleObjectProperty<>(this, "until");
  private final StringProperty error = new SimpleStringProperty(this, "error", "");
  private final String eventId;

  /** A new meeting starting at {@code start}, on the preferred service. */
  public ScheduleModel(ZonedDateTime start, ServiceKind preferred) {
    this.eventId = null;
    date.set(start.toLocalDate());
    startTime.set(start.toLocalTime().withSecond(0).withNano(0).toString());
    endTime.set(start.toLocalTime().plusMinutes(30).withSecond(0).withNano(0).toString());
    timeZone.set(start.getZone());
    service.set(preferred);
  }

  /** An edit of {@code event}. */
  public ScheduleModel(EventView event) {
    this.eventId = event.id();
    ZoneId zone = ZoneId.of(event.timeZone());
    ZonedDateTime start = event.start().atZone(zone);
    ZonedDateTime end = event.end().atZone(zone);
    title.set(event.title());
    description.set(event.description() == null ? "" : event.description());
    date.set(start.toLocalDate());
    startTime.set(start.toLocalTime().toString());
    endTime.set(end.toLocalTime().toString());
    timeZone.set(zone);
    attendees.set(String.join(", ", event.attendees().stream().map(a -> a.email()).toList()));
    service.set(event.service());
    if (event.recurrence() != null) {
      repeat.set(Repeat.valueOf(event.recurrence().frequency().name()));
      until.set(event.recurrence().until());
    }
  }

  /** The id of the meeting being edited, or {@code null} for a new one. */
  public String eventId() {
    return eventId;
  }

  public StringProperty titleProperty() {
    return title;
  }

  public StringProperty descriptionProperty() {
    return description;
  }

  public ObjectProperty<LocalDate> dateProperty() {
    return date;
  }

  public StringProperty startTimeProperty() {
    return startTime;
  }

  public StringProperty endTimeProperty() {
    return endTime;
  }

  public ObjectProperty<ZoneId> timeZoneProperty() {
    return timeZone;
  }

  /** Attendee e-mail addresses, separated by commas, semicolons, spaces or new lines. */
  public StringProperty attendeesProperty() {
    return attendees;
  }

  public ObjectProperty<ServiceKind> serviceProperty() {
    return service;
  }

  public ObjectProperty<Repeat> repeatProperty() {
    return repeat;
  }

  public ObjectProperty<LocalDate> untilProperty() {
    return until;
  }

  /** Why the form cannot be sent, or empty. */
  /** Whether Google is signed in, so that a Google Meet meeting gets its link at once. */
  public javafx.beans.property.BooleanProperty googleSignedInProperty() {
    return googleSignedIn;
  }

  public StringProperty errorProperty() {
    return error;
  }

  /** Checks the form; returns the request, or empty with {@link #errorProperty()} set. */
  public Optional<EventRequest> toRequest() {
    try {
      EventRequest request = build();
      error.set("");
      return Optional.of(request);
    } catch (IllegalArgumentException e) {
      error.set(e.getMessage());
      return Optional.empty();
    }
  }

  private EventRequest build() {
    String name = title.get() == null ? "" : title.get().strip();
    require(!name.isEmpty(), "schedule.error.title");
    require(name.length() <= 200, "schedule.error.titleLength");
    String text = description.get() == null ? "" : description.get().strip();
    require(text.length() <= 5000, "schedule.error.descriptionLength");
    require(date.get() != null, "schedule.error.date");
    require(timeZone.get() != null, "schedule.error.timeZone");
    require(service.get() != null, "schedule.error.service");
    LocalTime from = time(startTime.get());
    LocalTime to = time(endTime.get());
    ZonedDateTime start = ZonedDateTime.of(date.get(), from, timeZone.get());
    ZonedDateTime end = ZonedDateTime.of(date.get(), to, timeZone.get());
    if (!end.isAfter(start)) {
      // 23:00–00:30 runs past midnight; 10:00–09:00 is a slip, not a 23-hour meeting. The form
      // has one date, so an end at or before the start means the next day only where that
      // makes a meeting of at most OVERNIGHT_MAX (a night shift's 20:00–08:00).
      end = end.plusDays(1);
      require(Duration.between(start, end).compareTo(OVERNIGHT_MAX) <= 0,
          "schedule.error.endBeforeStart");
    }
    require(Duration.between(start, end).compareTo(Duration.ofHours(24)) <= 0, "schedule.error.duration");
    Recurrence recurrence = null;
    if (repeat.get() != Repeat.NONE) {
      require(until.get() == null || !until.get().isBefore(date.get()), "schedule.error.until");
      recurrence = new Recurrence(
          Recurrence.Frequency.valueOf(repeat.get().name()), 1, until.get(), null);
    }
    return new EventRequest(name, text, start.toInstant(), end.toInstant(), timeZone.get().getId(),
        parseAttendees(attendees.get()), service.get(), recurrence);
  }

  /** Splits and checks the attendee list; throws naming the first bad address. */
  static List<String> parseAttendees(String text) {
    Set<String> seen = new LinkedHashSet<>();
    List<String> result = new ArrayList<>();
    if (text == null) {
      return result;
    }
    for (String part : text.split("[,;\\s]+")) {
      if (part.isBlank()) {
        continue;
      }
      if (part.length() > 254 || !EMAIL.matcher(part).matches()) {
        throw new IllegalArgumentException(Messages.format("schedule.error.attendee", part));
      }
      if (seen.add(part.toLowerCase(Locale.ROOT))) {
        result.add(part);
      }
    }
    if (result.size() > 100) {
      throw new IllegalArgumentException(Messages.get("schedule.error.attendeeCount"));
    }
    return result;
  }

  private static LocalTime time(String text) {
    try {
      return LocalTime.parse(text == null ? "" : text.strip());
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(Messages.format("schedule.error.time", text));
    }
  }

  private static void require(boolean condition, String key) {
    if (!condition) {
      throw new IllegalArgumentException(Messages.get(key));
    }
  }
}
