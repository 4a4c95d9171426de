package app.convene.client.notify;

import app.convene.client.i18n.Messages;
import java.awt.AWTException;
import java.awt.EventQueue;
import java.awt.Image;
import java.awt.MenuItem;
import java.awt.PopupMenu;
import java.awt.SystemTray;
import java.awt.TrayIcon;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The app's icon in the desktop's system tray (AWT's {@link SystemTray}), with a menu: open the
 * window, join one of the next meetings, quit. A click on the icon opens the window.
 *
 * <p>Threads: AWT objects are touched on AWT's event thread only; the public methods may be
 * called from any thread. The actions run on the executor given to {@link #install} (the FX
 * thread in the app).
 */
public final class TrayHost implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(TrayHost.class);

  /** What the menu does; called on the executor given to {@link #install}. */
  public interface Actions {
    void open();

    void join(UpcomingMeeting meeting);

    void quit();
  }

  private final TrayIcon icon;
  private final Actions actions;
  private final Executor fx;
  private final ZoneId zone;

  private TrayHost(TrayIcon icon, Actions actions, Executor fx, ZoneId zone) {
    this.zone = zone;
    this.icon = icon;
    this.actions = actions;
    this.fx = fx;
  }

  /**
   * Puts the icon into the tray.
   *
   * @return the tray icon, or empty when this desktop has no system tray (or refuses the icon)
   */
  public static CompletableFuture<Optional<TrayHost>> install(Actions actions, Executor fx,
      ZoneId zone) {
    Objects.requireNonNull(zone, "zone == null");
    Objects.requireNonNull(actions, "actions == null");
    Objects.requireNonNull(fx, "fx == null");
    CompletableFuture<Optional<TrayHost>> result = new CompletableFuture<>();
    if (java.awt.GraphicsEnvironment.isHeadless()) {
      result.complete(Optional.empty());
      return result;
    }
    EventQueue.invokeLater(() -> {
      try {
        if (!SystemTray.isSupported()) {
          result.complete(Optional.empty());
          return;
        }
        boolean mac = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT)
            .startsWith("mac");
        if (mac) {
          // macOS's tray peer (sun.lwawt.macosx.CTrayIcon) reads this once, when the first tray
          // icon is made, and then marks every tray image as a template (TrayIcon's Javadoc).
          System.setProperty("apple.awt.enableTemplateImages", "true");
        }
        TrayIcon icon = new TrayIcon((Image) TrayIconImages.create(mac), Messages.get("tray.tooltip"));
        icon.setImageAutoSize(true);
        TrayHost host = new TrayHost(icon, actions, fx, zone);
        icon.addActionListener(e -> fx.execute(actions::open));
        host.rebuild(List.of());
        SystemTray.getSystemTray().add(icon);
        result.complete(Optional.of(host));
      } catch (AWTException | RuntimeException e) {
        log.warn("no tray icon: {}", e.toString());
        result.complete(Optional.empty());
      }
    });
    return result;
  }

  /** Lists these meetings in the menu, each with a Join item. */
  public void showMeetings(List<UpcomingMeeting> next) {
    List<UpcomingMeeting> copy = List.copyOf(next);
    EventQueue.invokeLater(() -> rebuild(copy));
  }

  /** The menu's labels, top to bottom (for support and tests). AWT thread or any, read-only. */
  public List<String> menuLabels() {
    PopupMenu menu = icon.getPopupMenu();
    java.util.ArrayList<String> labels = new java.util.ArrayList<>();
    for (int i = 0; i < menu.getItemCount(); i++) {
      labels.add(menu.getItem(i).getLabel());
    }
    return labels;
  }

  /** Clicks the menu item with this label, as the user would; false if there is none. */
  public boolean click(String label) {
    PopupMenu menu = icon.getPopupMenu();
    for (int i = 0; i < menu.getItemCount(); i++) {
      MenuItem item = menu.getItem(i);
      if (label.equals(item.getLabel()) && item.isEnabled()) {
        for (var listener : item.getActionListeners()) {
          listener.actionPerformed(new java.awt.event.ActionEvent(item,
              java.awt.event.ActionEvent.ACTION_PERFORMED, item.getActionCommand()));
        }
        return true;
      }
    }
    return false;
  }

  /** The label of a meeting's Join item, its time in {@code zone}. */
  public static String joinLabel(UpcomingMeeting meeting, ZoneId zone) {
    DateTimeFormatter time = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT)
        .withLocale(Messages.locale()).withZone(zone);
    return Messages.format("tray.join", time.format(meeting.start()), meeting.title());
  }

  private void rebuild(List<UpcomingMeeting> next) {
    PopupMenu menu = new PopupMenu();
    menu.add(item(Messages.get("tray.open"), actions::open));
    menu.addSeparator();
    if (next.isEmpty()) {
      MenuItem none = new MenuItem(Messages.get("tray.noMeetings"));
      none.setEnabled(false);
      menu.add(none);
    }
    for (UpcomingMeeting meeting : next) {
      menu.add(item(joinLabel(meeting, zone), () -> actions.join(meeting)));
    }
    menu.addSeparator();
    menu.add(item(Messages.get("tray.quit"), actions::quit));
    icon.setPopupMenu(menu);
  }

  private MenuItem item(String label, Runnable action) {
    MenuItem item = new MenuItem(label);
    item.addActionListener(e -> fx.execute(action));
    return item;
  }

  /** Takes the icon out of the tray. */
  @Override
  public void close() {
    EventQueue.invokeLater(() -> SystemTray.getSystemTray().remove(icon));
  }
}
