package app.convene.client.google.ui;

import app.convene.client.calendar.Intervals;
import app.convene.client.google.GoogleCalendarInfo;
import app.convene.client.google.GoogleEvent;
import app.convene.client.i18n.Messages;
import com.calendarfx.model.Calendar;
import com.calendarfx.model.CalendarSource;
import com.calendarfx.model.Entry;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Google events in CalendarFX: one read-only {@link Calendar} per chosen Google calendar, named and
 * coloured after it ({@link GoogleStyles}); and the same events as a list, for reminders. FX thread
 * only.
 */
final class GoogleCalendars {
  private final CalendarSource source = new CalendarSource(Messages.get("google.source"));
  private final ZoneId zone;
  private final Map<String, Calendar<GoogleEvent>> byId = new LinkedHashMap<>();
  private final Map<String, GoogleCalendarInfo> infos = new HashMap<>();
  private final ObservableList<GoogleEvent> events = FXCollections.observableArrayList();
  private final ObservableList<GoogleEvent> readOnlyEvents =
      FXCollections.unmodifiableObservableList(events);

  /** @param zone the zone the events show in */
  GoogleCalendars(ZoneId zone) {
    this.zone = java.util.Objects.requireNonNull(zone, "zone == null");
  }

  CalendarSource source() {
    return source;
  }

  /** The events shown, sorted by start; replaced as a whole when {@link #show} changes them. */
  ObservableList<GoogleEvent> events() {
    return readOnlyEvents;
  }

  void describe(List<GoogleCalendarInfo> calendars) {
    calendars.forEach(info -> infos.put(info.id(), info));
    byId.forEach((id, calendar) -> style(calendar, infos.get(id), null));
  }

  /** Replaces the shown calendars and their entries with {@code events} of {@code chosen}. */
  void show(Set<String> chosen, List<GoogleEvent> events) {
    byId.keySet().retainAll(chosen);
    source.getCalendars().retainAll(byId.values());
    Map<String, String> eventColors = new HashMap<>();
    events.forEach(e -> eventColors.putIfAbsent(e.calendarId(), e.colorHex()));
    for (String id : chosen) {
      Calendar<GoogleEvent> calendar = byId.computeIfAbsent(id, key -> {
        Calendar<GoogleEvent> c = new Calendar<>(id);
        c.setReadOnly(true);
        source.getCalendars().add(c);
        return c;
      });
      style(calendar, infos.get(id), eventColors.get(id));
      calendar.clear();
    }
    List<GoogleEvent> shown = new ArrayList<>();
    for (GoogleEvent event : events) {
      Calendar<GoogleEvent> calendar = byId.get(event.calendarId());
      if (calendar != null && event.start() != null && event.end() != null) {
        calendar.addEntry(entry(event));
        shown.add(event);
      }
    }
    if (!this.events.equals(shown)) {
      this.events.setAll(shown);
    }
  }

  void clear() {
    byId.clear();
    source.getCalendars().clear();
    events.clear();
  }

  Map<String, Calendar<GoogleEvent>> calendars() {
    return byId;
  }

  private static void style(Calendar<GoogleEvent> calendar, GoogleCalendarInfo info, String fallbackColor) {
    if (info != null) {
      calendar.setName(info.summary());
      calendar.setShortName(info.summary());
    }
    String color = info != null && info.colorHex() != null ? info.colorHex() : fallbackColor;
    calendar.setStyle(GoogleStyles.nearest(color));
  }

  private Entry<GoogleEvent> entry(GoogleEvent event) {
    java.time.Instant end = event.end().isAfter(event.start()) ? event.end() : event.start().plusSeconds(60);
    Entry<GoogleEvent> entry = new Entry<>(event.summary() == null ? Messages.get("google.untitled") : event.summary(),
        Intervals.of(event.start(), event.allDay() ? end.minusSeconds(1) : end, zone),
        event.calendarId() + "/" + event.id());
    entry.setFullDay(event.allDay());
    if (event.declined()) {
      entry.getStyleClass().add("google-declined"); // shown dimmed, as Google Calendar does
    }
    entry.setLocation(event.joinLink().map(l -> l.kind().displayName())
        .orElse(event.location() == null ? "" : event.location()));
    entry.setUserObject(event);
    return entry;
  }
}
