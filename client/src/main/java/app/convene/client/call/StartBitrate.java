package app.convene.client.call;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The video bitrate a peer starts sending at, asked for in the descriptions we send: {@code
 * x-google-start-bitrate} (kbit/s) on every video codec, which libwebrtc, and Chromium, read from
 * the remote description as where their bandwidth estimate begins.
 *
 * <p>Why: without it the estimate begins at 300 kbit/s for audio and video together, and the
 * encoder, given some 180 kbit/s for 640×360, drops the first four frames it is handed as too
 * many bits for the rate (libwebrtc's initial frame drop): the other side's first frame came about
 * 130 ms later than it could, in half the joins of the join benchmark (docs/benchmarks.md, "Where
 * a join's time goes"). {@link #KBPS} is what a two-person call sends anyway ({@link
 * SendQuality#FULL} caps it at 1.2 Mbit/s); the estimate corrects it within a second on a link
 * that carries less.
 */
final class StartBitrate {
  /** The start, in kbit/s. */
  static final int KBPS = 800;

  private static final Pattern VIDEO_CODEC =
      Pattern.compile("^a=rtpmap:(\\d+) (VP8|VP9|H264|AV1)/90000", Pattern.MULTILINE);

  private StartBitrate() {}

  /** {@code sdp} with the start bitrate on its video codecs; unchanged when it has one already. */
  static String ask(String sdp) {
    if (sdp == null || sdp.contains("x-google-start-bitrate")) {
      return sdp;
    }
    Set<String> payloadTypes = new LinkedHashSet<>();
    Matcher codec = VIDEO_CODEC.matcher(sdp);
    while (codec.find()) {
      payloadTypes.add(codec.group(1));
    }
    String eol = sdp.contains("\r\n") ? "\r\n" : "\n";
    String result = sdp;
    for (String pt : payloadTypes) {
      String parameter = "x-google-start-bitrate=" + KBPS;
      Matcher fmtp = Pattern.compile("^a=fmtp:" + pt + " .*$", Pattern.MULTILINE).matcher(result);
      if (fmtp.find()) {
        String line = fmtp.group().stripTrailing();
        result = result.substring(0, fmtp.start()) + line + ";" + parameter
            + result.substring(fmtp.start() + line.length());
      } else {
        Matcher rtpmap = Pattern.compile("^a=rtpmap:" + pt + " .*$", Pattern.MULTILINE).matcher(result);
        if (rtpmap.find()) {
          String line = rtpmap.group().stripTrailing();
          int end = rtpmap.start() + line.length();
          result = result.substring(0, end) + eol + "a=fmtp:" + pt + " " + parameter
              + result.substring(end);
        }
      }
    }
    return result;
  }
}
