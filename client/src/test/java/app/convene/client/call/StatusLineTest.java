package app.convene.client.call;

import static org.assertj.core.api.Assertions.assertThat;

import app.convene.protocol.Removed;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the call window's status says in which state, as keys and arguments. */
class StatusLineTest {
  @Test
  void aloneTheCallWaitsForOthersInItsRoom() {
    assertThat(StatusLine.of(CallState.CONNECTING, 1, "Design review", null))
        .isEqualTo(new StatusLine("call.waiting", List.of("Design review")));
    assertThat(StatusLine.of(CallState.RECONNECTING, 1, "Design review", null).key())
        .isEqualTo("call.waiting");
  }

  @Test
  void withOthersItCountsEveryoneInTheCall() {
    assertThat(StatusLine.of(CallState.CONNECTED, 3, "Design review", null))
        .isEqualTo(new StatusLine("call.participants", List.of("3")));
  }

  @Test
  void aRemovalSaysItsOwnReasonAndOtherEndsSayTheirs() {
    assertThat(StatusLine.of(CallState.ENDED, 2, "Design review",
        new CallEnd.Removal(Removed.Reason.ENDED_BY_HOST)))
        .isEqualTo(new StatusLine("call.removed.ENDED_BY_HOST", List.of()));
    assertThat(StatusLine.of(CallState.ENDED, 2, "Design review", new CallEnd.Left()))
        .isEqualTo(new StatusLine("call.left", List.of()));
    assertThat(StatusLine.ended(new CallEnd.Lost("connection reset")))
        .isEqualTo(new StatusLine("call.lost", List.of("connection reset")));
    assertThat(StatusLine.ended(new CallEnd.Refused("the room is gone")))
        .isEqualTo(new StatusLine("call.ended", List.of("the room is gone")));
  }

  @Test
  void everyRemovalHasItsEnglishSentence() {
    assertThat(List.of(Removed.Reason.values()).stream()
        .map(reason -> new CallEnd.Removal(reason).describe()))
        .containsExactly("the host removed you from the call",
            "the host ended the meeting for everyone",
            "you were removed from the meeting's attendees", "the meeting was cancelled");
  }

  @Test
  void qualityShowsOnceThereIsARoundTrip() {
    assertThat(StatusLine.quality(stats(-1, 0, 0))).isEmpty();
    assertThat(StatusLine.quality(stats(42.4, 990, 10)))
        .contains(new StatusLine("call.quality", List.of("42", "1.0")));
  }

  private static PeerStats stats(double rttMs, long received, long lost) {
    return new PeerStats("p-1", "Boris", "CONNECTED", false, 0, 0, 0, -1, rttMs, received, lost,
        0, 0, 0, "none", 0, 0, new PeerStats.MediaGaps(0, 0), "host");
  }
}
