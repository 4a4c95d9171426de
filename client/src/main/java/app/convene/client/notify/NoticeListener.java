package app.convene.client.notify;

import app.convene.protocol.Notice;

/** Receives what a {@link NoticeFeed} hears. Called on the feed's delivery executor. */
public interface NoticeListener {
  /**
   * A notice from the server. The same {@link Notice#id()} may arrive twice (two sockets, a server
   * restart): show it once.
   */
  void onNotice(Notice notice);

  /**
   * The feed's socket opened ({@code connected}) or ended, e.g. to show "offline" in the tray.
   *
   * @param detail why it ended, or the server's address when it opened; for people
   */
  default void onConnectionChanged(boolean connected, String detail) {}
}
