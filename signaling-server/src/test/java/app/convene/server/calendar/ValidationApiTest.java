package app.convene.server.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import app.convene.protocol.api.ApiError;
import app.convene.protocol.api.EventRequest;
import app.convene.protocol.api.EventView;
import app.convene.protocol.api.Recurrence;
import app.convene.protocol.api.Recurrence.Frequency;
import app.convene.protocol.api.ScheduleRequest;
import app.convene.protocol.api.ServiceKind;
import app.convene.server.testing.Api;
import app.convene.server.testing.Meeting;
import app.convene.server.testing.TestClient;
import app.convene.server.testing.DatabaseApiTest;
import app.convene.server.testing.TestDatabase;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Every rule of a meeting request: a 400 naming the problem, and nothing written. */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class ValidationApiTest extends DatabaseApiTest {
  private static final Instant START = Instant.parse("2027-01-11T09:00:00Z");

  private Api.User anna;
  private Map<String, Long> before;

  @BeforeEach
  void signIn() throws Exception {
    anna = api.register("Anna");
    before = db.rowCounts();
  }

  static Stream<Arguments> badMeetings() {
    return Stream.of(
        arguments("blank title", with(m -> m.title("  ")), "title"),
        arguments("201-character title", with(m -> m.title("t".repeat(201))), "200"),
        arguments("title with a line break", with(m -> m.title("a\nb")), "control"),
        arguments("5001-character description", with(m -> m.description("d".repeat(5001))),
            "5000"),
        arguments("NUL in the description", with(m -> m.description("a\u0000b")), "control"),
        arguments("no start", with(m -> m.start(null)), "start"),
        arguments("no end", with(m -> m.end(null)), "end"),
        arguments("end at start", with(m -> m.end(START)), "after"),
        arguments("end before start", with(m -> m.end(START.minusSeconds(1))), "after"),
        arguments("longer than 7 days",
            with(m -> m.end(START.plus(Duration.ofDays(7)).plusSeconds(1))), "7 days"),
        arguments("no time zone", with(m -> m.timeZone(null)), "timeZone"),
        arguments("unknown time zone", with(m -> m.timeZone("Mars/Olympus_Mons")), "timeZone"),
        arguments("offset, not a zone id", with(m -> m.timeZone("+02:00")), "timeZone"),
        arguments("101 attendees", with(m -> m.attendees(IntStream.range(0, 101)
            .mapToObj(i -> "a" + i + "@example.org").toList())), "100"),
        arguments("not an address", with(m -> m.attendees(List.of("ok@example.org", "nope"))),
            "attendees[1]"),
        arguments("header injection", with(m -> m.attendees(
            List.of("x@example.org\r\nBcc: y@example.org"))), "attendees[0]"),
        arguments("null attendee", with(m -> m.attendees(Collections.singletonList(null))),
            "attendees[0]"),
        arguments("255-character address", with(m -> m.attendees(
            List.of("a".repeat(64) + "@" + "b".repeat(63) + "." + "c".repeat(63) + "."
                + "d".repeat(61) + ".org"))), "attendees[0]"),
        arguments("no service", with(m -> m.service(null)), "service"),
        arguments("no frequency", with(m -> m.recurrence(
            new Recurrence(null, 1, null, null))), "frequency"),
        arguments("interval 0", with(m -> m.recurrence(
            new Recurrence(Frequency.DAILY, 0, null, null))), "interval"),
        arguments("interval 100", with(m -> m.recurrence(
            new Recurrence(Frequency.WEEKLY, 100, null, null))), "interval"),
        arguments("until and count", with(m -> m.recurrence(new Recurrence(Frequency.DAILY, 1,
            LocalDate.parse("2027-02-01"), 3))), "not both"),
        arguments("count 0", with(m -> m.recurrence(
            new Recurrence(Frequency.DAILY, 1, null, 0))), "count"),
        arguments("count 501", with(m -> m.recurrence(
            new Recurrence(Frequency.DAILY, 1, null, 501))), "count"),
        arguments("until before the start date", with(m -> m.recurrence(
            new Recurrence(Frequency.DAILY, 1, LocalDate.parse("2027-01-10"), null))), "until"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badMeetings")
  void badMeetingIsRefusedEverywhereAndNothingIsWritten(String why, EventRequest bad,
      String mentioned) throws Exception {
    EventView existing = EventsApiTest.createOn(db, anna, valid().request());
    before = db.rowCounts();

    assertInvalid(api.post("events", anna.token(), bad), mentioned);
    assertInvalid(api.post("meetings/schedule", anna.token(), new ScheduleRequest(bad, 4)),
        mentioned);
    assertInvalid(api.put("events/" + existing.id(), anna.token(), bad), mentioned);

    assertThat(db.rowCounts()).isEqualTo(before);
    assertThat(api.get("events/" + existing.id(), anna.token()).as(EventView.class))
        .isEqualTo(existing);
  }

  static Stream<Arguments> badBodies() {
    return Stream.of(
        arguments("{\"title\":", "malformed_json"),
        arguments("not json at all", "malformed_json"),
        arguments("{} {}", "malformed_json"),
        arguments("", "malformed_json"),
        arguments("[]", "invalid_input"),
        arguments("null", "invalid_input"),
        arguments("{\"title\":\"T\",\"start\":\"tomorrow\"}", "invalid_input"),
        arguments("{\"title\":\"T\",\"attendees\":\"a@example.org\"}", "invalid_input"),
        arguments("{\"title\":{\"nested\":1}}", "invalid_input"),
        arguments("{\"title\":\"T\",\"service\":\"ZOOM\"}", "invalid_input"),
        arguments("{\"recurrence\":{\"frequency\":\"DAILY\",\"interval\":null}}",
            "invalid_input"));
  }

  @ParameterizedTest(name = "{1}: [{0}]")
  @MethodSource("badBodies")
  void malformedBodyIsA400WithItsOwnCode(String body, String code) throws Exception {
    Api.Answer answer = api.post("events", anna.token(), body);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.error().code()).isEqualTo(code);
    assertThat(answer.error().message()).isNotBlank();
    assertThat(db.rowCounts()).isEqualTo(before);
  }

  @Test
  void wrongValueNamesTheFieldAndWhatIsExpected() {
    ApiError error = api.post("events", anna.token(),
        "{\"title\":\"T\",\"service\":\"ZOOM\"}").error();

    assertThat(error.message()).contains("service", "NATIVE", "GOOGLE_MEET");
    assertThat(api.post("events", anna.token(), "{\"start\":\"soon\"}").error().message())
        .contains("start", "2026-12-01T09:00:00Z");
  }

  @Test
  void bodyOver256KibIs413AndNothingIsWritten() throws Exception {
    String huge = "{\"title\":\"T\",\"description\":\"" + "d".repeat(256 * 1024) + "\"}";

    Api.Answer answer = api.post("events", anna.token(), huge);

    assertThat(answer.status()).isEqualTo(413);
    assertThat(answer.error().code()).isEqualTo("payload_too_large");
    assertThat(db.rowCounts()).isEqualTo(before);
  }

  @Test
  void chunkedBodyOver256KibIs413Too() throws Exception {
    RequestBody chunked = new RequestBody() {
      @Override
      public MediaType contentType() {
        return MediaType.get("application/json");
      }

      @Override
      public long contentLength() {
        return -1; // no Content-Length: Transfer-Encoding: chunked
      }

      @Override
      public void writeTo(BufferedSink sink) throws IOException {
        sink.writeUtf8("{\"title\":\"T\",\"description\":\"");
        for (int i = 0; i < 300; i++) {
          sink.writeUtf8("d".repeat(1024));
        }
        sink.writeUtf8("\"}");
      }
    };
    Request request = new Request.Builder()
        .url(db.server().server().apiUri().resolve("events").toString())
        .header("Authorization", "Bearer " + anna.token())
        .post(chunked).build();

    try (Response response = TestClient.http().newCall(request).execute()) {
      assertThat(response.code()).isEqualTo(413);
      assertThat(response.body().string()).contains("payload_too_large");
    }
    assertThat(db.rowCounts()).isEqualTo(before);
  }

  @Test
  void unknownFieldsAreIgnored() {
    String json = Api.JSON.valueToTree(valid().request()).toString()
        .replaceFirst("\\{", "{\"colour\":\"blue\",\"priority\":{\"high\":true},");

    assertThat(api.post("events", anna.token(), json).status()).isEqualTo(201);
  }

  @Test
  void limitsThemselvesAreAccepted() {
    EventRequest atTheLimits = with(m -> m.title("t".repeat(200))
        .description("d".repeat(5000))
        .end(START.plus(Duration.ofDays(7)))
        .attendees(IntStream.range(0, 100).mapToObj(i -> "a" + i + "@example.org").toList())
        .recurrence(new Recurrence(Frequency.WEEKLY, 99, null, 500)));

    Api.Answer created = api.post("events", anna.token(), atTheLimits);

    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.as(EventView.class).attendees()).hasSize(100);
  }

  private static void assertInvalid(Api.Answer answer, String mentioned) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    assertThat(answer.error().code()).isEqualTo("invalid_input");
    assertThat(answer.error().message()).contains(mentioned);
  }

  private static Meeting valid() {
    return Meeting.titled("Valid").at(START);
  }

  /** A valid request with one thing changed. */
  private static EventRequest with(UnaryOperator<Change> change) {
    return change.apply(new Change(valid().request())).request;
  }

  /** A mutable copy of an {@link EventRequest}, for changing one field. */
  private static final class Change {
    EventRequest request;

    Change(EventRequest request) {
      this.request = request;
    }

    private Change set(String title, String description, Instant start, Instant end, String zone,
        List<String> attendees, ServiceKind service, Recurrence r) {
      request = new EventRequest(title, description, start, end, zone, attendees, service, r);
      return this;
    }

    Change title(String v) {
      EventRequest q = request;
      return set(v, q.description(), q.start(), q.end(), q.timeZone(), q.attendees(), q.service(),
          q.recurrence());
    }

    Change description(String v) {
      EventRequest q = request;
      return set(q.title(), v, q.start(), q.end(), q.timeZone(), q.attendees(), q.service(),
          q.recurrence());
    }

    Change start(Instant v) {
      EventRequest q = request;
      return set(q.title(), q.description(), v, q.end(), q.timeZone(), q.attendees(), q.service(),
          q.recurrence());
    }

    Change end(Instant v) {
      EventRequest q = request;
      return set(q.title(), q.description(), q.start(), v, q.timeZone(), q.attendees(),
          q.service(), q.recurrence());
    }

    Change timeZone(String v) {
      EventRequest q = request;
      return set(q.title(), q.description(), q.start(), q.end(), v, q.attendees(), q.service(),
          q.recurrence());
    }

    Change attendees(List<String> v) {
      EventRequest q = request;
      return set(q.title(), q.description(), q.start(), q.end(), q.timeZone(), v, q.service(),
          q.recurrence());
    }

    Change service(ServiceKind v) {
      EventRequest q = request;
      return set(q.title(), q.description(), q.start(), q.end(), q.timeZone(), q.attendees(), v,
          q.recurrence());
    }

    Change recurrence(Recurrence v) {
      EventRequest q = request;
      return set(q.title(), q.description(), q.start(), q.end(), q.timeZone(), q.attendees(),
          q.service(), v);
    }
  }
}
