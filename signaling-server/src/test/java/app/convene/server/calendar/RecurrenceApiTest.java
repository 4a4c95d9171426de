package app.convene.server.calendar;

import static app.convene.server.calendar.EventsApiTest.create;
import static app.convene.server.calendar.EventsApiTest.list;
import static app.convene.server.calendar.EventsApiTest.range;
import static org.assertj.core.api.Assertions.assertThat;

import app.convene.protocol.api.EventView;
import app.convene.protocol.api.OccurrenceView;
import app.convene.protocol.api.Recurrence;
import app.convene.server.testing.Api;
import app.convene.server.testing.DatabaseServer;
import app.convene.server.testing.Meeting;
import app.convene.server.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Recurring meetings expanded into occurrences by {@code GET /api/events}. */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class RecurrenceApiTest {
  @Parameter TestDatabase database;

  private static DatabaseServer db;
  private Api.User anna;

  @BeforeParameterizedClassInvocation
  static void start(TestDatabase database) throws Exception {
    db = DatabaseServer.start(database);
    EventsApiTest.useServer(db);
  }

  @AfterParameterizedClassInvocation
  static void stop() throws Exception {
    if (db != null) {
      db.close();
      db = null; // a skipped invocation must not close the previous one's server again
    }
  }

  @BeforeEach
  void signIn() {
    anna = db.api().register("Anna");
  }

  @Test
  void weeklyMeetingKeepsItsWallClockTimeWhenDaylightSavingEnds() {
    // Tuesdays 09:00 in Berlin: 07:00 UTC in summer time, 08:00 UTC after 25 October 2026.
    EventView event = create(anna, Meeting.titled("Weekly").in("Europe/Berlin")
        .at(Instant.parse("2026-10-13T07:00:00Z")).weekly(1, null).request());

    List<OccurrenceView> listed = list(anna, range(Instant.parse("2026-10-12T00:00:00Z"),
        Instant.parse("2026-11-04T00:00:00Z")));

    assertThat(listed).extracting(OccurrenceView::start).containsExactly(
        Instant.parse("2026-10-13T07:00:00Z"), Instant.parse("2026-10-20T07:00:00Z"),
        Instant.parse("2026-10-27T08:00:00Z"), Instant.parse("2026-11-03T08:00:00Z"));
    assertThat(listed).allSatisfy(o -> {
      assertThat(Duration.between(o.start(), o.end())).isEqualTo(Duration.ofMinutes(30));
      assertThat(o.event()).isEqualTo(event);
    });
  }

  @Test
  void weeklyMeetingKeepsItsWallClockTimeWhenDaylightSavingStarts() {
    create(anna, Meeting.titled("Weekly").in("Europe/Berlin")
        .at(Instant.parse("2027-03-16T08:00:00Z")).weekly(1, null).request());

    List<OccurrenceView> listed = list(anna, range(Instant.parse("2027-03-20T00:00:00Z"),
        Instant.parse("2027-04-01T00:00:00Z")));

    assertThat(listed).extracting(OccurrenceView::start).containsExactly(
        Instant.parse("2027-03-23T08:00:00Z"), Instant.parse("2027-03-30T07:00:00Z"));
  }

  @Test
  void countLimitsTheOccurrencesTheFirstIncluded() {
    create(anna, Meeting.titled("Three days").at(Instant.parse("2027-01-04T08:00:00Z"))
        .daily(1, 3).request());

    assertThat(list(anna, range(Instant.parse("2027-01-01T00:00:00Z"),
        Instant.parse("2027-02-01T00:00:00Z")))).extracting(OccurrenceView::start)
        .containsExactly(Instant.parse("2027-01-04T08:00:00Z"),
            Instant.parse("2027-01-05T08:00:00Z"), Instant.parse("2027-01-06T08:00:00Z"));
    assertThat(list(anna, range(Instant.parse("2027-01-07T00:00:00Z"),
        Instant.parse("2027-01-14T00:00:00Z")))).isEmpty();
  }

  @Test
  void untilIsTheLastStartDateInclusiveInTheMeetingsOwnZone() {
    // 18:00 in Los Angeles is 02:00 UTC on the next day.
    Meeting meeting = Meeting.titled("Evening").in("America/Los_Angeles")
        .at(Instant.parse("2027-01-05T02:00:00Z"));
    create(anna, meeting.weeklyUntil(1, LocalDate.parse("2027-01-18")).request());
    create(anna, Meeting.titled("Evening, shorter").in("America/Los_Angeles")
        .at(Instant.parse("2027-01-05T02:00:00Z"))
        .weeklyUntil(1, LocalDate.parse("2027-01-17")).request());

    List<OccurrenceView> listed = list(anna, range(Instant.parse("2027-01-01T00:00:00Z"),
        Instant.parse("2027-03-01T00:00:00Z")));

    assertThat(listed).filteredOn(o -> o.event().title().equals("Evening"))
        .extracting(OccurrenceView::start).containsExactly(
            Instant.parse("2027-01-05T02:00:00Z"), Instant.parse("2027-01-12T02:00:00Z"),
            Instant.parse("2027-01-19T02:00:00Z"));
    assertThat(listed).filteredOn(o -> o.event().title().equals("Evening, shorter")).hasSize(2);
  }

  @Test
  void intervalSkipsDaysOrWeeks() {
    create(anna, Meeting.titled("Fortnightly").at(Instant.parse("2027-02-01T09:00:00Z"))
        .in("UTC").weekly(2, null).request());
    create(anna, Meeting.titled("Every third day").at(Instant.parse("2027-02-01T10:00:00Z"))
        .in("UTC").daily(3, null).request());

    List<OccurrenceView> listed = list(anna, range(Instant.parse("2027-02-01T00:00:00Z"),
        Instant.parse("2027-03-01T00:00:00Z")));

    assertThat(listed).filteredOn(o -> o.event().title().equals("Fortnightly"))
        .extracting(OccurrenceView::start).containsExactly(
            Instant.parse("2027-02-01T09:00:00Z"), Instant.parse("2027-02-15T09:00:00Z"));
    assertThat(listed).filteredOn(o -> o.event().title().equals("Every third day"))
        .extracting(OccurrenceView::start).hasSize(10)
        .startsWith(Instant.parse("2027-02-01T10:00:00Z"), Instant.parse("2027-02-04T10:00:00Z"))
        .endsWith(Instant.parse("2027-02-28T10:00:00Z"));
  }

  @Test
  void weekFarIntoAnEndlessSeriesListsOnlyThatWeek() {
    create(anna, Meeting.titled("Standup").at(Instant.parse("2026-01-05T08:00:00Z"))
        .in("UTC").daily(1, null).request());

    List<OccurrenceView> week = list(anna, range(Instant.parse("2027-06-07T00:00:00Z"),
        Instant.parse("2027-06-14T00:00:00Z")));

    assertThat(week).extracting(OccurrenceView::start).hasSize(7)
        .first().isEqualTo(Instant.parse("2027-06-07T08:00:00Z"));
  }

  @Test
  void occurrenceThatBeganBeforeTheRangeAndEndsInItIsListed() {
    create(anna, Meeting.titled("Night shift").at(Instant.parse("2027-04-01T23:00:00Z"))
        .in("UTC").lasting(Duration.ofHours(2)).daily(1, null).request());

    List<OccurrenceView> listed = list(anna, range(Instant.parse("2027-04-05T00:00:00Z"),
        Instant.parse("2027-04-05T12:00:00Z")));

    assertThat(listed).singleElement().satisfies(o -> {
      assertThat(o.start()).isEqualTo(Instant.parse("2027-04-04T23:00:00Z"));
      assertThat(o.end()).isEqualTo(Instant.parse("2027-04-05T01:00:00Z"));
    });
  }

  @Test
  void changingTheRecurrenceChangesTheOccurrences() {
    EventView event = create(anna, Meeting.titled("Series").at(Instant.parse("2027-05-03T08:00:00Z"))
        .in("UTC").daily(1, 5).request());

    EventView updated = db.api().put("events/" + event.id(), anna.token(),
        Meeting.titled("Series").at(Instant.parse("2027-05-03T08:00:00Z")).in("UTC")
            .daily(1, 2).request()).as(EventView.class);

    assertThat(updated.recurrence()).isEqualTo(new Recurrence(Recurrence.Frequency.DAILY, 1,
        null, 2));
    assertThat(list(anna, range(Instant.parse("2027-05-01T00:00:00Z"),
        Instant.parse("2027-05-31T00:00:00Z")))).hasSize(2);
  }
}
