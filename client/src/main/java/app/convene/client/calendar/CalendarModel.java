package app.convene.client.calendar;

import app.convene.client.api.ApiException;
import app.convene.client.i18n.Failures;
import app.convene.client.i18n.Messages;
import app.convene.protocol.api.EventView;
import app.convene.protocol.api.OccurrenceView;
import app.convene.protocol.api.ServiceKind;
import com.calendarfx.model.Calendar;
import com.calendarfx.model.CalendarSource;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The calendar pane's state: the CalendarFX calendars filled with our meetings ({@link
 * MeetingEntries}), whether they came from the offline cache, and the commands (refresh, schedule,
 * edit, cancel, join). FX thread; I/O runs on the {@code background} executor and its results
 * come back through {@code fx}.
 */
public final class CalendarModel {
  private static final Logger log = LoggerFactory.getLogger(CalendarModel.class);
  private static final long DAYS_BEFORE = 35;
  private static final long DAYS_AFTER = 120;

  private final CalendarService service;
  private final Week week;
  private final Executor background;
  private final Executor fx;
  private final Consumer<OccurrenceView> onJoin;
  private final String userId;
  private final MeetingEntries entries;
  private final BooleanProperty offline = new SimpleBooleanProperty(this, "offline");
  private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
  private final StringProperty status = new SimpleStringProperty(this, "status", "");
  private final ObjectProperty<ServiceKind> preferredService =
      new SimpleObjectProperty<>(this, "preferredService", ServiceKind.NATIVE);
  private final List<java.util.function.Consumer<CalendarService.Listing>> shownListeners =
      new java.util.ArrayList<>();
  private LocalDate loadedFrom;
  private LocalDate loadedTo;

  /**
   * @param week the user's week, with the clock and the zone the calendar shows
   * @param onJoin called on the FX thread when the user joins a native meeting
   */
  public CalendarModel(CalendarService service, Week week, String userId, Executor background,
      Executor fx, Consumer<OccurrenceView> onJoin) {
    this.service = Objects.requireNonNull(service, "service == null");
    this.week = Objects.requireNonNull(week, "week == null");
    this.userId = Objects.requireNonNull(userId, "userId == null");
    this.background = Objects.requireNonNull(background, "background == null");
    this.fx = Objects.requireNonNull(fx, "fx == null");
    this.onJoin = Objects.requireNonNull(onJoin, "onJoin == null");
    this.entries = new MeetingEntries(week.zone());
  }

  /** The user's week, the clock and the zone the calendar shows. */
  public Week week() {
    return week;
  }

  public CalendarSource source() {
    return entries.source();
  }

  /** Whether the shown meetings come from the local cache because the server is unreachable. */
  public BooleanProperty offlineProperty() {
    return offline;
  }

  public BooleanProperty busyProperty() {
    return busy;
  }

  public StringProperty statusProperty() {
    return status;
  }

  public ObjectProperty<ServiceKind> preferredServiceProperty() {
    return preferredService;
  }

  /** Called on the FX thread after each listing of meetings is put into the calendar. */
  public void onShown(java.util.function.Consumer<CalendarService.Listing> listener) {
    shownListeners.add(Objects.requireNonNull(listener, "listener == null"));
  }

  /** Loads the remembered service choice. */
  public void loadPreferences() {
    service.serverReady().thenApplyAsync(v -> service.preferredService(), background)
        .thenAcceptAsync(preferredService::set, fx);
  }

  /** Loads the meetings around {@code date} unless they are loaded already. */
  public void ensureLoaded(LocalDate date) {
    if (loadedFrom == null || date.isBefore(loadedFrom.plusDays(7)) || date.isAfter(loadedTo.minusDays(42))) {
      refresh(date);
    }
  }

  /** Reloads the meetings around {@code date} from the server (or the cache when offline). */
  public CompletableFuture<Void> refresh(LocalDate date) {
    LocalDate from = date.minusDays(DAYS_BEFORE);
    LocalDate to = date.plusDays(DAYS_AFTER);
    ZoneId zone = week.zone();
    Instant start = from.atStartOfDay(zone).toInstant();
    Instant end = to.atStartOfDay(zone).toInstant();
    busy.set(true);
    return inBackground(() -> service.list(start, end))
        .handleAsync((listing, e) -> {
          busy.set(false);
          if (e != null) {
            status.set(Messages.format("calendar.error", Failures.rootMessage(e)));
            return null;
          }
          loadedFrom = from;
          loadedTo = to;
          if (listing.early()) { // the app's server is starting: ask it once it is up
            service.serverReady().thenRunAsync(() -> refresh(date), fx);
          }
          try {
            show(listing);
            List.copyOf(shownListeners).forEach(l -> l.accept(listing));
          } catch (RuntimeException failure) {
            log.error("cannot show the meetings", failure);
            status.set(Messages.format("calendar.error", Failures.rootMessage(failure)));
          }
          return null;
        }, fx);
  }

