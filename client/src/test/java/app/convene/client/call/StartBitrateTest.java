package app.convene.client.call;

import static org.assertj.core.api.Assertions.assertThat;

import app.convene.client.media.MediaEngine;
import app.convene.client.media.MediaOptions;
import dev.onvoid.webrtc.RTCConfiguration;
import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.RTCSessionDescription;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class StartBitrateTest {
  private static final String SDP = String.join("\r\n",
      "v=0",
      "m=audio 9 UDP/TLS/RTP/SAVPF 111",
      "a=rtpmap:111 opus/48000/2",
      "a=fmtp:111 minptime=10;useinbandfec=1",
      "m=video 9 UDP/TLS/RTP/SAVPF 96 97 98",
      "a=rtpmap:96 VP8/90000",
      "a=rtpmap:97 rtx/90000",
      "a=fmtp:97 apt=96",
      "a=rtpmap:98 H264/90000",
      "a=fmtp:98 level-asymmetry-allowed=1;packetization-mode=1",
      "");

  @Test
  void everyVideoCodecAsksForTheStartAndNothingElseChanges() {
    String asked = StartBitrate.ask(SDP);

    assertThat(asked).contains("a=rtpmap:96 VP8/90000\r\na=fmtp:96 x-google-start-bitrate=800\r\n")
        .contains("a=fmtp:98 level-asymmetry-allowed=1;packetization-mode=1;x-google-start-bitrate=800\r\n")
        .contains("a=fmtp:111 minptime=10;useinbandfec=1\r\n") // audio
        .contains("a=fmtp:97 apt=96\r\n"); // retransmission
    assertThat(asked.lines().count()).isEqualTo(SDP.lines().count() + 1);
    assertThat(StartBitrate.ask(asked)).isEqualTo(asked);
  }

  @Test
  void libwebrtcTakesAnOfferWithTheAsk() throws Exception {
    try (MediaEngine media = new MediaEngine(MediaOptions.synthetic(160, 90, 15))) {
      RTCPeerConnection offerer = media.factory().createPeerConnection(new RTCConfiguration(), candidate -> { });
      RTCPeerConnection answerer = media.factory().createPeerConnection(new RTCConfiguration(), candidate -> { });
      try {
        offerer.addTrack(media.cameraTrack(), List.of("s"));
        RTCSessionDescription offer = Rtc.createOffer(offerer, false).get(5, TimeUnit.SECONDS);
        String asked = StartBitrate.ask(offer.sdp);

        assertThat(asked).contains("x-google-start-bitrate=" + StartBitrate.KBPS);
        Rtc.setRemote(answerer, new RTCSessionDescription(offer.sdpType, asked)).get(5, TimeUnit.SECONDS);
        RTCSessionDescription answer = Rtc.createAnswer(answerer).get(5, TimeUnit.SECONDS);
        assertThat(answer.sdp).contains("VP8/90000");
      } finally {
        offerer.close();
        answerer.close();
      }
    }
  }
}
