package app.convene.client.calendar;

import app.convene.client.i18n.Messages;
import app.convene.protocol.api.EventView;
import app.convene.protocol.api.OccurrenceView;
import app.convene.protocol.api.ServiceKind;
import com.calendarfx.model.Calendar;
import com.calendarfx.model.CalendarSource;
import com.calendarfx.model.Entry;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * Our meetings as CalendarFX sees them: a read-only calendar for native meetings and one for
 * Google Meet ones, in one source, each occurrence an entry in the calendar's zone. FX thread.
 */
final class MeetingEntries {
  private final ZoneId zone;
  private final Calendar<OccurrenceView> nativeCalendar = new Calendar<>(Messages.get("calendar.native"));
  private final Calendar<OccurrenceView> meetCalendar = new Calendar<>(Messages.get("calendar.meet"));
  private final CalendarSource source = new CalendarSource(Messages.get("calendar.source"));

  MeetingEntries(ZoneId zone) {
    this.zone = Objects.requireNonNull(zone, "zone == null");
    nativeCalendar.setStyle(Calendar.Style.STYLE1);
    meetCalendar.setStyle(Calendar.Style.STYLE2);
    nativeCalendar.setReadOnly(true);
    meetCalendar.setReadOnly(true);
    source.getCalendars().addAll(nativeCalendar, meetCalendar);
  }

  CalendarSource source() {
    return source;
  }

  List<Calendar<OccurrenceView>> calendars() {
    return List.of(nativeCalendar, meetCalendar);
  }

  /** Replaces the shown meetings with these. */
  void show(List<OccurrenceView> occurrences) {
    nativeCalendar.clear();
    meetCalendar.clear();
    for (OccurrenceView occurrence : occurrences) {
      Entry<OccurrenceView> entry = entry(occurrence);
      (occurrence.event().service() == ServiceKind.GOOGLE_MEET ? meetCalendar : nativeCalendar)
          .addEntry(entry);
    }
  }

  private Entry<OccurrenceView> entry(OccurrenceView occurrence) {
    EventView event = occurrence.event();
    Entry<OccurrenceView> entry = new Entry<>(event.title(),
        Intervals.of(occurrence.start(), occurrence.end(), zone),
        event.id() + "@" + occurrence.start().toEpochMilli());
    entry.setLocation(event.service() == ServiceKind.NATIVE ? Messages.get("service.NATIVE")
        : event.meetLink() != null ? event.meetLink() : Messages.get("service.GOOGLE_MEET"));
    entry.setUserObject(occurrence);
    return entry;
  }
}
