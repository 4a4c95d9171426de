package app.convene.client.call;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A line the call window shows, as data: a message key and its arguments, which the view-model
 * puts in the user's language. The rules of what the status says in which {@link CallState} live
 * here, without JavaFX.
 */
public record StatusLine(String key, List<String> args) {
  public StatusLine {
    Objects.requireNonNull(key, "key == null");
    args = List.copyOf(args);
  }

  /**
   * The call's status: before the end, who is here (waiting alone in {@code room}, or how many of
   * us, {@code participants} counting ourselves); after it, why it ended.
   */
  public static StatusLine of(CallState state, int participants, String room, CallEnd end) {
    if (state == CallState.ENDED) {
      return ended(Objects.requireNonNull(end, "end == null"));
    }
    return participants <= 1
        ? new StatusLine("call.waiting", List.of(room))
        : new StatusLine("call.participants", List.of(String.valueOf(participants)));
  }

  /**
   * Why the call ended, in the user's words: leaving and each removal have their own sentence; a
   * refusal or a lost connection says so, with the server's or the network's detail.
   */
  public static StatusLine ended(CallEnd end) {
    return switch (end) {
      case CallEnd.Left left -> new StatusLine("call.left", List.of());
      case CallEnd.Removal removal ->
          new StatusLine("call.removed." + removal.reason().name(), List.of());
      case CallEnd.Refused refused -> new StatusLine("call.ended", List.of(refused.message()));
      case CallEnd.Lost lost -> new StatusLine("call.lost", List.of(lost.reason()));
    };
  }

  /** A peer's connection quality (round trip in ms, loss in %), once there is a round trip. */
  public static Optional<StatusLine> quality(PeerStats stats) {
    if (stats.rttMs() < 0) {
      return Optional.empty();
    }
    return Optional.of(new StatusLine("call.quality", List.of(
        String.format(Locale.ROOT, "%.0f", stats.rttMs()),
        String.format(Locale.ROOT, "%.1f", stats.lossPercent()))));
  }
}
