package app.convene.client.headless;

import app.convene.client.call.CallListener;
import app.convene.client.api.ApiClient;
import app.convene.client.api.ApiException;
import app.convene.client.call.CallSession;
import app.convene.client.call.JoinTicket;
import app.convene.client.call.PeerStats;
import app.convene.client.media.MediaEngine;
import app.convene.client.media.MediaOptions;
import app.convene.client.media.TestPatternSource;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A participant without a window: joins a room, sends the test pattern and a tone, counts the
 * remote video it decodes, and reports a {@link HeadlessSummary}. Tests, benchmarks and demos use
 * it; {@link #main} is its command line.
 */
public final class HeadlessParticipant {
  private static final Logger log = LoggerFactory.getLogger(HeadlessParticipant.class);
  private final HeadlessOptions options;

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
    log.info("{} joins {}", options.name(), options.room());
    MediaOptions mediaOptions = MediaOptions.synthetic(options.width(), options.height(), options.fps());
    try (MediaEngine media = new MediaEngine(mediaOptions)) {
      CallSession session;
      try {
        String token = signIn();
        JoinTicket ticket = new JoinTicket(options.server(), token, options.room(), options.invite(),
            options.name());
        session = CallSession.join(ticket, media, new CallListener() {}).join();
      } catch (ApiException e) {
        return summary(start, null, media, List.of(), e.getMessage());
      } catch (CompletionException e) {
        String reason = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
        return summary(start, null, media, List.of(), reason);
      }
      try (session) {
        List<PeerStats> stats = waitForGoal(session, start);
        String peerId = session.localId().join();
        return summary(start, peerId, media, stats, null);
      }
    }
  }

  /** Signs in, creating the account first when the server does not know it. */
  private String signIn() throws ApiException {
    ApiClient api = new ApiClient(ApiClient.httpBase(options.server()), null, session -> {},
        java.time.Clock.systemUTC());
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
    return api.accessToken();
  }

  private List<PeerStats> waitForGoal(CallSession session, long start) {
    long deadline = start + options.duration().toNanos();
    // The last figures of every peer seen, so a peer that left still appears in the summary.
    Map<String, PeerStats> seen = new LinkedHashMap<>();
    while (System.nanoTime() < deadline) {
      session.stats().orTimeout(2, TimeUnit.SECONDS).join().forEach(s -> seen.put(s.peerId(), s));
      if (options.frames() > 0
          && seen.size() >= options.peers()
          && seen.values().stream().allMatch(s -> s.framesDecoded() >= options.frames())) {
        break;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    session.stats().orTimeout(2, TimeUnit.SECONDS).join().forEach(s -> seen.put(s.peerId(), s));
    return List.copyOf(seen.values());
  }

  private HeadlessSummary summary(
      long start, String peerId, MediaEngine media, List<PeerStats> stats, String error) {
    TestPatternSource pattern = media.pattern();
    HeadlessSummary.Sent sent =
        new HeadlessSummary.Sent(
            media.cameraName(), options.width(), options.height(),
            pattern == null ? 0 : pattern.framesPushed());
    boolean ok = error == null && stats.stream().anyMatch(s -> s.framesDecoded() > 0);
    return new HeadlessSummary(
        ok,
        options.room(),
        peerId,
        (System.nanoTime() - start) / 1_000_000,
        sent,
        stats.stream().map(HeadlessSummary.PeerSummary::of).toList(),
        error);
  }
}
