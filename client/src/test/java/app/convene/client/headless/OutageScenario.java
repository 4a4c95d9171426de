package app.convene.client.headless;

import app.convene.client.api.ApiClient;
import app.convene.client.testing.ServerProcess;
import app.convene.protocol.api.EventRequest;
import app.convene.protocol.api.RoomView;
import app.convene.protocol.api.ServiceKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Two headless participants in a call on a server in its own process; at {@code faultAt} the
 * server is stopped (SIGTERM) or killed (SIGKILL), and {@code downFor} later a new server process
 * starts on the same port and data folder. Used by {@code SignalingOutageIT} and the benchmark.
 */
final class OutageScenario {
  /** How the server goes away. */
  enum Fault {
    STOP,
    KILL,
    /** No fault: the server stays up (a control run for the benchmark). */
    NONE
  }

  /**
   * @param summaries both participants' summaries
   * @param downMs from the fault until the new server answered {@code /health}
   * @param serverLog the servers' output, for failure messages
   */
  record Result(List<HeadlessSummary> summaries, long downMs, Path serverLog) {
    /** Each participant's time back in the room after the new server was up, in ms. */
    List<Long> backAfterServerUpMs() {
      return summaries.stream()
          .flatMap(s -> s.reconnections().backMs().stream())
          .map(ms -> Math.max(0, ms - downMs))
          .toList();
    }
  }

  private OutageScenario() {}

  private static ApiClient account(ServerProcess server, String name) throws Exception {
    String email = name.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8)
        + "@example.com";
    // The server process runs on the real clock, so its client does too.
    ApiClient api = new ApiClient(server.httpBase(), null, session -> {}, java.time.Clock.systemUTC());
    api.register(email, password(name), name);
    return api;
  }

  private static String password(String name) {
    return "correct horse " + name;
  }

  static Result run(Fault fault, Duration faultAt, Duration downFor, Duration stay, Path work)
      throws Exception {
    return run(fault, faultAt, downFor, stay, work, List.of(), List.of());
  }

  /**
   * Like the other, with extra server flags for the first and the second server process (e.g.
   * different {@code --token-secret}s).
   */
  static Result run(Fault fault, Duration faultAt, Duration downFor, Duration stay, Path work,
      List<String> firstFlags, List<String> secondFlags) throws Exception {
    int port = ServerProcess.freePort();
    Path data = Files.createDirectories(work.resolve("data"));
    Path log = work.resolve("server.log");
    ExecutorService threads = Executors.newCachedThreadPool();
    ServerProcess first = ServerProcess.start(port, data, log, firstFlags.toArray(String[]::new));
    ServerProcess second = null;
    try {
      ApiClient anna = account(first, "Anna");
      ApiClient boris = account(first, "Boris");
      Instant start = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(5));
      RoomView scheduled = anna.schedule(new EventRequest("Outage", "", start,
          start.plus(Duration.ofHours(1)), "Europe/Berlin", List.of(boris.session().user().email()),
          ServiceKind.NATIVE, null)).room();
      String room = scheduled.id();
      // Boris's address is not verified (this server sends no mail), so he comes in the way an
      // unverified invitee does: with the invitation's link, i.e. the room's invite token.
      String invite = scheduled.inviteToken();
      List<CompletableFuture<HeadlessSummary>> runs = new ArrayList<>();
      for (ApiClient who : List.of(anna, boris)) {
        HeadlessOptions options = new HeadlessOptions(first.signalingUri(),
            who.session().user().email(), password(who.session().user().displayName()), room, invite,
            who.session().user().displayName(), stay, 0, 1, 320, 180, 30);
        runs.add(CompletableFuture.supplyAsync(() -> new HeadlessParticipant(options).run(),
            threads));
      }
      Thread.sleep(faultAt.toMillis());
      long faultNanos = System.nanoTime();
      long downMs = 0;
      if (fault != Fault.NONE) {
        if (fault == Fault.KILL) {
          first.kill();
        } else {
          first.stop();
        }
        Thread.sleep(Math.max(0, downFor.toMillis()
            - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - faultNanos)));
        second = ServerProcess.start(port, data, log, secondFlags.toArray(String[]::new));
        downMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - faultNanos);
      }
      List<HeadlessSummary> summaries = new ArrayList<>();
      for (CompletableFuture<HeadlessSummary> run : runs) {
        summaries.add(run.get(stay.toSeconds() + 60, TimeUnit.SECONDS));
      }
      return new Result(summaries, downMs, log);
    } finally {
      threads.shutdownNow();
      first.close();
      if (second != null) {
        second.close();
      }
    }
  }
}
