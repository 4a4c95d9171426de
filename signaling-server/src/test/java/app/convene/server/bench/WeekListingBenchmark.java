package app.convene.server.bench;

import app.convene.protocol.api.EventRequest;
import app.convene.protocol.api.Recurrence;
import app.convene.protocol.api.Recurrence.Frequency;
import app.convene.protocol.api.ServiceKind;
import app.convene.server.SignalingServer;
import app.convene.server.testing.Api;
import app.convene.server.testing.TestDatabase;
import app.convene.server.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * How long {@code GET /api/events} takes for one week of a user with 10,000 meetings, over HTTP on
 * loopback, on the embedded H2 database and on PostgreSQL (docs/benchmarks.md). Not a test: run
 * it with {@code mvn -q -Pbench -DskipTests -pl signaling-server -am verify}.
 *
 * <p>The user's 10,000 meetings, seeded over the REST API with a fixed random seed: 8,600 single
 * meetings of 30 to 90 minutes on weekdays over two years (2026 and 2027); 250 weekly series
 * (every week or every other week; a fifth endless, the others ending after 5 to 30 occurrences
 * or 30 to 180 days) and 50 daily ones (ending after 5 to 20 occurrences or 5 to 30 days); and
 * 1,100 single meetings of a colleague that invite the user. Most meetings invite one to four
 * other people. Then, after
 * warm-up requests, it times requests for random weeks of those two years (each a fresh HTTP
 * request on a kept-alive connection; the time includes reading the whole body).
 *
 * <p>Arguments: timed requests (default 200), warm-up requests (default 50).
 */
public final class WeekListingBenchmark {
  private static final Instant FIRST_DAY = Instant.parse("2026-01-05T00:00:00Z"); // a Monday
  private static final int DAYS = 728;
  private static final int SINGLE = 8_600;
  private static final int WEEKLY = 250;
  private static final int DAILY = 50;
  private static final int INVITED = 1_100;