  /** A blocking call to the server. */
  private interface ApiCall<T> {
    T call() throws ApiException;
  }

  /** Runs {@code call} on the background executor; an {@link ApiException} fails the future. */
  private <T> CompletableFuture<T> inBackground(ApiCall<T> call) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        return call.call();
      } catch (ApiException e) {
        throw new java.util.concurrent.CompletionException(e);
      }
    }, background);
  }

  private void show(CalendarService.Listing listing) {
    entries.show(listing.occurrences());
    offline.set(listing.offline());
    if (listing.offline()) {
      String when = listing.fetchedAt().equals(Instant.EPOCH) ? Messages.get("calendar.never")
          : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(Messages.locale())
              .format(LocalDateTime.ofInstant(listing.fetchedAt(), week.zone()));
      status.set(Messages.format("calendar.offline", when));
    } else {
      status.set(Messages.format("calendar.count", listing.occurrences().size()));
    }
  }

  /** Joins a native meeting's call (its {@link JoinTarget} is a room); FX thread. */
  public void join(OccurrenceView occurrence) {
    onJoin.accept(occurrence);
  }

  /** A meeting with no room and no link was asked to join: the status line says why. */
  public void noWayToJoin() {
    status.set(Messages.get("calendar.meetLater"));
  }

  /**
   * The meeting's invite link, read from the server (only the room's host gets its invite token);
   * completes on the FX thread, with the status line saying what was copied or why nothing was.
   */
  public CompletableFuture<java.util.Optional<String>> inviteLink(OccurrenceView occurrence) {
    String roomId = occurrence.event().roomId();
    if (roomId == null) {
      return CompletableFuture.completedFuture(java.util.Optional.empty());
    }
    return inBackground(() -> java.util.Optional.ofNullable(service.api().room(roomId).inviteToken())
        .map(token -> new app.convene.client.call.InviteLink(roomId, token).toString())).handleAsync((link, e) -> {
      if (e != null) {
        status.set(Messages.format("calendar.error", Failures.rootMessage(e)));
        return java.util.Optional.<String>empty();
      }
      status.set(Messages.get(link.isPresent() ? "calendar.inviteCopied" : "calendar.inviteHostOnly"));
      return link;
    }, fx);
  }

  /** Says that the room id was copied; FX thread. */
  public void roomIdCopied() {
    status.set(Messages.get("calendar.roomIdCopied"));
  }

  public boolean isOwner(OccurrenceView occurrence) {
    return occurrence.event().owner() != null && userId.equals(occurrence.event().owner().id());
  }

  /** Sends a new meeting or an edit; on success reloads, on failure completes exceptionally. */
  public CompletableFuture<Void> save(ScheduleModel form, ScheduleDialog.Result result) {
    busy.set(true);
    return this.<Void>inBackground(() -> {
      if (form.eventId() == null) {
        service.schedule(result.request());
      } else {
        service.update(form.eventId(), result.request());
      }
      if (result.rememberService()) {
        service.rememberService(result.request().service());
      }
      return null;
    }).whenCompleteAsync((v, e) -> {
      busy.set(false);
      if (e == null) {
        if (result.rememberService()) {
          preferredService.set(result.request().service());
        }
        int invited = result.request().attendees() == null ? 0
            : result.request().attendees().size();
        String done = form.eventId() == null ? "calendar.scheduled" : "calendar.updated";
        status.set(invited == 0 ? Messages.get(done)
            : Messages.format(done + "Invited", invited));
        refresh(result.request().start().atZone(week.zone()).toLocalDate());
      }
    }, fx);
  }

  /** Remembers {@code kind} as the default service (on the server, in the background). */
  public void rememberService(ServiceKind kind) {
    preferredService.set(kind);
    inBackground(() -> {
      service.rememberService(kind);
      return null;
    }).whenCompleteAsync((v, e) -> {
      if (e != null) {
        status.set(Messages.format("calendar.error", Failures.rootMessage(e)));
      }
    }, fx);
  }

  public CompletableFuture<Void> cancel(OccurrenceView occurrence) {
    return this.<Void>inBackground(() -> {
      service.cancel(occurrence.event().id());
      return null;
    }).whenCompleteAsync((v, e) -> {
      if (e != null) {
        status.set(Messages.format("calendar.error", Failures.rootMessage(e)));
      } else {
        status.set(Messages.get("calendar.cancelled"));
        refresh(occurrence.start().atZone(week.zone()).toLocalDate());
      }
    }, fx);
  }

  /** The meeting to edit, fetched fresh (the list may be older than the last change). */
  public CompletableFuture<EventView> fetch(String eventId) {
    return inBackground(() -> service.api().event(eventId));
  }

  public List<Calendar<OccurrenceView>> calendars() {
    return entries.calendars();
  }
}
