package app.convene.client.call;

import static org.assertj.core.api.Assertions.assertThat;

import app.convene.protocol.View;
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

  @Test
  void aPeersTileHalvesTheRungWhileThePictureStillCoversItAndAHiddenTileStopsTheVideo() {
    SendQuality full = SendQuality.FULL;

    assertThat(full.forView(null, 640, 360)).as("the peer said nothing").isEqualTo(full);
    assertThat(full.forView(new View("p", 320, 180), 0, 0)).as("our size unknown").isEqualTo(full);
    // 640×360 into 480×270: half would be smaller than the tile.
    assertThat(full.forView(new View("p", 480, 270), 640, 360)).isEqualTo(full);
    assertThat(full.forView(new View("p", 320, 180), 640, 360).scaleDownBy()).isEqualTo(2);
    assertThat(full.forView(new View("p", 200, 112), 640, 360).scaleDownBy()).isEqualTo(2);
    assertThat(full.forView(new View("p", 160, 90), 640, 360).scaleDownBy()).isEqualTo(4);
    // A tall, narrow tile: the width decides (the picture keeps its shape).
    assertThat(full.forView(new View("p", 320, 1000), 640, 360).scaleDownBy()).isEqualTo(2);
    assertThat(full.forView(new View("p", 1920, 1080), 640, 360)).isEqualTo(full);
    assertThat(full.forView(new View("p", 1, 1), 3840, 2160).scaleDownBy())
        .isEqualTo(SendQuality.MAX_VIEW_SCALE);
    // The room's rung already sends less than the tile needs: it stays.
    SendQuality five = SendLadder.RUNGS.get(2);
    assertThat(five.forView(new View("p", 320, 180), 640, 360)).isEqualTo(five);
    // Frame rate and bitrate are the rung's; a hidden tile keeps them and stops the video.
    SendQuality hidden = five.forView(View.hidden("p"), 640, 360);
    assertThat(hidden.active()).isFalse();
    assertThat(hidden.maxFramerate()).isEqualTo(five.maxFramerate());
    assertThat(full.forView(new View("p", 320, 180), 640, 360).maxBitrate())
        .isEqualTo(full.maxBitrate());
  }

  private static PeerStats stats(String limitation, double loss) {
    return new PeerStats("p-1", "P", "CONNECTED", false, 10, 320, 180, 100, 1, 100, 0, 10, 320,
        180, limitation, loss, 15, new PeerStats.MediaGaps(0, 0), "host");
  }
}
