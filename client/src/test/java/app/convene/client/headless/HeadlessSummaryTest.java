package app.convene.client.headless;

import static org.assertj.core.api.Assertions.assertThat;

import app.convene.client.headless.HeadlessSummary.MediaGaps;
import app.convene.client.headless.HeadlessSummary.PeerSummary;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeadlessSummaryTest {
  @Test
  void videoThatStoppedForMoreThanTwoSecondsIsTrouble() {
    assertThat(HeadlessSummary.troubled(List.of(peer("CONNECTED", 1_999)))).isFalse();
    assertThat(HeadlessSummary.troubled(List.of(peer("CONNECTED", 2_001)))).isTrue();
  }

  @Test
  void aKnownPeerThatEndedUpNotConnectedIsTrouble() {
    assertThat(HeadlessSummary.troubled(List.of(peer("CONNECTED", 40), peer("FAILED", 40))))
        .isTrue();
    assertThat(HeadlessSummary.troubled(List.of(peer("DISCONNECTED", 40)))).isTrue();
  }

  @Test
  void aPeerThatLeftTheRoomIsNotTrouble() {
    assertThat(HeadlessSummary.troubled(List.of(peer("CONNECTED", 40), left(peer("DISCONNECTED", 40)))))
        .isFalse();
  }

  @Test
  void summaryJsonCarriesReconnectionsAndMediaGaps() {
    HeadlessSummary summary = new HeadlessSummary(true, "r", "p-1", 13_000,
        new HeadlessSummary.Sent("Test pattern", 320, 180, 390),
        new HeadlessSummary.Reconnections(1, List.of(4_290L), false),
        List.of(peer("CONNECTED", 120)), null);

    assertThat(HeadlessParticipant.toJson(summary))
        .contains("\"reconnections\":{\"count\":1,\"backMs\":[4290],\"pending\":false}")
        .contains("\"mediaGaps\":{\"longestMs\":120,\"over500ms\":0}");
  }

  private static PeerSummary peer(String state, long longestGapMs) {
    return new PeerSummary("p-2", "Anna", state, false, 300, 320, 180, 500, 0.5, 900, 0, 0, 300, 320, 180,
        "none", 30.0,
        new MediaGaps(longestGapMs, longestGapMs > 500 ? 1 : 0), "host");
  }

  private static PeerSummary left(PeerSummary p) {
    return new PeerSummary(p.peerId(), p.name(), p.state(), true, p.framesDecoded(), p.width(),
        p.height(), p.firstFrameMs(), p.rttMs(), p.packetsReceived(), p.packetsLost(),
        p.lossPercent(), p.framesSent(), p.sentWidth(), p.sentHeight(), p.sendLimitation(),
        p.decodedFps(), p.mediaGaps(), p.route());
  }
}
