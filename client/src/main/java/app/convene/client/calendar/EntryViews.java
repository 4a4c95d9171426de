package app.convene.client.calendar;

import app.convene.client.i18n.Messages;
import com.calendarfx.model.Entry;
import com.calendarfx.view.DayEntryView;
import com.calendarfx.view.WeekDayView;
import com.calendarfx.view.WeekView;
import com.calendarfx.view.page.DayPage;
import com.calendarfx.view.page.WeekPage;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.scene.control.Tooltip;
import javafx.util.Callback;

/**
 * The day and week views' entries: every meeting says its title and times in a tooltip, and a
 * meeting shorter than {@link #SHORT} is drawn compact (one line, no time, less padding: {@link #SHORT_STYLE}), so a
 * 15-minute stand-up reads "Daily standup" instead of a cut-off stub. FX thread.
 */
final class EntryViews {
  /** Meetings shorter than this get the compact style . */
  static final Duration SHORT = Duration.ofMinutes(30);

  /** How convene.css styles a short meeting: {@code .day-entry-view:short-entry}. */
  static final PseudoClass SHORT_STYLE = PseudoClass.getPseudoClass("short-entry");

  private EntryViews() {}

  /**
   * Makes the day page's entries with {@link #create}, its background drawn only when used
   * ({@link DayBackgrounds}); before the page is first laid out.
   */
  static void install(DayPage page) {
    page.getDetailedDayView().getDayView().setEntryViewFactory(EntryViews::create);
    DayBackgrounds.hideWhileEmpty(page.getDetailedDayView().getDayView());
  }

  /** Like {@link #install(DayPage)}, for each day of the week page. */
  static void install(WeekPage page) {
    WeekView week = page.getDetailedWeekView().getWeekView();
    Callback<WeekView.WeekDayParameter, WeekDayView> days = week.getWeekDayViewFactory();
    week.setWeekDayViewFactory(parameter -> {
      WeekDayView day = days.call(parameter);
      day.setEntryViewFactory(EntryViews::create);
      DayBackgrounds.hideWhileEmpty(day);
      return day;
    });
  }

  /** An entry's view with its tooltip, compact while the meeting is short. */
  static DayEntryView create(Entry<?> entry) {
    DayEntryView view = new DayEntryView(entry);
    Tooltip tip = new Tooltip();
    tip.textProperty().bind(Bindings.createStringBinding(() -> describe(entry),
        entry.titleProperty(), entry.intervalProperty()));
    Tooltip.install(view, tip);
    // A pseudo-class: CalendarFX sets the entry's style classes from its calendar's style.
    Runnable restyle = () -> view.pseudoClassStateChanged(SHORT_STYLE,
        !entry.isFullDay() && entry.getDuration().compareTo(SHORT) < 0);
    entry.intervalProperty().addListener((o, was, now) -> restyle.run());
    restyle.run();
    return view;
  }

  /** "Daily standup" and "09:30 – 09:45" in the app's language and its way of writing times. */
  static String describe(Entry<?> entry) {
    DateTimeFormatter time = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT)
        .withLocale(Messages.locale());
    return entry.isFullDay() ? entry.getTitle()
        : Messages.format("calendar.entryTimes", entry.getTitle(),
            time.format(entry.getStartTime()), time.format(entry.getEndTime()));
  }
}
