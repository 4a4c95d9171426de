package app.convene.client.calendar;

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
      service = new CalendarService(anna.api(), new MeetingCache(dataDir, anna.user().id()),
          Clock.systemUTC());
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
          new MeetingCache(dataDir, anna.user().id()), Clock.systemUTC());
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
}
