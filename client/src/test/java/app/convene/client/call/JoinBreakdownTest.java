package app.convene.client.call;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JoinBreakdownTest {
  private static final long MS = 1_000_000L;

  @Test
  void marksInTheOrderTheyHappenedInMillisecondsFromTheStartFirstTimeOnly() {
    JoinBreakdown breakdown = new JoinBreakdown(1_000 * MS);
    breakdown.mark("media_engine", 1_180 * MS);
    breakdown.mark("ticket", 1_003 * MS); // told later, happened earlier
    breakdown.step(null, JoinStep.SIGNALING_OPEN, 1_201 * MS);
    breakdown.step("p1", JoinStep.FIRST_FRAME, 1_420 * MS);
    breakdown.step("p1", JoinStep.FIRST_FRAME, 1_900 * MS); // a repeat keeps the first

    assertThat(breakdown.describe()).isEqualTo(
        "ticket 3 ms, media_engine 180 ms, signaling_open 201 ms, first_frame 420 ms");
  }

  @Test
  void aSecondParticipantsStepsAreNotTheJoins() {
    JoinBreakdown breakdown = new JoinBreakdown(0);
    breakdown.step("p1", JoinStep.LINK_CREATED, 10 * MS);
    breakdown.step("p2", JoinStep.LINK_CREATED, 5 * MS);
    breakdown.step("p2", JoinStep.CONNECTED, 50 * MS);
    breakdown.step("p1", JoinStep.CONNECTED, 90 * MS);

    assertThat(breakdown.describe()).isEqualTo("link_created 10 ms, connected 90 ms");
  }
}
