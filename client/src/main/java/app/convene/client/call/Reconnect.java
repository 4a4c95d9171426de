package app.convene.client.call;

import app.convene.client.signaling.Backoff;
import java.time.Duration;
import java.util.Objects;

/**
 * How a call comes back after its signaling socket dropped.
 *
 * @param tokens a fresh access token for each new socket
 * @param backoff the delays between attempts; the session tries for as long as the call lasts
 * @param absentPeerGrace after coming back into a room that the server rebuilt (it restarted),
 *     how long a peer that is not back yet may stay without a working connection before it counts
 *     as gone
 * @param disconnectedRestart how long a link may stay ICE-disconnected before an ICE restart
 */
public record Reconnect(
    TokenSource tokens, Backoff backoff, Duration absentPeerGrace, Duration disconnectedRestart) {
  public Reconnect {
    Objects.requireNonNull(tokens, "tokens == null");
    Objects.requireNonNull(backoff, "backoff == null");
    Objects.requireNonNull(absentPeerGrace, "absentPeerGrace == null");
    Objects.requireNonNull(disconnectedRestart, "disconnectedRestart == null");
  }

  /** {@link Backoff#DEFAULT}, 30 s for absent peers, ICE restart after 5 s disconnected. */
  public static Reconnect withTokens(TokenSource tokens) {
    return new Reconnect(tokens, Backoff.DEFAULT, Duration.ofSeconds(30), Duration.ofSeconds(5));
  }
}
