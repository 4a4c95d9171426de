package app.convene.client.headless;

import static org.assertj.core.api.Assertions.assertThat;

import app.convene.client.call.PeerStats;
import app.convene.client.call.PeerStats.MediaGaps;
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

  @Test
  void eachPeerKeepsItsJsonNamesFromTheOneRecordOfFigures() {
    HeadlessSummary summary = new HeadlessSummary(true, "r", "p-1", 13_000,
        new HeadlessSummary.Sent("Test pattern", 320, 180, 390),
        new HeadlessSummary.Reconnections(0, List.of(), false),
        List.of(left(peer("CONNECTED", 120))), null);

    assertThat(HeadlessParticipant.toJson(summary))
        .contains("\"peerId\":\"p-2\"", "\"name\":\"Anna\"", "\"left\":true",
            "\"framesDecoded\":300", "\"rttMs\":0.5", "\"lossPercent\":0.0",
            "\"sendLimitation\":\"none\"", "\"decodedFps\":30.0", "\"route\":\"host\"");
  }

  private static PeerStats peer(String state, long longestGapMs) {
    return new PeerStats("p-2", "Anna", state, false, 300, 320, 180, 500, 0.5, 900, 0, 300, 320,
        180, "none", 0, 30.0, new MediaGaps(longestGapMs, longestGapMs > 500 ? 1 : 0), "host");
  }

  private static PeerStats left(PeerStats p) {
    return p.departed();
  }
}
