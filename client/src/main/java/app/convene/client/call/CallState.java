package app.convene.client.call;

/**
 * Where a call is. It moves only forward along these edges, and ends once:
 *
 * <pre>
 * CONNECTING ──joined──▶ CONNECTED ──socket dropped──▶ RECONNECTING ──joined again──▶ CONNECTED
 *      └──────────────┴──────────── end (a {@link CallEnd}) ─────────┴──────────▶ ENDED
 * </pre>
 *
 * <p>While {@link #RECONNECTING} only the signaling socket is away: the peer connections and their
 * media go on. {@link #ENDED} is final; commands given after it do nothing.
 */
public enum CallState {
  /** Opening the signaling socket and asking the server to admit us. */
  CONNECTING,
  /** In the room: peers come and go, media flows. */
  CONNECTED,
  /** The signaling socket dropped; the session comes back with backoff, media goes on. */
  RECONNECTING,
  /** Over, for the {@link CallEnd} the session reported once. */
  ENDED
}
