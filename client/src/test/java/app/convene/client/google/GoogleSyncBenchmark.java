package app.convene.client.google;

import static app.convene.client.google.GoogleTestSupport.NOW;

import com.google.api.client.auth.oauth2.Credential;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Benchmark, not a test: a first sync of 5,000 events (4,000 single events and 100 weekly series of
 * ten instances), then {@value #INCREMENTAL} times 10 changes (5 edits, 3 new events, 2 deletions)
 * each followed by an incremental sync, through the real Calendar client against {@link
 * FakeGoogle} on loopback. Each round starts with a new fake and an empty cache. Reports the median
 * first sync, the median of the first incremental sync of each round, and the median of all
 * incremental syncs. Run it as docs/benchmarks.md says.
 *
 * <p>Arguments: {@code [rounds] [warm-up rounds]}, default {@code 7 2}.
 */
public final class GoogleSyncBenchmark {
  private static final String CALENDAR = "me@example.com";
  private static final int INCREMENTAL = 5;

  private record Round(
      double firstMs, int firstRequests, long firstBytes, int firstEvents,
      List<Double> nextMs, int nextRequests, long nextBytes, int nextChanges) {}

  private GoogleSyncBenchmark() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
    int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    List<Round> measured = new ArrayList<>();
    for (int i = 0; i < warmUp + rounds; i++) {
      Round round = round();
      if (i >= warmUp) {
        measured.add(round);
      }
      System.out.printf(Locale.ROOT, "%s round %d: first %.1f ms, incremental %s ms%n",
          i < warmUp ? "warm-up" : "measured", i + 1, round.firstMs(),
          round.nextMs().stream().map(d -> String.format(Locale.ROOT, "%.1f", d)).toList());
    }
    Round last = measured.getLast();
    double first = median(measured.stream().map(Round::firstMs).toList());
    double firstNext = median(measured.stream().map(r -> r.nextMs().getFirst()).toList());
    double next = median(measured.stream().flatMap(r -> r.nextMs().stream()).toList());
    System.out.printf(Locale.ROOT, "%nGoogle sync benchmark, %d rounds after %d warm-up rounds, %d events%n",
        rounds, warmUp, last.firstEvents());
    System.out.printf(Locale.ROOT, "first sync:       median %.1f ms, %d requests, %d bytes (gzip bodies)%n",
        first, last.firstRequests(), last.firstBytes());
    System.out.printf(Locale.ROOT,
        "incremental sync: median %.1f ms (first of each round: %.1f ms), %d requests, %d bytes (gzip bodies), %d changes%n",
        next, firstNext, last.nextRequests(), last.nextBytes(), last.nextChanges());
    System.out.printf(Locale.ROOT, "incremental / first: %.2f %% (first of each round: %.2f %%; target: under 5 %%)%n",
        100 * next / first, 100 * firstNext / first);
    System.out.printf(Locale.ROOT, "minimum: first %.1f ms, incremental %.1f ms%n",
        measured.stream().mapToDouble(Round::firstMs).min().orElseThrow(),
        measured.stream().flatMap(r -> r.nextMs().stream()).mapToDouble(d -> d).min().orElseThrow());
  }

  private static Round round() throws Exception {
    Path dataDir = Files.createTempDirectory("convene-google-bench");
    try (FakeGoogle fake = FakeGoogle.start()) {
      fake.calendar.addCalendar(CALENDAR, "Work", "#9fe1e7", true);
      List<String> singles = new ArrayList<>();
      for (int i = 0; i < 4000; i++) {
        Duration offset = Duration.ofHours(2L * i - 4000); // from 333 days back to 333 days ahead
        singles.add(fake.calendar.addEvent(CALENDAR, "Meeting " + i, NOW.plus(offset), Duration.ofMinutes(30)));
      }
      for (int i = 0; i < 100; i++) {
        fake.calendar.addWeekly(CALENDAR, "Series " + i, NOW.plus(Duration.ofHours(i)), Duration.ofMinutes(45), 10);
      }
      Credential credential = GoogleTestSupport.signIn(fake, dataDir);
      GoogleCalendarSync sync = GoogleTestSupport.sync(
          fake, credential, dataDir, new GoogleTestSupport.FastRetry().retry, GoogleCalendarSync.MAX_PAGE);
      sync.listCalendars();

      settle();
      fake.resetByteCounts();
      long start = System.nanoTime();
      SyncResult first = sync.sync(Set.of(CALENDAR));
      double firstMs = (System.nanoTime() - start) / 1e6;
      long firstBytes = fake.bytesIn() + fake.bytesOut();
      int cached = sync.cachedEvents(Set.of(CALENDAR)).size();
      if (cached != 5000) {
        throw new IllegalStateException("expected 5000 events in the cache, got " + cached);
      }

      List<Double> nextMs = new ArrayList<>();
      SyncResult next = null;
      long nextBytes = 0;
      for (int k = 0; k < INCREMENTAL; k++) {
        for (int i = 0; i < 5; i++) {
          fake.calendar.edit(CALENDAR, singles.get(100 * i + k), "summary", "Edited " + k + "." + i);
        }
        for (int i = 0; i < 3; i++) {
          fake.calendar.addEvent(CALENDAR, "New " + k + "." + i, NOW.plus(Duration.ofDays(i)), Duration.ofMinutes(30));
        }
        fake.calendar.delete(CALENDAR, singles.get(1000 + 2 * k));
        fake.calendar.delete(CALENDAR, singles.get(1001 + 2 * k));

        fake.resetByteCounts();
        start = System.nanoTime();
        next = sync.sync(Set.of(CALENDAR));
        nextMs.add((System.nanoTime() - start) / 1e6);
        nextBytes = fake.bytesIn() + fake.bytesOut();
        if (next.changed() + next.removed() != 10) {
          throw new IllegalStateException("expected 10 changes, got " + next);
        }
      }
      return new Round(firstMs, first.requests(), firstBytes, first.fetched(),
          nextMs, next.requests(), nextBytes, next.changed() + next.removed());
    } finally {
      deleteTree(dataDir);
    }
  }

  /**
   * Collects the garbage of seeding the fake, so that it is not charged to the first sync. Not done
   * before the incremental syncs: they carry the garbage of the first sync, which can only make
   * them look slower.
   */
  private static void settle() {
    System.gc();
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
