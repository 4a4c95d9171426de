package app.convene.client.signaling;

import app.convene.protocol.SignalMessage;

/** Receives what arrives on a signaling connection. Called on the client's delivery executor. */
public interface SignalingListener {
  /** A well-formed message from the server. */
  void onMessage(SignalMessage message);

  /**
   * The connection ended, by either side or by a network failure; no more messages follow.
   *
   * @param reason a human-readable reason, never {@code null}
   */
  void onClosed(String reason);
}
