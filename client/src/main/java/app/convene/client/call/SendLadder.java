package app.convene.client.call;

import java.util.List;

/**
 * Chooses what each sender of a mesh call sends: less as the room grows, and one rung less again
 * while the encoder reports that CPU or bandwidth limits it. Every participant encodes its video
 * once per peer, so a room of N costs each sender N−1 encodings and N−1 decodings; the ladder keeps
 * that total roughly flat from 2 to 6 participants (docs/benchmarks.md, "Mesh calls").
 *
 * <p>Rungs, for the 640×360 capture of a camera or the test pattern:
 *
 * <ol start="0">
 *   <li>2 participants: 640×360, 30 fps, up to 1.2 Mbit/s per peer</li>
 *   <li>3–4: 427×240, 20 fps, up to 450 kbit/s per peer</li>
 *   <li>5–6: 320×180, 15 fps, up to 150 kbit/s per peer</li>
 *   <li>7 and more, or under pressure at 5–6: 160×90, 10 fps, up to 80 kbit/s per peer</li>
 * </ol>
 *
 * <p>Pressure: a stats tick on which any link {@linkplain #strained strains} counts as strained.
 * Three strained ticks in a row raise the pressure one rung (at most two); ten calm ticks in a row
 * lower it one. The asymmetry keeps the ladder from flapping.
 *
 * <p>Not thread-safe: the call executor owns it.
 */
final class SendLadder {
  static final List<SendQuality> RUNGS =
      List.of(
          SendQuality.FULL,
          new SendQuality(1.5, 20, 450_000),
          new SendQuality(2, 15, 150_000),
          new SendQuality(4, 10, 80_000));
  private static final int STRAINED_TICKS_UP = 3;
  private static final int CALM_TICKS_DOWN = 10;
  private static final int MAX_PRESSURE = 2;

  private int pressure;
  private int strained;
  private int calm;

  /**
   * Whether a link shows that we send too much: its encoder is limited by CPU (libwebrtc's
   * overuse detector: encoding takes too long for the frame rate), or the peer reports more than
   * 5% of our video packets lost (the path is congested). libwebrtc's "bandwidth" limitation is
   * not a sign of strain here: our own bitrate caps and the estimate's ramp-up cause it too, and
   * the bandwidth estimator already keeps each stream within what its path carries.
   */
  static boolean strained(PeerStats stats) {
    return "cpu".equals(stats.sendLimitation()) || stats.sendLossPercent() > 5;
  }

  /** The rung for a room of {@code participants} (ourselves included) without pressure. */
  static int roomRung(int participants) {
    if (participants <= 2) {
      return 0;
    }
    if (participants <= 4) {
      return 1;
    }
    return participants <= 6 ? 2 : 3;
  }

  /** What to send in a room of {@code participants} at the current pressure. */
  SendQuality quality(int participants) {
    return RUNGS.get(Math.min(RUNGS.size() - 1, roomRung(participants) + pressure));
  }

  /** Records one stats tick; returns whether the pressure changed. */
  boolean observe(boolean limited) {
    if (limited) {
      calm = 0;
      if (++strained >= STRAINED_TICKS_UP && pressure < MAX_PRESSURE) {
        pressure++;
        strained = 0;
        return true;
      }
    } else {
      strained = 0;
      if (++calm >= CALM_TICKS_DOWN && pressure > 0) {
        pressure--;
        calm = 0;
        return true;
      }
    }
    return false;
  }

  int pressure() {
    return pressure;
  }
}
