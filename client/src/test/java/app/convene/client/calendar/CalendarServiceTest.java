package app.convene.client.calendar;

import app.convene.client.storage.SealedFiles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.convene.client.api.ApiException;
import app.convene.client.testing.TestBackend;
import app.convene.client.testing.TestBackend.Account;
import app.convene.protocol.api.EventRequest;
import app.convene.protocol.api.OccurrenceView;
import app.convene.protocol.api.ServiceKind;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The calendar's I/O against a real server, and what it shows once that server is gone. */
class CalendarServiceTest {
  @TempDir Path dataDir;

  private static final Instant FROM = Instant.parse("2026-12-01T00:00:00Z");
  private static final Instant TO = Instant.parse("2026-12-08T00:00:00Z");

  @Test
  void meetingsStayVisibleFromTheCacheWhenTheServerIsGone() throws Exception {
    CalendarService service;
    List<OccurrenceView> online;
    try (TestBackend backend = TestBackend.start()) {
      Account anna = backend.account("Anna");
      service = new CalendarService(anna.api(), new MeetingCache(SealedFiles.withKeyFile(dataDir), anna.user().id()),
          backend.clock());
      Instant start = Instant.parse("2026-12-02T09:00:00Z");
      service.schedule(new EventRequest("Planning", "", start, start.plus(Duration.ofHours(1)),
          "Europe/Berlin", List.of(), ServiceKind.NATIVE, null));

      CalendarService.Listing listing = service.list(FROM, TO);
      assertThat(listing.offline()).isFalse();
      online = listing.occurrences();
      assertThat(online).extracting(o -> o.event().title()).containsExactly("Planning");
    }

    CalendarService.Listing offline = service.list(FROM, TO);

    assertThat(offline.offline()).isTrue();
    assertThat(offline.occurrences()).isEqualTo(online);
    assertThatThrownBy(() -> service.cancel(online.getFirst().event().id()))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.isOffline()).isTrue());
  }

  @Test
  void aRefusalIsNotMistakenForBeingOffline() throws Exception {
    try (TestBackend backend = TestBackend.start()) {
      Account anna = backend.account("Anna");
      CalendarService service = new CalendarService(anna.api(),
          new MeetingCache(SealedFiles.withKeyFile(dataDir), anna.user().id()), backend.clock());
      Instant start = Instant.parse("2026-12-02T09:00:00Z");

      assertThatThrownBy(() -> service.schedule(new EventRequest("Backwards", "", start,
          start.minus(Duration.ofHours(1)), "Europe/Berlin", List.of(), ServiceKind.NATIVE, null)))
          .isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.isOffline()).isFalse();
            assertThat(e.status()).isEqualTo(400);
          });
      assertThat(service.list(FROM, TO).occurrences()).isEmpty();
    }
  }

  @Test
  void whileTheAppsServerStartsTheCacheAnswersAtOnceThenTheServer() throws Exception {
    try (TestBackend backend = TestBackend.start()) {
      Account anna = backend.account("Anna");
      MeetingCache cache = new MeetingCache(SealedFiles.withKeyFile(dataDir), anna.user().id());
      CalendarService ready = new CalendarService(anna.api(), cache, backend.clock());
      Instant start = Instant.parse("2026-12-02T09:00:00Z");
      ready.schedule(new EventRequest("Planning", "", start, start.plus(Duration.ofHours(1)),
          "Europe/Berlin", List.of(), ServiceKind.NATIVE, null));
      ready.list(FROM, TO); // cached
      ready.schedule(new EventRequest("Retro", "", start, start.plus(Duration.ofHours(1)),
          "Europe/Berlin", List.of(), ServiceKind.NATIVE, null));

      java.util.concurrent.CompletableFuture<Void> serverUp = new java.util.concurrent.CompletableFuture<>();
      CalendarService starting = new CalendarService(anna.api(), cache, backend.clock(), serverUp);
      CalendarService.Listing early = starting.list(FROM, TO);
      assertThat(early.early()).isTrue();
      assertThat(early.offline()).isFalse();
      assertThat(early.occurrences()).extracting(o -> o.event().title()).containsExactly("Planning");
      assertThat(starting.serverReady()).isNotDone();

      serverUp.complete(null);
      assertThat(starting.serverReady()).isDone();
      CalendarService.Listing fresh = starting.list(FROM, TO);
      assertThat(fresh.early()).isFalse();
      assertThat(fresh.occurrences()).extracting(o -> o.event().title())
          .containsExactlyInAnyOrder("Planning", "Retro");
    }
  }
}
