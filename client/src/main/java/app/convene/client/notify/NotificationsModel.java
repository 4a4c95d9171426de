package app.convene.client.notify;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The notification centre's state: the history, newest first, and how many entries are unread.
 * Every change is written to the user's history file.
 *
 * <p>Threads: the FX thread for every method and property. The file is read and written on the
 * {@code io} executor, which must run tasks one at a time in order.
 */
public final class NotificationsModel {
  private final NotificationLog log;
  private final Executor io;
  private final ObservableList<NotificationEntry> entries = FXCollections.observableArrayList();
  private final ObservableList<NotificationEntry> readOnly = FXCollections.unmodifiableObservableList(entries);
  private final ReadOnlyIntegerWrapper unread = new ReadOnlyIntegerWrapper(this, "unread");

  /**
   * Reads the history in the background; entries added before it arrives are kept, unless the
   * history has one with the same id.
   *
   * @param fx where the loaded history is handed back (the FX thread)
   */
  public NotificationsModel(Path file, Executor io, Executor fx) {
    this.log = new NotificationLog(file);
    this.io = Objects.requireNonNull(io, "io == null");
    Objects.requireNonNull(fx, "fx == null");
    io.execute(() -> {
      List<NotificationEntry> stored = log.load();
      fx.execute(() -> {
        boolean addedMeanwhile = !entries.isEmpty();
        // What the history has already stays as it was (read stays read): an entry added again
        // before the history arrived (each start's "no system tray") is not news.
        java.util.Set<String> known = new java.util.HashSet<>();
        stored.forEach(e -> known.add(e.id()));
        List<NotificationEntry> merged = new java.util.ArrayList<>(stored);
        entries.stream().filter(e -> !known.contains(e.id())).forEach(merged::add);
        replace(NotificationLog.normalise(merged));
        if (addedMeanwhile) {
          save(); // the saves queued before the history arrived lacked it
        }
      });
    });
  }

  public ObservableList<NotificationEntry> entries() {
    return readOnly;
  }

  public ReadOnlyIntegerProperty unreadProperty() {
    return unread.getReadOnlyProperty();
  }

  /** Whether an entry with this id is in the history. */
  public boolean contains(String id) {
    return entries.stream().anyMatch(e -> e.id().equals(id));
  }

  /**
   * Adds an entry unless one with its id is there already.
   *
   * @return whether it was added
   */
  public boolean add(NotificationEntry entry) {
    Objects.requireNonNull(entry, "entry == null");
    if (contains(entry.id())) {
      return false;
    }
    List<NotificationEntry> next = new java.util.ArrayList<>(entries);
    next.add(entry);
    replace(NotificationLog.normalise(next));
    save();
    return true;
  }

  /** The user has seen the list. */
  public void markAllRead() {
    if (unread.get() == 0) {
      return;
    }
    replace(entries.stream().map(NotificationEntry::asRead).toList());
    save();
  }

  /** Empties the history. */
  public void clear() {
    replace(List.of());
    save();
  }

  private void replace(List<NotificationEntry> next) {
    entries.setAll(next);
    unread.set((int) next.stream().filter(e -> !e.read()).count());
  }

  private void save() {
    List<NotificationEntry> snapshot = List.copyOf(entries);
    io.execute(() -> log.save(snapshot));
  }
}
