package app.convene.client.call;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SendLadderTest {
  @Test
  void biggerRoomsSendLessPerPeer() {
    SendLadder ladder = new SendLadder();

    assertThat(ladder.quality(2)).isEqualTo(SendQuality.FULL);
    assertThat(ladder.quality(3)).isEqualTo(ladder.quality(4));
    assertThat(ladder.quality(4).scaleDownBy()).isEqualTo(1.5);
    assertThat(ladder.quality(5)).isEqualTo(new SendQuality(2, 15, 150_000));
    assertThat(ladder.quality(6)).isEqualTo(ladder.quality(5));
    assertThat(ladder.quality(7).scaleDownBy()).isEqualTo(4);
    for (int n = 2; n < 8; n++) {
      assertThat(ladder.quality(n + 1).maxBitrate()).isLessThanOrEqualTo(ladder.quality(n).maxBitrate());
    }
  }

  @Test
  void threeStrainedTicksInARowStepDownOneRungAndTenCalmOnesStepBack() {
    SendLadder ladder = new SendLadder();

    assertThat(ladder.observe(true)).isFalse();
    assertThat(ladder.observe(false)).isFalse(); // a calm tick breaks the run
    ladder.observe(true);
    ladder.observe(true);
    assertThat(ladder.observe(true)).isTrue();
    assertThat(ladder.quality(2)).isEqualTo(SendLadder.RUNGS.get(1));
    assertThat(ladder.quality(5)).isEqualTo(SendLadder.RUNGS.get(3));

    for (int i = 0; i < 9; i++) {
      assertThat(ladder.observe(false)).isFalse();
    }
    assertThat(ladder.observe(false)).isTrue();
    assertThat(ladder.quality(2)).isEqualTo(SendQuality.FULL);
  }

  @Test
  void pressureStopsTwoRungsDownAndAtTheLastRung() {
    SendLadder ladder = new SendLadder();
    for (int i = 0; i < 30; i++) {
      ladder.observe(true);
    }

    assertThat(ladder.pressure()).isEqualTo(2);
    assertThat(ladder.quality(2)).isEqualTo(SendLadder.RUNGS.get(2));
    assertThat(ladder.quality(6)).isEqualTo(SendLadder.RUNGS.getLast());
  }

  @Test
  void cpuLimitOrLossReportedByThePeerIsStrainButOurOwnBitrateCapIsNot() {
    assertThat(SendLadder.strained(stats("cpu", 0))).isTrue();
    assertThat(SendLadder.strained(stats("none", 8))).isTrue();
    assertThat(SendLadder.strained(stats("bandwidth", 1))).isFalse();
    assertThat(SendLadder.strained(stats("none", 0))).isFalse();
  }

  private static PeerStats stats(String limitation, double loss) {
    return new PeerStats("p-1", "P", "CONNECTED", false, 10, 320, 180, 100, 1, 100, 0, 10, 320,
        180, limitation, loss, 15, new PeerStats.MediaGaps(0, 0), "host");
  }
}
