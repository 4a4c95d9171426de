package app.convene.client.headless;

import app.convene.client.call.CallListener;
import app.convene.client.api.ApiClient;
import app.convene.client.tls.ServerTrust;
import app.convene.client.api.ApiException;
import app.convene.client.call.CallSession;
import app.convene.client.call.JoinTicket;
import app.convene.client.call.PeerStats;
import app.convene.client.call.Reconnect;
import app.convene.client.call.TokenSource;
import app.convene.client.media.MediaEngine;
import app.convene.client.media.MediaOptions;
import app.convene.client.media.TestPatternSource;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A participant without a window: joins a room, sends the test pattern and a tone, counts the
 * remote video it decodes, and reports a {@link HeadlessSummary}. Tests, benchmarks and demos use
 * it; {@link #main} is its command line.
 */
public final class HeadlessParticipant {
  private static final Logger log = LoggerFactory.getLogger(HeadlessParticipant.class);
  /** How long a participant stays after reaching its {@code --frames} goal. */
  static final long LINGER_NANOS = 2_000_000_000L;
  /** How often the participant reads the figures (each read asks every peer connection). */
  private static final long POLL_MILLIS = 250;
  private final HeadlessOptions options;
  /** Peers that left the room before this participant did; filled by waitForGoal. */
  private final java.util.Set<String> departed = new java.util.HashSet<>();

  public HeadlessParticipant(HeadlessOptions options) {
    this.options = options;
  }

  public static void main(String[] args) {
    if (java.util.Arrays.asList(args).contains("--help")) {
      System.out.print(HeadlessOptions.USAGE);
      return;
    }
    HeadlessOptions options;
    try {
      options = HeadlessOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.print(HeadlessOptions.USAGE);
      System.exit(2);
      return;
    }
    HeadlessSummary summary = new HeadlessParticipant(options).run();
    System.out.println(toJson(summary));
    QuietExit.exit(summary.ok() ? 0 : 1);
  }

  public static String toJson(HeadlessSummary summary) {
    try {
      return new ObjectMapper().writeValueAsString(summary);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Joins, stays until the duration passed or the frame goal was met, leaves; never throws. */
  public HeadlessSummary run() {
    long start = System.nanoTime();
    log.info("{} joins {}", options.name(), options.roomId());
    MediaOptions mediaOptions = MediaOptions.synthetic(options.width(), options.height(), options.fps());
    Outages outages = new Outages();
    try (MediaEngine media = new MediaEngine(mediaOptions)) {
      CallSession session;
      try {
        ApiClient api = signIn();
        JoinTicket ticket = new JoinTicket(options.server(), api.accessToken(), options.roomId(),
            options.invite(), options.name(), api.trust());
        session = CallSession.join(ticket, media, outages,
            Reconnect.withTokens(TokenSource.of(api)), options.relayOnly()).join();
      } catch (ApiException e) {
        return summary(start, null, media, List.of(), e.getMessage(), outages);
      } catch (CompletionException e) {
        String reason = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
        return summary(start, null, media, List.of(), reason, outages);
      }
      try (session) {
        List<PeerStats> stats = waitForGoal(session, start, outages);
        String peerId = session.localId().join();
        return summary(start, peerId, media, stats, outages.endedEarly(), outages);
      }
    }
  }

  /** Signs in, creating the account first when the server does not know it. */
  private ApiClient signIn() throws ApiException {
    ApiClient api = new ApiClient(ApiClient.httpBase(options.server()), null, session -> {},
        java.time.Clock.systemUTC(), ServerTrust.withExtraCa(options.caCert()));
    try {
      api.login(options.email(), options.password());
    } catch (ApiException e) {
      if (!"bad_credentials".equals(e.code())) {
        throw e;
      }
      try {
        api.register(options.email(), options.password(), options.name());
      } catch (ApiException registration) {
        throw "email_taken".equals(registration.code()) ? e : registration;
      }
    }
    return api;
  }

  /**
   * Stays until the duration passed, or with {@code --frames=N}: until {@code --peers} peers each
   * sent us N decoded frames, then {@link #LINGER_NANOS} more so that they can reach their own goal
   * from our video, or less once every peer we decoded has left (nothing more can come). A peer
   * that leaves before we reached N also ends the wait once no one we met is left. A call that
   * ended (the host removed us, the meeting was cancelled) ends it at once.
   */
  private List<PeerStats> waitForGoal(CallSession session, long start, Outages outages) {
    long deadline = start + options.duration().toNanos();
    // The last figures of every peer seen, so a peer that left still appears in the summary.
    Map<String, PeerStats> seen = new LinkedHashMap<>();
    long leaveAt = deadline;
    while (System.nanoTime() < leaveAt && !outages.hasEnded()) {
      List<PeerStats> current = session.stats().join();
      current.forEach(s -> seen.put(s.peerId(), s));
      if (options.viewWidth() >= 0) {
        // Told once per peer (the session sends only what changed).
        current.forEach(s ->
            session.showPeerAt(s.peerId(), options.viewWidth(), options.viewHeight()));
      }
      if (options.frames() > 0) {
        long reached = seen.values().stream().filter(s -> s.framesDecoded() >= options.frames()).count();
        if (reached >= options.peers() && leaveAt == deadline) {
          leaveAt = Math.min(deadline, System.nanoTime() + LINGER_NANOS);
          log.info("{} decoded {} frames from {} peer(s); leaving within {} ms", options.name(),
              options.frames(), reached, LINGER_NANOS / 1_000_000);
        }
        boolean everyoneLeft = seen.size() >= options.peers() && current.isEmpty();
        if (everyoneLeft) {
          break;
        }
      }
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    List<PeerStats> last = session.stats().join();
    last.forEach(s -> seen.put(s.peerId(), s));
    java.util.Set<String> present =
        last.stream().map(PeerStats::peerId).collect(java.util.stream.Collectors.toSet());
    // A peer that left the room is reported as left, not lost; one that left without ever sending
    // us a frame (a visitor, a storm of joins) is not reported at all.
    seen.keySet().stream().filter(id -> !present.contains(id)).forEach(departed::add);
    return seen.values().stream()
        .filter(s -> present.contains(s.peerId()) || s.framesDecoded() > 0)
        .toList();
  }

  private HeadlessSummary summary(long start, String peerId, MediaEngine media,
      List<PeerStats> stats, String error, Outages outages) {
    TestPatternSource pattern = media.pattern();
    HeadlessSummary.Sent sent =
        new HeadlessSummary.Sent(
            media.cameraName(), options.width(), options.height(),
            pattern == null ? 0 : pattern.framesPushed());
    List<PeerStats> peers = stats.stream()
        .map(s -> departed.contains(s.peerId()) ? s.departed() : s)
        .toList();
    boolean ok = error == null && stats.stream().anyMatch(s -> s.framesDecoded() > 0)
        && !HeadlessSummary.troubled(peers);
    return new HeadlessSummary(
        ok,
        options.roomId(),
        peerId,
        (System.nanoTime() - start) / 1_000_000,
        sent,
        outages.summary(),
        peers,
        error);
  }
}
