package app.convene.client.headless;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Flags of the headless participant; see {@link #USAGE}.
 *
 * @param server the signaling WebSocket URL
 * @param email the account to sign in with; created when it does not exist yet
 * @param password the account's password
 * @param roomId the room id to join
 * @param invite the room's invite token, when the account is not invited otherwise
 * @param name the display name
 * @param duration how long to stay at most
 * @param frames stop as soon as every expected peer decoded this many frames (0: stay the whole
 *     duration)
 * @param peers how many remote peers {@code frames} waits for
 * @param caCert a PEM file of an extra certificate authority to trust for {@code wss://}, or
 *     {@code null} for the system's only
 * @param relayOnly whether ICE may use relayed candidates only (TURN), never host or reflexive ones
 * @param viewWidth tell every peer that we show its video this wide, in device pixels, as a call
 *     window's tile would (0 with a 0 {@code viewHeight}: not shown, as in a minimised window); -1:
 *     say nothing, so that peers send everything their caps allow
 * @param viewHeight the height that goes with {@code viewWidth}
 */
public record HeadlessOptions(
    URI server, String email, String password, String roomId, String invite, String name,
    Duration duration, long frames, int peers, int width, int height, int fps, Path caCert,
    boolean relayOnly, int viewWidth, int viewHeight) {

  /** Options that say nothing of how peers are shown. */
  public HeadlessOptions(URI server, String email, String password, String roomId, String invite,
      String name, Duration duration, long frames, int peers, int width, int height, int fps,
      Path caCert, boolean relayOnly) {
    this(server, email, password, roomId, invite, name, duration, frames, peers, width, height, fps,
        caCert, relayOnly, -1, -1);
  }

  /** Options that trust the system's certificate authorities only and use every kind of ICE candidate. */
  public HeadlessOptions(URI server, String email, String password, String roomId, String invite,
      String name, Duration duration, long frames, int peers, int width, int height, int fps) {
    this(server, email, password, roomId, invite, name, duration, frames, peers, width, height, fps,
        null, false);
  }

  /** Options with an extra certificate authority, every kind of ICE candidate. */
  public HeadlessOptions(URI server, String email, String password, String roomId, String invite,
      String name, Duration duration, long frames, int peers, int width, int height, int fps,
      Path caCert) {
    this(server, email, password, roomId, invite, name, duration, frames, peers, width, height, fps,
        caCert, false);
  }

  /** Options that trust the system's certificate authorities only, with ICE relay-only or not. */
  public HeadlessOptions(URI server, String email, String password, String roomId, String invite,
      String name, Duration duration, long frames, int peers, int width, int height, int fps,
      boolean relayOnly) {
    this(server, email, password, roomId, invite, name, duration, frames, peers, width, height, fps,
        null, relayOnly);
  }

  public static final String USAGE =
      """
      Usage: convene --headless --email=E --password=P --room=ROOM_ID [options]
        --server=URL       signaling server (default ws://127.0.0.1:8787/signal)
        --email=E --password=P   the account (created with --name if it does not exist)
        --room=ROOM_ID     room to join (required)
        --invite=TOKEN     the room's invite token, if the account is not invited otherwise
        --name=NAME        display name (default "Headless")
        --duration=SECONDS stay at most this long (default 10)
        --frames=N         leave once N remote frames were decoded from each expected peer,
                           after 2 s more (or at once when those peers have left)
        --peers=N          how many remote peers --frames waits for (default 1)
        --width=W --height=H --fps=F   test pattern (default 640x360 at 30)
        --ca-cert=FILE     also trust this CA (PEM) for a wss:// server, besides the system's
        --relay-only       connect through the server's TURN relay only (ICE policy "relay")
        --view=WxH         tell every peer we show its video in W×H pixels, as a call window's
                           tile would (0x0: not shown, as in a minimised window); peers then
                           encode no more for us than that (default: say nothing)
      Prints a one-line JSON summary; exits 0 only if remote video was decoded.
      """;

  private static final Pattern VIEW = Pattern.compile("(\\d{1,5})x(\\d{1,5})");

  public static HeadlessOptions parse(String[] args) {
    URI server = URI.create("ws://127.0.0.1:8787/signal");
    String roomId = null;
    String email = null;
    String password = null;
    String invite = null;
    String name = "Headless";
    Duration duration = Duration.ofSeconds(10);
    long frames = 0;
    int peers = 1;
    int width = 640;
    int height = 360;
    int fps = 30;
    Path caCert = null;
    boolean relayOnly = false;
    int viewWidth = -1;
    int viewHeight = -1;
    for (String arg : args) {
      if (arg.equals("--headless")) {
        continue;
      }
      if (arg.equals("--relay-only")) {
        relayOnly = true;
        continue;
      }
      int eq = arg.indexOf('=');
      if (!arg.startsWith("--") || eq < 0) {
        throw new IllegalArgumentException("unknown argument '" + arg + "'");
      }
      String key = arg.substring(2, eq);
      String value = arg.substring(eq + 1);
      switch (key) {
        case "server" -> server = URI.create(value);
        case "room" -> roomId = value;
        case "email" -> email = value;
        case "password" -> password = value;
        case "invite" -> invite = value;
        case "name" -> name = value;
        case "duration" -> duration = Duration.ofMillis((long) (positive(key, value) * 1000));
        case "frames" -> frames = (long) positive(key, value);
        case "peers" -> peers = (int) positive(key, value);
        case "width" -> width = (int) positive(key, value);
        case "height" -> height = (int) positive(key, value);
        case "fps" -> fps = (int) positive(key, value);
        case "ca-cert" -> caCert = Path.of(value);
        case "view" -> {
          Matcher box = VIEW.matcher(value);
          if (!box.matches() || (Integer.parseInt(box.group(1)) == 0)
              != (Integer.parseInt(box.group(2)) == 0)) {
            throw new IllegalArgumentException(
                "--view must be WIDTHxHEIGHT, e.g. 480x270, or 0x0; not '" + value + "'");
          }
          viewWidth = Integer.parseInt(box.group(1)); // the session keeps it to View.MAX_SIDE
          viewHeight = Integer.parseInt(box.group(2));
        }
        default -> throw new IllegalArgumentException("unknown flag --" + key);
      }
    }
    if (roomId == null || roomId.isBlank()) {
      throw new IllegalArgumentException("--room is required");
    }
    if (email == null || password == null) {
      throw new IllegalArgumentException("--email and --password are required");
    }
    return new HeadlessOptions(server, email, password, roomId, invite, name, duration, frames,
        peers, width, height, fps, caCert, relayOnly, viewWidth, viewHeight);
  }

  private static double positive(String key, String value) {
    try {
      double number = Double.parseDouble(value);
      if (number > 0) {
        return number;
      }
    } catch (NumberFormatException e) {
      // fall through to the error below
    }
    throw new IllegalArgumentException("--" + key + " must be a positive number, not '" + value + "'");
  }
}