  private WeekListingBenchmark() {}

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 50;
    System.out.printf(Locale.ROOT, "Week listing, 10,000 meetings, %d timed requests after %d"
        + " warm-up requests%n", runs, warmUp);
    for (TestDatabase kind : TestDatabase.values()) {
      try {
        run(kind, runs, warmUp);
      } catch (org.opentest4j.TestAbortedException e) {
        System.out.println(kind + ": skipped, " + e.getMessage());
      }
    }
  }

  private static void run(TestDatabase kind, int runs, int warmUp) throws Exception {
    Path dataDir = Files.createTempDirectory("convene-bench-");
    try (TestDatabase.Fresh database = kind.create();
        SignalingServer server = SignalingServer.start(database.configure(
            TestServer.config().withStorage(s -> s.withDataDir(dataDir))
                .withTokens(t -> t.withAccessTokenTtl(Duration.ofHours(2)))))) {
      Api api = new Api(server.apiUri());
      Api.User user = api.register("Bench");
      Api.User colleague = api.register("Colleague");
      long seeding = System.nanoTime();
      seed(api, user, colleague);
      double seedSeconds = (System.nanoTime() - seeding) / 1e9;

      Random random = new Random(7);
      for (int i = 0; i < warmUp; i++) {
        list(api, user, random);
      }
      double[] millis = new double[runs];
      long occurrences = 0;
      long bytes = 0;
      for (int i = 0; i < runs; i++) {
        long start = System.nanoTime();
        String listed = list(api, user, random);
        millis[i] = (System.nanoTime() - start) / 1e6;
        occurrences += listed.split("\"event\":", -1).length - 1;
        bytes += listed.length();
      }
      Arrays.sort(millis);
      System.out.printf(Locale.ROOT, "%-10s seeded in %.0f s; a week: %.1f occurrences, %.0f KB"
              + " on average; p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n",
          kind, seedSeconds, (double) occurrences / runs, bytes / 1024.0 / runs,
          percentile(millis, 50),
          percentile(millis, 95), percentile(millis, 99), millis[millis.length - 1]);
    } finally {
      try (var files = Files.walk(dataDir)) {
        for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(file);
        }
      }
    }
  }

  /** Lists one random week; returns the body. */
  private static String list(Api api, Api.User user, Random random) {
    Instant from = FIRST_DAY.plus(Duration.ofDays(7L * random.nextInt(DAYS / 7)));
    Api.Answer answer = api.get("events?from=" + from + "&to=" + from.plus(Duration.ofDays(7)),
        user.token());
    if (answer.status() != 200) {
      throw new IllegalStateException("listing failed: " + answer.body());
    }
    return answer.body();
  }

  private static void seed(Api api, Api.User user, Api.User colleague) throws Exception {
    Random random = new Random(42);
    List<EventRequest> own = new ArrayList<>();
    for (int i = 0; i < SINGLE; i++) {
      own.add(meeting(random, "Meeting " + i, null, i));
    }
    for (int i = 0; i < WEEKLY; i++) {
      own.add(meeting(random, "Weekly " + i, Frequency.WEEKLY, i));
    }
    for (int i = 0; i < DAILY; i++) {
      own.add(meeting(random, "Daily " + i, Frequency.DAILY, i));
    }
    List<EventRequest> invitations = new ArrayList<>();
    for (int i = 0; i < INVITED; i++) {
      EventRequest m = meeting(random, "Invitation " + i, null, i);
      List<String> attendees = new ArrayList<>(m.attendees());
      attendees.add(user.email());
      invitations.add(new EventRequest(m.title(), m.description(), m.start(), m.end(),
          m.timeZone(), attendees, m.service(), null));
    }
    try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
      List<Future<?>> done = new ArrayList<>();
      own.forEach(r -> done.add(pool.submit(() -> create(api, user, r))));
      invitations.forEach(r -> done.add(pool.submit(() -> create(api, colleague, r))));
      for (Future<?> f : done) {
        f.get();
      }
    }
  }

  private static void create(Api api, Api.User owner, EventRequest request) {
    Api.Answer answer = api.post("events", owner.token(), request);
    if (answer.status() != 201) {
      throw new IllegalStateException("seeding failed: " + answer.body());
    }
  }

  /** A meeting on a random weekday; {@code frequency} null for a single one. */
  private static EventRequest meeting(Random random, String title, Frequency frequency, int i) {
    int day = random.nextInt(DAYS);
    while (FIRST_DAY.plus(Duration.ofDays(day)).atZone(ZoneOffset.UTC).getDayOfWeek()
        .getValue() > 5) {
      day = random.nextInt(DAYS);
    }
    Instant start = FIRST_DAY.plus(Duration.ofDays(day))
        .plus(Duration.ofMinutes(7 * 60 + 15L * random.nextInt(40)));
    Duration length = Duration.ofMinutes(30L + 15L * random.nextInt(5));
    List<String> attendees = new ArrayList<>();
    for (int a = random.nextInt(5); a > 0; a--) {
      attendees.add("person" + random.nextInt(500) + "@example.org");
    }
    return new EventRequest(title, "Agenda for " + title, start, start.plus(length),
        "Europe/Berlin", attendees, random.nextInt(4) == 0 ? ServiceKind.GOOGLE_MEET
            : ServiceKind.NATIVE, frequency == null ? null : series(random, frequency, i, start));
  }

  /** Weekly: endless, counted or ending on a date; daily: counted or ending on a date. */
  private static Recurrence series(Random random, Frequency frequency, int i, Instant start) {
    LocalDate startDate = LocalDate.ofInstant(start, ZoneOffset.UTC);
    if (frequency == Frequency.DAILY) {
      return i % 2 == 0
          ? new Recurrence(frequency, 1, null, 5 + random.nextInt(16))
          : new Recurrence(frequency, 1, startDate.plusDays(5 + random.nextInt(26)), null);
    }
    int interval = 1 + random.nextInt(2);
    return switch (i % 5) {
      case 0 -> new Recurrence(frequency, interval, null, null);
      case 1, 2 -> new Recurrence(frequency, interval, null, 5 + random.nextInt(26));
      default -> new Recurrence(frequency, interval, startDate.plusDays(30 + random.nextInt(151)),
          null);
    };
  }

  /** Nearest-rank percentile of sorted values. */
  private static double percentile(double[] sorted, int p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }
}
